using System.Diagnostics;

namespace Palisade.Testing;

/// <summary>
/// The real kubectl binary, run against a kubeconfig (with its own discovery cache when given one, so that no run sees
/// another server's documents). Tests that need it are skipped, saying why, where it is not installed.
/// </summary>
internal sealed class Kubectl(string kubeconfig, string? cacheDirectory = null)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>kubectl from /usr/bin or the PATH, or null when there is none.</summary>
    public static string? Binary { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Prepend("/usr/bin")
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);

    public static void RequireInstalled() =>
        Assert.SkipWhen(Binary is null, "kubectl is not installed (/usr/bin or PATH): these tests drive the sandbox with the real kubectl (Debian: apt-get install kubernetes-client)");

    /// <summary>Runs kubectl; a non-zero exit fails the test with what kubectl printed. Its standard output.</summary>
    public string Run(params string[] args)
    {
        var (exit, stdout, stderr) = TryRun(args);
        Assert.True(exit == 0, $"kubectl {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    public (int ExitCode, string Stdout, string Stderr) TryRun(params string[] args) =>
        RunWithInputAsync(string.Empty, args).GetAwaiter().GetResult();

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var process = Start(args);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl {string.Join(' ', args)} did not finish within {Limit.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs kubectl and fails the test, with what it printed, unless it succeeds; its standard output.</summary>
    public Task<string> SucceedAsync(params string[] args) => SucceedWithInputAsync(string.Empty, args);

    public async Task<string> SucceedWithInputAsync(string stdin, params string[] args)
    {
        var (exit, stdout, stderr) = await RunWithInputAsync(stdin, args);
        Assert.True(exit == 0, $"kubectl {string.Join(' ', args)} exited with {exit}: {stderr}{stdout}");
        return stdout;
    }

    /// <summary>Starts kubectl (a watch, say), whose output the test reads while it runs.</summary>
    public Process Start(params string[] args)
    {
        RequireInstalled();
        var start = new ProcessStartInfo(Binary!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        if (cacheDirectory is not null)
        {
            start.ArgumentList.Add("--cache-dir");
            start.ArgumentList.Add(cacheDirectory);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
    }
}
