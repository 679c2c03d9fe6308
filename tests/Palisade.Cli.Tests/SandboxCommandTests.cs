using System.Diagnostics;

namespace Palisade.Cli.Tests;

public sealed class SandboxCommandTests
{
    [Fact]
    public void A_port_out_of_range_is_refused()
    {
        var (exit, _, stderr) = CliRunner.Run("sandbox", "--port", "70000");
        Assert.Equal(1, exit);
        Assert.Contains("--port 70000", stderr);
    }

    [Fact]
    public async Task It_writes_a_kubeconfig_serves_until_SIGTERM_and_stops_cleanly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is sent with kill, which Windows does not have");
        var directory = Directory.CreateTempSubdirectory("palisade-sandbox-cli-").FullName;
        try
        {
            var kubeconfig = Path.Combine(directory, "sub", "sandbox.kubeconfig");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "palisade.dll"), "sandbox", "--kubeconfig", kubeconfig })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("stop with", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.Matches(@"^sandbox API server at https://127\.0\.0\.1:\d+/$", lines[0]);
            Assert.Equal($"kubeconfig written to {kubeconfig}", lines[1]);
            Assert.Equal($"  try: kubectl --kubeconfig {kubeconfig} get netpol -A", lines[2]);
            var written = await File.ReadAllTextAsync(kubeconfig, TestContext.Current.CancellationToken);
            Assert.Contains("current-context: sandbox", written);
            Assert.Contains("certificate-authority-data:", written);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("sandbox stopped", rest);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
