namespace Palisade.Kube.Calico.Selectors;

/// <summary>A selector that Calico would refuse, with the place and the reason.</summary>
public sealed class SelectorSyntaxException : Exception
{
    public SelectorSyntaxException(int column, string reason)
        : base($"column {column}: {reason}")
    {
        Column = column;
        Reason = reason;
    }

    /// <summary>1-based position in the selector text (in UTF-16 code units) where the problem is.</summary>
    public int Column { get; }

    /// <summary>What is wrong, for a person to read; <see cref="Exception.Message"/> adds the column.</summary>
    public string Reason { get; }
}
