using System.Diagnostics;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// Runs the git CLI without a shell, in an environment that ignores the user's and the system's git configuration,
/// never prompts, and is killed with its children when it outlives its timeout. gpg, which git drives for
/// signatures, is run the same way to fill a keyring.
/// </summary>
internal sealed class GitProcess(string? directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string program = "git")
{
    public TimeSpan Timeout => timeout;

    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellation, byte[]? input = null, long maxOutputBytes = long.MaxValue)
    {
        using var process = new Process { StartInfo = StartInfo(arguments) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new SourceException(RefusalReason.Other, $"{program} could not be started: {ex.Message}");
        }

        try
        {
            var writing = WriteInputAsync(process, input, deadline.Token);
            var errors = process.StandardError.ReadToEndAsync(deadline.Token);
            var (output, truncated) = await ReadOutputAsync(process, maxOutputBytes, deadline.Token).ConfigureAwait(false);
            if (truncated)
            {
                Kill(process);
            }

            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            var error = await errors.ConfigureAwait(false);
            await IgnoreBrokenPipe(writing).ConfigureAwait(false);
            return new GitResult(process.ExitCode, output, error, truncated);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new TimeoutException($"{program} {Command(arguments)} did not finish within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            // Whatever went wrong, no git (or ssh, or gpg it started) is left running.
            Kill(process);
        }
    }

    /// <summary>The subcommand, for messages: the first argument that is neither an option nor the value of -c.</summary>
    private static string Command(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "-c")
            {
                i++;
            }
            else if (!arguments[i].StartsWith('-'))
            {
                return arguments[i];
            }
        }

        return string.Empty;
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Variables such as GIT_DIR, GIT_CONFIG_PARAMETERS or GIT_SSH_COMMAND in our own environment would redirect git.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal) || k is "SSH_ASKPASS").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_LITERAL_PATHSPECS"] = "1";
        // ext:: and other transports run commands named by the URL; only the ones a source may use are allowed.
        start.Environment["GIT_ALLOW_PROTOCOL"] = "https:http:ssh:file";
        start.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static async Task WriteInputAsync(Process process, byte[]? input, CancellationToken cancellation)
    {
        await using var stdin = process.StandardInput.BaseStream;
        if (input is not null)
        {
            await stdin.WriteAsync(input, cancellation).ConfigureAwait(false);
        }
    }

    private static async Task<(byte[] Output, bool Truncated)> ReadOutputAsync(Process process, long maxBytes, CancellationToken cancellation)
    {
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        var stdout = process.StandardOutput.BaseStream;
        int read;
        while ((read = await stdout.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                return (output.ToArray(), true);
            }

            output.Write(buffer, 0, read);
        }

        return (output.ToArray(), false);
    }

    // git may exit before reading all of its input (for example after an error); that is reported by its exit code.
    private static async Task IgnoreBrokenPipe(Task writing)
    {
        try
        {
            await writing.ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }
}
