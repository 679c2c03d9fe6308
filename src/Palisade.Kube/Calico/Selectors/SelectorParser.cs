using System.Diagnostics.CodeAnalysis;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>Reads Calico selector text (the selector, namespaceSelector and notSelector fields of policy).</summary>
public static class SelectorParser
{
    /// <summary>Longest selector read. Real selectors are far shorter; the limit bounds the work hostile input causes.</summary>
    public const int MaxLength = 4096;

    /// <summary>Deepest nesting of '(' and '!' read (Calico has no such limit; no real selector comes near it).</summary>
    public const int MaxNestingDepth = 128;

    /// <summary>Parses a selector; an empty or all-blank selector is <c>all()</c>, as in Calico.</summary>
    /// <exception cref="SelectorSyntaxException">The text is not a selector Calico would accept, or is over a limit.</exception>
    public static Selector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new SelectorSyntaxException(MaxLength + 1, $"selector is {text.Length} characters long, over the limit of {MaxLength}");
        }

        return new RecursiveDescentParser(text, MaxNestingDepth).ParseSelector();
    }

    /// <summary>Parses a selector, returning the problem instead of throwing it.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out Selector? selector,
        [NotNullWhen(false)] out SelectorSyntaxException? error)
    {
        try
        {
            selector = Parse(text);
            error = null;
            return true;
        }
        catch (SelectorSyntaxException ex)
        {
            selector = null;
            error = ex;
            return false;
        }
    }
}
