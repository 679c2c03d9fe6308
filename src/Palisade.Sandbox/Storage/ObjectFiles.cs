using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Storage;

/// <summary>
/// Keeps the stored objects as one JSON file each under a folder
/// (<c>group/plural/namespace/name.json</c>, <c>core</c> for the core group, <c>_cluster</c> for cluster-scoped
/// objects), so a sandbox can be stopped and started again with the same objects and resourceVersions.
/// </summary>
internal sealed class ObjectFiles(string directory)
{
    private const string ClusterScope = "_cluster";
    private const string RevisionFile = "revision";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public void Save(SandboxResource resource, JsonObject obj)
    {
        var path = PathOf(resource, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and renamed over, so a crash never leaves half an object to reload.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, obj.ToJsonString(Indented));
        File.Move(temporary, path, overwrite: true);
    }

    public void Remove(SandboxResource resource, string? ns, string name) => File.Delete(PathOf(resource, ns, name));

    /// <summary>
    /// Saves the revision counter: a deletion advances it without leaving an object behind, and resourceVersions
    /// must not go back after a restart.
    /// </summary>
    public void SaveRevision(long revision)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, RevisionFile), revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public long LoadRevision() =>
        File.Exists(Path.Combine(directory, RevisionFile)) && long.TryParse(File.ReadAllText(Path.Combine(directory, RevisionFile)), out var revision) ? revision : 0;

    /// <summary>The objects saved for <paramref name="resource"/>; none when the folder has none.</summary>
    public IEnumerable<JsonObject> Load(SandboxResource resource)
    {
        var folder = Path.Combine(directory, GroupFolder(resource), resource.Plural);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject obj)
            {
                yield return obj;
            }
        }
    }

    private string PathOf(SandboxResource resource, string? ns, string name) =>
        Path.Combine(directory, GroupFolder(resource), resource.Plural, ns ?? ClusterScope, name + ".json");

    private static string GroupFolder(SandboxResource resource) => resource.Group.Length == 0 ? "core" : resource.Group;
}
