namespace Palisade.Admission;

/// <summary>
/// Where the webhook's rules come from: a folder of conftest policies checked in the namespaces <c>palisade test</c>
/// would check, and a folder tree of Gatekeeper ConstraintTemplates and Constraints. At least one must be given.
/// </summary>
public sealed record PolicySources
{
    /// <summary>The conftest policy folder (<c>--policy</c>); null when only constraints are enforced.</summary>
    public string? PolicyDir { get; init; }

    /// <summary>The Gatekeeper templates and constraints folder (<c>--templates</c>).</summary>
    public string? TemplatesDir { get; init; }

    /// <summary>Namespace patterns (<c>--namespace</c>), as <c>palisade test</c> takes them.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["main"];

    /// <summary>Check every package the policies declare (<c>--all-namespaces</c>).</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>The folders to watch for changes.</summary>
    public IEnumerable<string> Folders => new[] { PolicyDir, TemplatesDir }.OfType<string>();
}
