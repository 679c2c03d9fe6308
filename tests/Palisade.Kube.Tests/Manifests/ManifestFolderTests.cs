using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Manifests;

public sealed class ManifestFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-manifests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void WalksFoldersRecursivelyInSortedOrder()
    {
        Write("root/b.yaml", "n: b");
        Write("root/a/z.yml", "n: az");
        Write("root/a/c.json", "{\"n\": \"ac\"}");
        Write("root/readme.md", "not read");
        Write("root/.git/config.yaml", "n: git");

        var result = new ManifestReader().ReadPaths([Path.Combine(_dir, "root")]);

        Assert.True(result.Succeeded);
        var names = result.Documents.Select(d => ((ScalarNode)((MappingNode)d.Root!)["n"]!).Text);
        Assert.Equal(["ac", "az", "b"], names);
        Assert.EndsWith("root/a/c.json", result.Documents[0].File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_back_up_the_tree_ends_the_walk_and_each_folder_is_read_once()
    {
        Write("root/a/x.yaml", "n: x");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "root/a/up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "root/same"), "a");

        var result = new ManifestReader().ReadPaths([Path.Combine(_dir, "root")]);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["n: x"], result.Documents.Select(d => "n: " + ((ScalarNode)((MappingNode)d.Root!)["n"]!).Text));
    }

    [Fact]
    public void A_mounted_ConfigMap_is_read_once_through_its_keys()
    {
        Write("mount/..2026_12_07_01/t.yaml", "n: t");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "mount/..data"), "..2026_12_07_01");
        File.CreateSymbolicLink(Path.Combine(_dir, "mount/t.yaml"), "..data/t.yaml");

        var result = new ManifestReader().ReadPaths([Path.Combine(_dir, "mount")]);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.EndsWith("mount/t.yaml", Assert.Single(result.Documents).File, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesSymlinksThatLeaveTheFolder()
    {
        var secret = Write("secret.yaml", "password: x");
        Write("repo/ok.yaml", "n: 1");
        Directory.CreateDirectory(Path.Combine(_dir, "repo/sub"));
        File.CreateSymbolicLink(Path.Combine(_dir, "repo/sub/leak.yaml"), secret);
        File.CreateSymbolicLink(Path.Combine(_dir, "repo/inside.yaml"), Path.Combine(_dir, "repo/ok.yaml"));

        var result = new ManifestReader().ReadPaths([Path.Combine(_dir, "repo")]);

        var error = Assert.Single(result.Errors);
        Assert.EndsWith("repo/sub/leak.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Contains("symlink points outside", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Documents.Count);
    }

    [Fact]
    public void RefusesFilesOutsideAnExplicitRoot()
    {
        var outside = Write("outside.yaml", "n: 1");
        Directory.CreateDirectory(Path.Combine(_dir, "repo"));

        var result = new ManifestReader().ReadPaths([outside], confinementRoot: Path.Combine(_dir, "repo"));

        Assert.Empty(result.Documents);
        Assert.Contains("outside", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsMissingPathsAndBigFiles()
    {
        Write("big.yaml", "a: " + new string('x', 500));
        var reader = new ManifestReader(new ManifestReaderOptions { MaxFileBytes = 100 });

        var result = reader.ReadPaths([Path.Combine(_dir, "missing"), Path.Combine(_dir, "big.yaml")]);

        Assert.Equal(2, result.Errors.Count);
        Assert.EndsWith("missing: no such file or folder", result.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("over the limit of 100 bytes", result.Errors[1].Message, StringComparison.Ordinal);
    }
}
