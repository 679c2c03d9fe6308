namespace Palisade.Policy.Reporting;

/// <summary>The output formats <c>palisade test --output</c> offers, by conftest's names.</summary>
public static class Reporters
{
    private static readonly Dictionary<string, Func<ReporterOptions, IReporter>> Factories = new(StringComparer.Ordinal)
    {
        [StdoutReporter.FormatName] = options => new StdoutReporter(options),
        ["json"] = _ => new JsonReporter(),
        ["tap"] = _ => new TapReporter(),
        ["table"] = _ => new TableReporter(),
        ["junit"] = options => new JUnitReporter(options.JUnitHideMessage),
        [GitHubReporter.FormatName] = options => new GitHubReporter(options.GitHubHidePassed),
        ["azuredevops"] = _ => new AzureDevOpsReporter(),
        ["sarif"] = _ => new SarifReporter(),
    };

    /// <summary>Every format name, in conftest's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>The reporter for <paramref name="name"/>, or null when there is no such format.</summary>
    public static IReporter? ByName(string name, ReporterOptions? options = null) =>
        Factories.TryGetValue(name, out var create) ? create(options ?? new ReporterOptions()) : null;
}
