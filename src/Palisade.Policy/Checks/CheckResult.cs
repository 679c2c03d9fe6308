using Palisade.Kube.Manifests;
using Palisade.Rego.Values;

namespace Palisade.Policy.Checks;

/// <summary>
/// One message a rule produced for one input (a failure, warning or exception), as conftest reports it, plus where
/// in the input the offending object is.
/// </summary>
/// <param name="Message">The rule's message: the string it produced, or the <c>msg</c> of the object it produced.</param>
/// <param name="Location">The file and line of the document (or object) the message is about; null when unknown.</param>
/// <param name="Metadata">The other keys of an object result, plus <c>query</c> (e.g. <c>data.main.deny</c>), as conftest's JSON shows them.</param>
/// <param name="Query">The query that produced it, e.g. <c>data.main.deny</c>; for an exception, conftest's exception query text.</param>
/// <param name="Outputs">What <c>print</c> wrote while the rule ran.</param>
public sealed record CheckResult(
    string Message,
    SourceLocation? Location,
    ObjectValue Metadata,
    string Query,
    IReadOnlyList<string> Outputs);
