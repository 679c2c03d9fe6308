namespace Palisade.Policy.Checks;

/// <summary>Everything one <c>palisade test</c> run found, in input order, and the exit code conftest would give it.</summary>
public sealed record CheckReport(IReadOnlyList<FileCheckResults> Files)
{
    public int Tests => Files.Sum(f => f.Total);

    public int Passed => Files.Sum(f => f.Successes);

    public int Failures => Files.Sum(f => f.Failures.Count);

    public int Warnings => Files.Sum(f => f.Warnings.Count);

    public int Exceptions => Files.Sum(f => f.Exceptions.Count);

    public int Skipped => Files.Sum(f => f.Skipped.Count);

    /// <summary>
    /// conftest's exit code: 1 on failures; with <paramref name="failOnWarn"/>, 2 on failures and 1 on warnings only;
    /// 0 with <paramref name="noFail"/>.
    /// </summary>
    public int ExitCode(bool failOnWarn, bool noFail)
    {
        if (noFail)
        {
            return 0;
        }

        if (failOnWarn)
        {
            return Failures > 0 ? 2 : Warnings > 0 ? 1 : 0;
        }

        return Failures > 0 ? 1 : 0;
    }
}
