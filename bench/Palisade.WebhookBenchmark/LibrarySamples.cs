using System.Text.Json.Nodes;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Values;

namespace Palisade.WebhookBenchmark;

/// <summary>
/// Gatekeeper-library templates with a sample constraint each, copied at run time into a temporary templates folder
/// (the shared library is never copied into the repository), and their example objects.
/// </summary>
internal static class LibrarySamples
{
    /// <summary>
    /// Twenty templates whose samples are plain Pods and Deployments (no inventory, no AdmissionReview files), so
    /// every one of them is evaluated on every Pod the mix sends, as a cluster enforcing them all would.
    /// </summary>
    public static readonly string[] Templates =
    [
        "general/automount-serviceaccount-token",
        "general/containerlimits",
        "general/disallowedrepos",
        "general/disallowedtags",
        "general/disallowinteractive",
        "general/replicalimits",
        "general/requiredprobes",
        "general/allowedrepos",
        "general/imagedigests",
        "general/containerresourceratios",
        "pod-security-policy/allow-privilege-escalation",
        "pod-security-policy/capabilities",
        "pod-security-policy/flexvolume-drivers",
        "pod-security-policy/forbidden-sysctls",
        "pod-security-policy/host-namespaces",
        "pod-security-policy/host-process",
        "pod-security-policy/privileged-containers",
        "pod-security-policy/read-only-root-filesystem",
        "pod-security-policy/seccomp",
        "pod-security-policy/volumes",
    ];

    /// <summary>Copies each template and its chosen sample constraint into <paramref name="templatesDir"/>; returns the samples.</summary>
    public static List<Sample> CopyInto(string library, string templatesDir)
    {
        var samples = new List<Sample>();
        foreach (var path in Templates)
        {
            var folder = Path.Combine(library, path);
            var (sampleDir, files) = ChooseSampleFolder(folder) ?? throw new InvalidDataException($"{folder}: no sample folder with plain example objects");
            var target = Path.Combine(templatesDir, path.Replace('/', '-'));
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(folder, "template.yaml"), Path.Combine(target, "template.yaml"));
            File.Copy(Path.Combine(sampleDir, "constraint.yaml"), Path.Combine(target, "constraint.yaml"));
            var constraint = ObjectFiles.ReadSingle(Path.Combine(sampleDir, "constraint.yaml"));
            var constraintName = Field(Field(constraint, "metadata"), "name") is StringValue name ? name.Value : throw new InvalidDataException($"{sampleDir}: constraint has no name");
            foreach (var (file, obj) in files)
            {
                var denied = Path.GetFileName(file).StartsWith("example_disallowed", StringComparison.Ordinal);
                samples.Add(new Sample($"{path}/{Path.GetFileNameWithoutExtension(file)}", obj, denied, constraintName));
            }
        }

        return samples;
    }

    /// <summary>The first sample folder (by name) with both allowed and disallowed examples, else the first with either.</summary>
    private static (string Dir, List<(string File, JsonObject Object)> Files)? ChooseSampleFolder(string template)
    {
        var candidates = Directory.GetDirectories(Path.Combine(template, "samples")).Order(StringComparer.Ordinal)
            .Where(dir => File.Exists(Path.Combine(dir, "constraint.yaml")))
            .Select(dir => (Dir: dir, Files: Examples(dir)))
            .Where(c => c.Files.Count > 0)
            .ToList();
        var both = candidates.FindIndex(c => HasBoth(c.Files));
        return candidates.Count == 0 ? null : candidates[Math.Max(both, 0)];
    }

    private static bool HasBoth(List<(string File, JsonObject Object)> files) =>
        files.Any(f => Path.GetFileName(f.File).StartsWith("example_allowed", StringComparison.Ordinal))
        && files.Any(f => Path.GetFileName(f.File).StartsWith("example_disallowed", StringComparison.Ordinal));

    /// <summary>example_allowed*/example_disallowed* files holding one plain object; other names carry no clear verdict.</summary>
    private static List<(string File, JsonObject Object)> Examples(string sampleDir) =>
        [.. Directory.GetFiles(sampleDir, "example_*.yaml").Order(StringComparer.Ordinal)
            .Where(f => Path.GetFileName(f).StartsWith("example_allowed", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("example_disallowed", StringComparison.Ordinal))
            .Select(f => (File: f, Objects: ObjectFiles.Read(f)))
            .Where(f => f.Objects is [ObjectValue obj] && Field(obj, "kind") is not StringValue { Value: "AdmissionReview" })
            .Select(f => (f.File, ValueJson.ToJson(f.Objects[0])!.AsObject()))];

    private static Value? Field(Value? value, string name) =>
        value is ObjectValue obj && obj.TryGetValue(name, out var field) ? field : null;
}
