using Palisade.Policy.Checks;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Checks;

public sealed class CheckReportTests
{
    private static readonly CheckResult Result = new("m", null, ObjectValue.Empty, "data.main.deny", []);

    private static CheckReport Report(int failures, int warnings) =>
        new([new FileCheckResults("f.yaml", "main", 3, Enumerable.Repeat(Result, failures).ToList(), Enumerable.Repeat(Result, warnings).ToList(), [], [])]);

    [Theory]
    [InlineData(0, 0, false, false, 0)]
    [InlineData(0, 2, false, false, 0)]
    [InlineData(1, 0, false, false, 1)]
    [InlineData(1, 1, true, false, 2)]
    [InlineData(0, 1, true, false, 1)]
    [InlineData(0, 0, true, false, 0)]
    [InlineData(1, 1, true, true, 0)]
    [InlineData(1, 0, false, true, 0)]
    public void ExitCodesAreConftests(int failures, int warnings, bool failOnWarn, bool noFail, int expected) =>
        Assert.Equal(expected, Report(failures, warnings).ExitCode(failOnWarn, noFail));

    [Fact]
    public void CountsAddUpOverFiles()
    {
        var report = new CheckReport([Report(1, 2).Files[0], Report(0, 1).Files[0]]);

        Assert.Equal((10, 6, 1, 3), (report.Tests, report.Passed, report.Failures, report.Warnings));
    }
}
