using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego.Values;

namespace Palisade.Benchmarks;

/// <summary>
/// A Gatekeeper library policy as the benchmarks use it: its template's Rego and libs, its sample constraint's
/// parameters, and the sample objects, each wrapped as Gatekeeper's input (<c>review.object</c>, <c>parameters</c>).
/// </summary>
internal sealed record GatekeeperPolicy(string Name, string Package, IReadOnlyList<string> Modules, IReadOnlyList<(string Name, Value Input)> Samples)
{
    public static string LibraryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "gatekeeper-library", "library");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/gatekeeper-library/library was not found beside the repository");
    }

    /// <summary>Reads library/&lt;path&gt;: template.yaml and the first sample folder.</summary>
    public static GatekeeperPolicy Load(string path)
    {
        var folder = Path.Combine(LibraryRoot(), path);
        var reader = new ManifestReader();
        var template = (MappingNode)reader.ReadFile(Path.Combine(folder, "template.yaml"))[0].Root!;
        var target = (MappingNode)((SequenceNode)((MappingNode)template["spec"]!)["targets"]!).Items[0];

        // Rego is either the target's own rego/libs, or (newer templates) the source of its code entry for engine Rego.
        var source = target["rego"] is not null ? target
            : (MappingNode)((MappingNode)((SequenceNode)target["code"]!).Items.Cast<MappingNode>()
                .First(c => c["engine"] is ScalarNode { Text: "Rego" }))["source"]!;
        var modules = new List<string> { ((ScalarNode)source["rego"]!).AsString };
        if (source["libs"] is SequenceNode libs)
        {
            modules.AddRange(libs.Items.Cast<ScalarNode>().Select(l => l.AsString));
        }

        var package = modules[0].Split('\n').First(l => l.StartsWith("package ", StringComparison.Ordinal))["package ".Length..].Trim();
        var sample = Directory.GetDirectories(Path.Combine(folder, "samples")).Order(StringComparer.Ordinal).First();
        var constraint = (MappingNode)reader.ReadFile(Path.Combine(sample, "constraint.yaml"))[0].Root!;
        var parameters = ((MappingNode)constraint["spec"]!)["parameters"] is { } p ? ManifestValues.ToValue(p) : ObjectValue.Empty;
        var samples = Directory.GetFiles(sample, "example_*.yaml").Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileNameWithoutExtension(file), (Value)Review(reader.ReadFile(file)[0].Root!, parameters)))
            .ToList();
        return new GatekeeperPolicy(path, package, modules, samples);
    }

    private static ObjectValue Review(ManifestNode obj, Value parameters)
    {
        var value = (ObjectValue)ManifestValues.ToValue(obj);
        var kind = value.TryGetValue("kind", out var k) ? k : StringValue.Empty;
        var review = ObjectValue.Of(
            ("object", value),
            ("kind", ObjectValue.Of(("kind", kind), ("group", StringValue.Empty), ("version", StringValue.Of("v1")))),
            ("operation", StringValue.Of("CREATE")));
        return ObjectValue.Of(("review", review), ("parameters", parameters));
    }
}
