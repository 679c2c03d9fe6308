using System.Diagnostics;

namespace Palisade.Sandbox.Tests;

/// <summary>Runs the real kubectl against a sandbox through its kubeconfig.</summary>
internal sealed class Kubectl(TestSandbox sandbox)
{
    public const string Path = "/usr/bin/kubectl";

    /// <summary>Skips the calling test, saying why, when kubectl is not installed.</summary>
    public static void RequireInstalled() => Assert.SkipUnless(File.Exists(Path), $"kubectl is not installed at {Path}");

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("kubectl did not start");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs kubectl and fails the test, with what it printed, unless it succeeds; its standard output.</summary>
    public async Task<string> SucceedAsync(params string[] args) => await SucceedWithInputAsync("", args);

    public async Task<string> SucceedWithInputAsync(string stdin, params string[] args)
    {
        var (exit, stdout, stderr) = await RunWithInputAsync(stdin, args);
        Assert.True(exit == 0, $"kubectl {string.Join(' ', args)} exited with {exit}: {stderr}{stdout}");
        return stdout;
    }

    /// <summary>Starts a long-running kubectl (a watch), whose output the test reads while it runs.</summary>
    public Process Start(params string[] args) => Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("kubectl did not start");

    private ProcessStartInfo StartInfo(string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(sandbox.KubeconfigPath);
        // Discovery cached per test sandbox, so no run sees another server's documents.
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(System.IO.Path.Combine(sandbox.Directory, "kube-cache"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
