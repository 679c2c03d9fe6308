using System.Diagnostics;

namespace Palisade.GitOps.Tests.Support;

/// <summary>
/// A git server over ssh, as a forge's deploy-key access is to the sync: the real OpenSSH sshd on a loopback port, with
/// its own host key and one authorized client key, running git-upload-pack for the current user.
/// </summary>
internal sealed class SshGitServer : IDisposable
{
    private const string Sshd = "/usr/sbin/sshd";
    private readonly Process _process;

    private SshGitServer(Process process, int port, string hostPublicKey)
    {
        _process = process;
        Port = port;
        HostPublicKey = hostPublicKey;
    }

    public int Port { get; }

    /// <summary>The host key as a known_hosts entry names it: <c>ssh-ed25519 AAAA…</c>.</summary>
    public string HostPublicKey { get; }

    /// <summary>The ssh:// URL of a repository at an absolute path on this machine.</summary>
    public string Url(string repositoryPath) => $"ssh://{Environment.UserName}@127.0.0.1:{Port}{repositoryPath}";

    /// <summary>The known_hosts line that trusts this server's host key.</summary>
    public string KnownHostsLine => $"[127.0.0.1]:{Port} {HostPublicKey}";

    public static void RequireInstalled() =>
        Assert.SkipWhen(!File.Exists(Sshd), $"{Sshd} is not installed: the ssh transport tests run the real OpenSSH server (Debian: apt-get install openssh-server)");

    /// <summary>
    /// Starts sshd with the host key <paramref name="hostKeyName"/> (made in <paramref name="folder"/> if absent) on
    /// <paramref name="port"/> (a free one when 0), accepting only <paramref name="authorizedKey"/>.
    /// </summary>
    public static async Task<SshGitServer> StartAsync(string folder, SshKey authorizedKey, string hostKeyName, int port = 0)
    {
        RequireInstalled();
        var hostKey = Path.Combine(folder, hostKeyName);
        if (!File.Exists(hostKey))
        {
            Tools.Run("ssh-keygen", folder, null, "-q", "-t", "ed25519", "-N", "", "-C", hostKeyName, "-f", hostKey);
        }

        var authorized = Path.Combine(folder, "authorized_keys");
        await File.WriteAllTextAsync(authorized, authorizedKey.PublicKey + "\n");
        if (port == 0)
        {
            port = LoopbackPort.Unused();
        }

        var config = Path.Combine(folder, $"sshd_config-{port}");
        await File.WriteAllTextAsync(config, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            AuthorizedKeysFile {authorized}
            PidFile none
            UsePAM no
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            AllowTcpForwarding no
            X11Forwarding no
            """);
        if (Environment.UserName == "root")
        {
            // Run as root, sshd insists on its privilege-separation folder, which the packaged service would create.
            Directory.CreateDirectory("/run/sshd");
        }

        var start = new ProcessStartInfo(Sshd) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new SshGitServer(process, port, (await File.ReadAllTextAsync(hostKey + ".pub")).Trim());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var log = new List<string>();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            log.Add(line);
            if (line.StartsWith("Server listening on", StringComparison.Ordinal))
            {
                // Keep draining the log so that sshd never blocks on a full pipe.
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return server;
            }
        }

        server.Dispose();
        throw new InvalidOperationException($"sshd did not start: {string.Join(" | ", log)}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
