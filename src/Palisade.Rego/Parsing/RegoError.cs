using Palisade.Rego.Ast;

namespace Palisade.Rego.Parsing;

/// <summary>An error in a Rego source, printed as OPA prints it: <c>{file}:{line}: {code}: {message}</c>.</summary>
public sealed record RegoError(string Code, string Message, Location Location)
{
    public const string ParseErrorCode = "rego_parse_error";

    public override string ToString() =>
        Location.File.Length > 0
            ? $"{Location.File}:{Location.Line}: {Code}: {Message}"
            : $"{Location.Line}:{Location.Column}: {Code}: {Message}";
}
