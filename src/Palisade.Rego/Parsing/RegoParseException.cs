namespace Palisade.Rego.Parsing;

/// <summary>One or more parse errors, with OPA's message layout (<c>1 error occurred: …</c> / <c>N errors occurred:</c>).</summary>
public sealed class RegoParseException : Exception
{
    public RegoParseException(IReadOnlyList<RegoError> errors)
        : base(Format(errors)) => Errors = errors;

    public RegoParseException()
        : this([])
    {
    }

    public RegoParseException(string message)
        : base(message) => Errors = [];

    public RegoParseException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<RegoError> Errors { get; }

    public static string Format(IReadOnlyList<RegoError> errors) => errors.Count switch
    {
        0 => "no error(s)",
        1 => $"1 error occurred: {errors[0]}",
        _ => $"{errors.Count} errors occurred:\n{string.Join('\n', errors)}",
    };
}
