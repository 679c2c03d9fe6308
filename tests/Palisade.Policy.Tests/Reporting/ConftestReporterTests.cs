using Palisade.Kube.Manifests;
using Palisade.Policy.Checks;
using Palisade.Policy.Reporting;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Reporting;

public sealed class ConftestReporterTests
{
    private static CheckResult Result(string message, int line = 0, string file = "deploy.yaml") => new(
        message,
        line > 0 ? new SourceLocation(file, line, 1) : null,
        ObjectValue.Of(("query", StringValue.Of("data.main.deny"))),
        "data.main.deny",
        []);

    private static readonly CheckReport Report = new(
    [
        new FileCheckResults("deploy.yaml", "main", 2, [Result("root <user>", 3)], [Result("no labels", 12)], [], []) { Outputs = ["p.rego:4: hi"] },
        new FileCheckResults("-", "main", 0, [Result("from stdin")], [], [Result("data.main.exception[_][_] == \"x\"")], []),
        new FileCheckResults("svc.yaml", "other", 0, [], [], [], []),
    ]);

    private static string Write(IReporter reporter, CheckReport report)
    {
        var output = new StringWriter { NewLine = "\n" };
        reporter.Write(report, output);
        return output.ToString();
    }

    [Fact]
    public void StdoutPrintsConftestLinesWithFileAndLineAndTheSummary()
    {
        var text = Write(Reporters.ByName("stdout")!, Report);

        Assert.Equal(
            """
            PRNT   p.rego:4: hi
            WARN - deploy.yaml:12 - main - no labels
            FAIL - deploy.yaml:3 - main - root <user>
            FAIL - - main - from stdin
            EXCP - - main - data.main.exception[_][_] == "x"
            ? - svc.yaml - other - no policies found

            6 tests, 2 passed, 1 warning, 2 failures, 1 exception

            """,
            text);
    }

    [Fact]
    public void StdoutPluralisesAsConftestAndCanHideExceptions()
    {
        var one = new CheckReport([new FileCheckResults("a.yaml", "main", 0, [Result("x")], [], [Result("e")], [])]);

        var text = Write(new StdoutReporter(new ReporterOptions { SuppressExceptions = true }), one);

        Assert.Equal("FAIL - a.yaml - main - x\n\n2 tests, 0 passed, 0 warnings, 1 failure, 1 exception\n", text);
    }

    [Fact]
    public void JsonHasConftestsShapeWithLoc()
    {
        var text = Write(Reporters.ByName("json")!, new CheckReport([Report.Files[0], Report.Files[2]]));

        Assert.Equal(
            "[\n\t{\n\t\t\"filename\": \"deploy.yaml\",\n\t\t\"namespace\": \"main\",\n\t\t\"successes\": 2,\n" +
            "\t\t\"warnings\": [\n\t\t\t{\n\t\t\t\t\"msg\": \"no labels\",\n\t\t\t\t\"loc\": {\n\t\t\t\t\t\"file\": \"deploy.yaml\",\n\t\t\t\t\t\"line\": 12\n\t\t\t\t},\n" +
            "\t\t\t\t\"metadata\": {\n\t\t\t\t\t\"query\": \"data.main.deny\"\n\t\t\t\t}\n\t\t\t}\n\t\t],\n" +
            "\t\t\"failures\": [\n\t\t\t{\n\t\t\t\t\"msg\": \"root \\u003cuser\\u003e\",\n\t\t\t\t\"loc\": {\n\t\t\t\t\t\"file\": \"deploy.yaml\",\n\t\t\t\t\t\"line\": 3\n\t\t\t\t},\n" +
            "\t\t\t\t\"metadata\": {\n\t\t\t\t\t\"query\": \"data.main.deny\"\n\t\t\t\t}\n\t\t\t}\n\t\t]\n\t},\n" +
            "\t{\n\t\t\"filename\": \"svc.yaml\",\n\t\t\"namespace\": \"other\",\n\t\t\"successes\": 0\n\t}\n]\n",
            text);
    }

    [Fact]
    public void UnknownFormatsAreNotFound() => Assert.Null(Reporters.ByName("yaml"));
}
