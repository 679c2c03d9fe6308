using System.Diagnostics;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>
/// A real git repository in a temporary folder, written and committed with the real git, as a policy team's
/// repository would be. Commits can be signed with an SSH key made by the real ssh-keygen.
/// </summary>
internal sealed class PolicyRepository : IDisposable
{
    private PolicyRepository(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static PolicyRepository Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "palisade-repo-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repository = new PolicyRepository(root);
        repository.Git("init", "--quiet", "--initial-branch=main");
        return repository;
    }

    public PolicyRepository Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public PolicyRepository Delete(string path)
    {
        File.Delete(Path.Combine(Root, path));
        return this;
    }

    public PolicyRepository Symlink(string path, string target)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    /// <summary>Commits everything in the work tree; signed when <paramref name="sshKey"/> names a private key.</summary>
    public string Commit(string message, string? sshKey = null)
    {
        Git("add", "--all");
        if (sshKey is null)
        {
            Git("commit", "--quiet", "--allow-empty", "--no-gpg-sign", "-m", message);
        }
        else
        {
            Git("-c", "gpg.format=ssh", "-c", "user.signingkey=" + sshKey, "commit", "--quiet", "--allow-empty", "-S", "-m", message);
        }

        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>Makes an ed25519 key pair with ssh-keygen; returns the private key's path and its allowed_signers line.</summary>
    public static (string PrivateKey, string AllowedSignersLine) NewSigningKey(string folder, string principal)
    {
        Directory.CreateDirectory(folder);
        var key = Path.Combine(folder, principal.Replace('@', '_'));
        Run("ssh-keygen", folder, "-q", "-t", "ed25519", "-N", string.Empty, "-C", principal, "-f", key);
        var publicKey = File.ReadAllText(key + ".pub").Trim();
        return (key, $"{principal} {publicKey}");
    }

    public string Git(params string[] args) => Run("git", Root, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temporary folder is left behind.
        }
    }

    private static string Run(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Fixed identity and no user or system configuration, so runs are alike everywhere.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = "Ada Policy";
        start.Environment["GIT_AUTHOR_EMAIL"] = "ada@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Ada Policy";
        start.Environment["GIT_COMMITTER_EMAIL"] = "ada@example.com";
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
