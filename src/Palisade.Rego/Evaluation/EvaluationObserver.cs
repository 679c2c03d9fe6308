using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation.Tracing;

namespace Palisade.Rego.Evaluation;

/// <summary>What an evaluation reports besides its results. Every callback is optional; none is called concurrently.</summary>
public sealed record EvaluationObserver
{
    /// <summary>Where <c>print</c> output goes.</summary>
    public Action<string>? Print { get; init; }

    /// <summary>Where <c>print</c> output goes with the location of the call; when set, instead of <see cref="Print"/>.</summary>
    public Action<Location, string>? LocatedPrint { get; init; }

    /// <summary>
    /// Builtin errors that made an expression undefined, as OPA's builtin error list collects them (with strict
    /// builtin errors they end the query instead, and are not reported here).
    /// </summary>
    public Action<RegoException>? BuiltinError { get; init; }

    /// <summary>The evaluation trace. Tracing evaluates every expression step by step, so it is slower.</summary>
    public Action<TraceEvent>? Trace { get; init; }

    public static EvaluationObserver None { get; } = new();
}
