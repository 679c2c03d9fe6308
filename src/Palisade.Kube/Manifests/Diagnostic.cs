namespace Palisade.Kube.Manifests;

/// <summary>One problem found in a user's file, printed as <c>file:line:column: message</c>.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message)
{
    /// <summary>Longest message printed whole; past it the middle gives way, so a value pasted by mistake cannot flood the terminal.</summary>
    public const int MaxPrintedChars = 400;

    public override string ToString() => $"{Location}: {Printed(Message)}";

    // The start names the key and the end says what is wrong; a quoted value in between is what runs long.
    private static string Printed(string message) => message.Length <= MaxPrintedChars
        ? message
        : $"{message[..(MaxPrintedChars / 2)]} … {message[^(MaxPrintedChars / 2)..]}";
}
