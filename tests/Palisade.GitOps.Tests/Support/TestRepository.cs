namespace Palisade.GitOps.Tests.Support;

/// <summary>A real git repository with a work tree, built with the git CLI and fixed author and committer.</summary>
internal sealed class TestRepository
{
    public TestRepository(string path, string branch = "main")
    {
        Path = path;
        Directory.CreateDirectory(path);
        Git("init", "--quiet", "--initial-branch", branch);
    }

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public TestRepository Write(string file, string content)
    {
        var full = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TestRepository Delete(string file)
    {
        File.Delete(System.IO.Path.Combine(Path, file));
        return this;
    }

    public TestRepository Link(string file, string target)
    {
        var full = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    /// <summary>Commits everything; returns the commit id.</summary>
    public string Commit(string message, params string[] options)
    {
        Git("add", "--all");
        Git(["commit", "--quiet", "--allow-empty", "-m", message, .. options]);
        return Head();
    }

    public string CommitSignedWithSsh(string message, string privateKey)
    {
        Git("add", "--all");
        Git("-c", "gpg.format=ssh", "-c", $"user.signingkey={privateKey}", "commit", "--quiet", "--allow-empty", "-S", "-m", message);
        return Head();
    }

    public string CommitSignedWithGpg(string message, GpgKey key)
    {
        Git("add", "--all");
        key.Git(Path, "-c", $"user.signingkey={key.Fingerprint}", "commit", "--quiet", "--allow-empty", "-S", "-m", message);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public string Git(params string[] arguments) => Tools.Run("git", Path, null, arguments);

    public string GitWithInput(string input, params string[] arguments) => Tools.Run("git", Path, null, input, arguments);
}
