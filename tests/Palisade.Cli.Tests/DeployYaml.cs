using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Palisade.Cli.Tests;

/// <summary>Reads the manifests under deploy/ as YAML nodes, for the tests that hold them to least privilege.</summary>
internal static class DeployYaml
{
    public static List<YamlMappingNode> Documents(string folder, string file) => Load(Path.Combine(folder, file)).Cast<YamlMappingNode>().ToList();

    public static List<YamlNode> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    /// <summary>The files a kustomization.yaml lists under <c>resources</c>.</summary>
    public static List<string> Resources(string folder) =>
        Strings((YamlMappingNode)Load(Path.Combine(folder, "kustomization.yaml")).Single(), "resources");

    /// <summary>The pod spec of the single Deployment in <paramref name="file"/>.</summary>
    public static YamlMappingNode PodSpec(string folder, string file) =>
        Map(Map(Map(Documents(folder, file).Single(), "spec"), "template"), "spec");

    public static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? (YamlMappingNode)child : new YamlMappingNode();

    public static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? (YamlSequenceNode)child : [];

    public static List<string> Strings(YamlMappingNode node, string key) =>
        Sequence(node, key).Select(n => ((YamlScalarNode)n).Value ?? string.Empty).ToList();

    public static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? ((YamlScalarNode)child).Value : null;

    /// <summary>What the real <c>kubectl kustomize</c> renders of <paramref name="folder"/>; the test is skipped where kubectl is missing.</summary>
    public static async Task<string> KustomizeAsync(string folder)
    {
        Kubectl.RequireInstalled();
        using var process = Process.Start(new ProcessStartInfo(Kubectl.Binary!, ["kustomize", folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var cancel = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder}: {await stderr}");
        return await stdout;
    }

}
