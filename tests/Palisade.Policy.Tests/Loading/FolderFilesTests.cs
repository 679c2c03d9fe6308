using Palisade.Policy.Loading;

namespace Palisade.Policy.Tests.Loading;

public sealed class FolderFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-folder-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Files_come_in_ordinal_path_order_with_linked_files_but_not_linked_folders()
    {
        Write("policy/a.rego");
        Write("policy/a/b.rego");
        Write("elsewhere/c.rego");
        File.CreateSymbolicLink(Path.Combine(_dir, "policy", "linked.rego"), Path.Combine(_dir, "elsewhere", "c.rego"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "policy", "a", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "policy", "other"), Path.Combine(_dir, "elsewhere"));

        var files = FolderFiles.Under(Path.Combine(_dir, "policy")).Select(f => Path.GetRelativePath(_dir, f));

        Assert.Equal(["policy/a.rego", "policy/a/b.rego", "policy/linked.rego"], files);
    }

    [Fact]
    public void A_folder_given_as_a_link_is_walked()
    {
        Write("real/x.rego");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "link"), Path.Combine(_dir, "real"));

        Assert.Equal([Path.Combine(_dir, "link", "x.rego")], FolderFiles.Under(Path.Combine(_dir, "link")));
    }

    [Fact]
    public void A_mounted_ConfigMap_gives_each_key_once_through_its_link()
    {
        Write("mount/..2026_12_07_01/policy.rego");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "mount", "..data"), "..2026_12_07_01");
        File.CreateSymbolicLink(Path.Combine(_dir, "mount", "policy.rego"), Path.Combine("..data", "policy.rego"));

        Assert.Equal([Path.Combine(_dir, "mount", "policy.rego")], FolderFiles.Under(Path.Combine(_dir, "mount")));
    }

    private void Write(string relative)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "package p\n");
    }
}
