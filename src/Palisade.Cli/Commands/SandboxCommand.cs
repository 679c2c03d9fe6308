using System.CommandLine;
using System.Runtime.InteropServices;
using Palisade.Sandbox;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade sandbox [--port N] [--kubeconfig PATH] [--persist DIR]</c>: runs the embedded Kubernetes API server
/// on 127.0.0.1 until Ctrl-C or SIGTERM, with a kubeconfig for kubectl and Palisade to reach it.
/// </summary>
internal static class SandboxCommand
{
    public const string DefaultKubeconfig = "sandbox.kubeconfig";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve on; 0 takes any free port.", DefaultValueFactory = _ => 0 };
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Where to write the kubeconfig that reaches the sandbox.", DefaultValueFactory = _ => DefaultKubeconfig };
        var persist = new Option<string?>("--persist") { Description = "Folder to keep the objects in across restarts (JSON files); in memory only without it." };
        var command = new Command("sandbox", "Run an in-process Kubernetes API server on 127.0.0.1 that stores network policies (and enforces nothing), until stopped.")
        {
            port, kubeconfig, persist,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var portNumber = result.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                stderr.WriteLine($"sandbox: --port {portNumber}: must be from 0 to 65535");
                return ExitCodes.Failure;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                // Stopped as by Ctrl-C, so the server closes its watches and the kubeconfig stays consistent.
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                var options = new SandboxOptions { Port = portNumber, PersistDirectory = result.GetValue(persist) is { } folder ? Path.GetFullPath(folder) : null };
                await using var server = await SandboxServer.StartAsync(options, stop.Token).ConfigureAwait(false);
                var path = Path.GetFullPath(result.GetRequiredValue(kubeconfig));
                if (Path.GetDirectoryName(path) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                server.WriteKubeconfig(path);
                stdout.WriteLine($"sandbox API server at {server.Url}");
                stdout.WriteLine($"kubeconfig written to {path}");
                stdout.WriteLine($"  try: kubectl --kubeconfig {path} get netpol -A");
                stdout.WriteLine("stop with Ctrl-C");
                stdout.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C or SIGTERM: the normal way to stop.
                }

                stdout.WriteLine("sandbox stopped");
                return ExitCodes.Success;
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"sandbox: {ex.Message}");
                return ExitCodes.Failure;
            }
            catch (UnauthorizedAccessException ex)
            {
                stderr.WriteLine($"sandbox: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
