using System.Diagnostics;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>The real kubectl binary, run against a kubeconfig; tests that need it are skipped, saying why, without it.</summary>
internal sealed class Kubectl(string kubeconfig)
{
    private static readonly string? Binary = Find();

    public static void RequireInstalled()
    {
        if (Binary is null)
        {
            Assert.Skip("kubectl is not on PATH: the end-to-end sync tests drive the sandbox with the real kubectl (Debian: apt-get install kubernetes-client)");
        }
    }

    /// <summary>Runs kubectl with <paramref name="args"/>; a non-zero exit fails the test with what kubectl printed.</summary>
    public string Run(params string[] args)
    {
        var (exit, stdout, stderr) = TryRun(args);
        Assert.True(exit == 0, $"kubectl {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    public (int ExitCode, string Stdout, string Stderr) TryRun(params string[] args)
    {
        RequireInstalled();
        var start = new ProcessStartInfo(Binary!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl {string.Join(' ', args)} did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
}
