using Palisade.Rego.Ast;
using Palisade.Rego.Errors;

namespace Palisade.Rego.Compilation;

/// <summary>Reports the errors a compile stage collected, as OPA does: sorted by position, at most ten of them.</summary>
internal static class CompileErrors
{
    /// <summary>OPA's default error limit; errors past it are replaced by one "error limit reached".</summary>
    public const int Limit = 10;

    public static void ThrowIfAny(IEnumerable<RegoException> collected)
    {
        var errors = collected
            .OrderBy(e => e.Location.File, StringComparer.Ordinal)
            .ThenBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
        if (errors.Count == 0)
        {
            return;
        }

        if (errors.Count > Limit)
        {
            errors = [.. errors.Take(Limit), new RegoException(ErrorCodes.CompileError, "error limit reached", Location.None)];
        }

        var first = errors[0];
        throw errors.Count == 1 ? first : new RegoException(first.Code, first.Message, first.Location) { All = errors };
    }
}
