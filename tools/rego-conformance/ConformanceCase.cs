using Palisade.Rego.Values;

namespace Palisade.Rego.Conformance;

/// <summary>One case of OPA's conformance suite, as its YAML files write it.</summary>
public sealed record ConformanceCase(
    string File,
    string Note,
    string Query,
    IReadOnlyList<string> Modules,
    ObjectValue Data,
    Value? Input,
    string? InputTerm,
    IReadOnlyList<ObjectValue>? WantResult,
    string? WantErrorCode,
    string? WantError,
    bool SortBindings,
    bool StrictError);
