using Palisade.Rego.Ast;

namespace Palisade.Rego.Errors;

/// <summary>OPA's error codes, used unchanged so that tooling built for OPA understands Palisade's errors.</summary>
public static class ErrorCodes
{
    public const string ParseError = "rego_parse_error";
    public const string CompileError = "rego_compile_error";
    public const string TypeError = "rego_type_error";
    public const string RecursionError = "rego_recursion_error";
    public const string UnsafeVarError = "rego_unsafe_var_error";
    public const string ConflictError = "eval_conflict_error";
    public const string EvalTypeError = "eval_type_error";
    public const string BuiltinError = "eval_builtin_error";
    public const string CancelError = "eval_cancel_error";
}

/// <summary>A compile or evaluation error, printed as OPA prints it: <c>file:line: code: message</c>.</summary>
public sealed class RegoException(string code, string message, Location location) : Exception(message)
{
    public string Code { get; } = code;

    public Location Location { get; } = location;

    /// <summary>
    /// Every error of the compile stage that failed, in OPA's order, when there were several; this error is the first.
    /// </summary>
    public IReadOnlyList<RegoException> All
    {
        get => _all ?? [this];
        init => _all = value;
    }

    private readonly IReadOnlyList<RegoException>? _all;

    public override string ToString() => _all is { Count: > 1 }
        ? $"{_all.Count} errors occurred:\n{string.Join('\n', _all.Select(e => e.Single()))}"
        : Single();

    private string Single() => Location.Line > 0 ? $"{Location}: {Code}: {Message}" : $"{Code}: {Message}";
}
