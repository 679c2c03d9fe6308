namespace Palisade.Policy.Gatekeeper.Suites;

/// <summary>The outcome of one case: passed when <see cref="Error"/> is null and it was not skipped.</summary>
public sealed record CaseResult(string Name, string? Error, TimeSpan Runtime, bool Skipped = false)
{
    public bool Failed => Error is not null;
}

/// <summary>The outcome of one test: its own error (template or constraint unusable) or its cases'.</summary>
public sealed record TestResult(string Name, string? Error, TimeSpan Runtime, IReadOnlyList<CaseResult> Cases, bool Skipped = false)
{
    public bool Failed => Error is not null || Cases.Any(c => c.Failed);
}

/// <summary>The outcome of one suite file.</summary>
public sealed record SuiteResult(string Path, string? Error, TimeSpan Runtime, IReadOnlyList<TestResult> Tests, bool Skipped = false)
{
    public bool Failed => Error is not null || Tests.Any(t => t.Failed);

    public int PassedCases => Tests.Sum(t => t.Cases.Count(c => !c.Failed && !c.Skipped));

    /// <summary>Failed cases, plus one for each test or suite that failed before its cases could run.</summary>
    public int FailedCases => (Error is null ? 0 : 1) + Tests.Sum(t => t.Error is null ? t.Cases.Count(c => c.Failed) : 1);
}
