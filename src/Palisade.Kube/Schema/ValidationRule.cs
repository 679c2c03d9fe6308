using Palisade.Kube.Manifests;
using Palisade.Kube.Schema.Cel;

namespace Palisade.Kube.Schema;

/// <summary>
/// One <c>x-kubernetes-validations</c> entry. <see cref="Program"/> is null when the rule could not be compiled;
/// <see cref="CompileError"/> then says why, and every object the rule applies to is reported as unchecked.
/// </summary>
internal sealed record ValidationRule(
    string Rule,
    string? Message,
    string? MessageExpression,
    string? FieldPath,
    SourceLocation Location,
    CelProgram? Program,
    CelProgram? MessageProgram,
    string? CompileError);
