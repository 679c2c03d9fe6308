using Palisade.Kube.Manifests;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>One document checked on its own: a YAML document, or an element of a file whose root is a list.</summary>
public sealed record InputDocument(Value Value, SourceLocation? Location);

/// <summary>An input as conftest names it (the path given or found, <c>-</c> for stdin) and its documents.</summary>
public sealed record InputFile(string Name, IReadOnlyList<InputDocument> Documents);
