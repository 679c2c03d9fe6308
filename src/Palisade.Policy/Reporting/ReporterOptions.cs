namespace Palisade.Policy.Reporting;

/// <summary>Settings shared by the reporters, named after conftest's flags.</summary>
public sealed record ReporterOptions
{
    /// <summary>ANSI colours, as conftest prints them unless <c>--no-color</c>.</summary>
    public bool Color { get; init; }

    /// <summary>Leave out EXCP results (<c>--suppress-exceptions</c>); they are still counted.</summary>
    public bool SuppressExceptions { get; init; }

    /// <summary>JUnit test cases are named by file only, without the message (<c>--junit-hide-message</c>).</summary>
    public bool JUnitHideMessage { get; init; }

    /// <summary>GitHub output leaves out the inputs on which every check passed (<c>--github-hide-passed</c>).</summary>
    public bool GitHubHidePassed { get; init; }

    /// <summary>Add <c>, N skipped</c> to the summary.</summary>
    public bool ShowSkipped { get; init; }
}
