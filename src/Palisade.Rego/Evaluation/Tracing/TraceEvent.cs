using Palisade.Rego.Ast;

namespace Palisade.Rego.Evaluation.Tracing;

/// <summary>The step of evaluation a trace event records, named as OPA's tracer names them.</summary>
public enum TraceOp
{
    /// <summary>A query or a rule body starts.</summary>
    Enter,

    /// <summary>An expression is evaluated.</summary>
    Eval,

    /// <summary>An expression is evaluated again, for its next solution.</summary>
    Redo,

    /// <summary>An expression has no (more) solutions.</summary>
    Fail,

    /// <summary>A rule body produced a solution.</summary>
    Exit,
}

/// <summary>One step of an evaluation trace: what happened, how deep in rule calls, to which expression or rule.</summary>
public sealed record TraceEvent(TraceOp Op, int Depth, string Text, Location Location);
