namespace Palisade.Rego.Parsing;

/// <summary>Unwinds the parser at a syntax error; OPA, too, stops at the first one.</summary>
internal sealed class ParseAbort(RegoError error) : Exception(error.Message)
{
    public RegoError Error { get; } = error;
}
