namespace Palisade.Sandbox.Http;

/// <summary>The served resources, by group, version and plural.</summary>
internal sealed class ResourceCatalog
{
    public ResourceCatalog(IReadOnlyList<SandboxResource> resources)
    {
        var duplicate = resources.GroupBy(r => (r.Group, r.Version, r.Plural)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"resource {duplicate.Key.Plural} in {duplicate.Key.Group}/{duplicate.Key.Version} is given twice", nameof(resources));
        }

        All = resources;
    }

    public IReadOnlyList<SandboxResource> All { get; }

    /// <summary>The API groups other than core, each with its versions, in the order first served.</summary>
    public IEnumerable<(string Group, IReadOnlyList<string> Versions)> Groups =>
        All.Where(r => r.Group.Length > 0).GroupBy(r => r.Group).Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(r => r.Version).Distinct()]));

    public IEnumerable<SandboxResource> In(string group, string version) => All.Where(r => r.Group == group && r.Version == version);

    public bool Serves(string group, string version) => In(group, version).Any();

    public SandboxResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);
}
