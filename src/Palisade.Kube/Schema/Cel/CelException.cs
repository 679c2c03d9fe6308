namespace Palisade.Kube.Schema.Cel;

/// <summary>A rule Palisade cannot read: bad syntax, or CEL it does not implement. Such a rule is never taken as passing.</summary>
public sealed class CelSyntaxException(string message, int position) : Exception(message)
{
    /// <summary>0-based offset in the rule's text.</summary>
    public int Position { get; } = position;
}

/// <summary>A rule that went wrong while running (no such key, no such overload, overflow), as CEL's error values do.</summary>
public sealed class CelEvaluationException(string message) : Exception(message);
