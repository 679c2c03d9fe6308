using Palisade.Policy.Gatekeeper.Suites;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade verify --suite PATH…</c>: runs gator suites (a suite file, or every suite.yaml under a folder) as
/// <c>gator verify</c> does, and fails (exit 1) when any case, test or suite fails.
/// </summary>
internal static class VerifySuites
{
    public static int Run(IReadOnlyList<string> paths, bool verbose, TextWriter output, TextWriter error)
    {
        var results = new SuiteRunner().RunAll(paths);
        if (results.Count == 0)
        {
            error.WriteLine($"no {SuiteReader.SuiteFileName} found under {string.Join(", ", paths)}");
            return ExitCodes.Failure;
        }

        SuiteTextReporter.Write(output, results, verbose);
        return results.Any(r => r.Failed) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
