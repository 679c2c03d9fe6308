using System.Text;

namespace Palisade.GitOps.Source;

/// <summary>What one git command printed; <see cref="OutputTruncated"/> when it printed more than the caller allowed.</summary>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error, bool OutputTruncated)
{
    public bool Succeeded => ExitCode == 0 && !OutputTruncated;

    public string Text => Encoding.UTF8.GetString(Output);

    /// <summary>
    /// The line of stderr that says what went wrong (git's fatal/error line when there is one), redacted. When git only
    /// says it could not read from the remote, the transport's own line before it (ssh's "Host key verification
    /// failed.", "Permission denied (publickey).") is the reason, and leads.
    /// </summary>
    public string ErrorLine
    {
        get
        {
            var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var fatal = Array.FindIndex(lines, l => l.StartsWith("fatal:", StringComparison.Ordinal));
            var line = fatal >= 0 ? lines[fatal]
                : lines.FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal))
                ?? lines.LastOrDefault()
                ?? $"git exited with code {ExitCode}";
            foreach (var prefix in (string[])["fatal: ", "error: "])
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    line = line[prefix.Length..];
                }
            }

            if (fatal > 0 && line.StartsWith("Could not read from remote repository", StringComparison.Ordinal))
            {
                line = $"{lines[fatal - 1].TrimEnd('.')}; could not read from remote repository";
            }

            return RemoteLocation.Redact(line);
        }
    }
}
