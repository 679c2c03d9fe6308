using System.Text;

namespace Palisade.GitOps.Source;

/// <summary>What one git command printed; <see cref="OutputTruncated"/> when it printed more than the caller allowed.</summary>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error, bool OutputTruncated)
{
    public bool Succeeded => ExitCode == 0 && !OutputTruncated;

    public string Text => Encoding.UTF8.GetString(Output);

    /// <summary>The line of stderr that says what went wrong (git's fatal/error line when there is one), redacted.</summary>
    public string ErrorLine
    {
        get
        {
            var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = lines.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal))
                ?? lines.FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal))
                ?? lines.LastOrDefault()
                ?? $"git exited with code {ExitCode}";
            foreach (var prefix in (string[])["fatal: ", "error: "])
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    line = line[prefix.Length..];
                }
            }

            return RemoteLocation.Redact(line);
        }
    }
}
