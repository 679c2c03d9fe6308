using Palisade.Policy.Loading;
using Palisade.Policy.Verification;
using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Verification;

public sealed class TestRunnerTests
{
    private const string Policy = """
        package main

        deny contains msg if {
        	input.kind == "Pod"
        	msg := sprintf("pod %s", [input.metadata.name])
        }

        port := data.config.port
        """;

    private static IReadOnlyList<RegoTestResult> Run(string tests, TestRunOptions? options = null, ObjectValue? data = null)
    {
        var modules = new[] { ("policy/main.rego", Policy), ("policy/main_test.rego", tests) }
            .Select(m => RegoParser.ParseModule(m.Item2, ParserOptions.Default with { FileName = m.Item1, DefaultVersion = RegoVersion.V1 }))
            .ToList();
        return TestRunner.Run(new PolicyFiles(modules, data ?? ObjectValue.Empty), options ?? new TestRunOptions());
    }

    private static RegoTestResult Single(string tests, TestRunOptions? options = null) => Assert.Single(Run(tests, options));

    [Fact]
    public void ATrueTestPassesWithMockedInput()
    {
        var result = Single("""
            package main
            test_denies_pods if count(deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "web"}}
            """);

        Assert.Equal(TestOutcome.Pass, result.Outcome);
        Assert.Equal("data.main.test_denies_pods", result.Test.FullName);
        Assert.Equal(("policy/main_test.rego", 2), (result.Test.Location.File, result.Test.Location.Line));
    }

    [Fact]
    public void DataCanBeMockedWithWith()
    {
        Assert.Equal(TestOutcome.Pass, Single("package main\ntest_port if port == 80 with data.config.port as 80").Outcome);
        Assert.Equal(TestOutcome.Fail, Single("package main\ntest_port if port == 80").Outcome);
    }

    [Fact]
    public void AnUndefinedTestFailsAndSaysSo()
    {
        var result = Single("""
            package main
            test_two_denials if count(deny) == 2 with input as {"kind": "Pod", "metadata": {"name": "web"}}
            """);

        Assert.Equal(TestOutcome.Fail, result.Outcome);
        Assert.Equal("the test is undefined", result.Reason);
    }

    [Fact]
    public void ATestWithAValueOtherThanTrueFails()
    {
        var result = Single("package main\ntest_value := 3");

        Assert.Equal(TestOutcome.Fail, result.Outcome);
        Assert.Equal("the test has the value 3, not true", result.Reason);
    }

    [Fact]
    public void AnEvaluationErrorIsAnError()
    {
        var result = Single("""
            package main
            f(_) := 1
            f(_) := 2
            test_conflict if f(1) == 1
            """);

        Assert.Equal(TestOutcome.Error, result.Outcome);
        Assert.Equal(ErrorCodes.ConflictError, result.Error!.Code);
    }

    [Fact]
    public void BuiltinErrorsAreErrorsOnlyWhenStrict()
    {
        const string Tests = "package main\ntest_parse if json.unmarshal(\"{\") == {}";

        Assert.Equal(TestOutcome.Fail, Single(Tests).Outcome);
        Assert.Equal(TestOutcome.Error, Single(Tests, new TestRunOptions { StrictBuiltinErrors = true }).Outcome);
    }

    [Fact]
    public void TodoRulesAreSkippedAndFunctionsAreNotTests()
    {
        var results = Run("""
            package main
            todo_later if false
            test_helper(x) := x
            test_ok if true
            """);

        Assert.Equal([("data.main.todo_later", TestOutcome.Skipped), ("data.main.test_ok", TestOutcome.Pass)], results.Select(r => (r.Test.FullName, r.Outcome)));
    }

    [Fact]
    public void TestsInAnyModuleAndPackageAreFoundOncePerName()
    {
        var results = Run("""
            package other["team-a"]
            test_one if true
            test_one if false
            """);

        var test = Assert.Single(results);
        Assert.Equal("data.other[\"team-a\"].test_one", test.Test.FullName);
        Assert.Equal(TestOutcome.Pass, test.Outcome);
    }

    [Fact]
    public void RunFiltersByFullNameWithARegularExpression()
    {
        var results = Run("""
            package main
            test_alpha if true
            test_beta if true
            test_alphabet if true
            """, new TestRunOptions { Filter = TestRunOptions.CompileFilter("main\\.test_alpha$") });

        Assert.Equal(["test_alpha"], results.Select(r => r.Test.Name));
    }

    [Fact]
    public void PrintOutputIsKeptPerTest()
    {
        var result = Single("package main\ntest_prints if { print(\"seen\", 1); true }");

        Assert.Equal(["seen 1"], result.Output);
    }

    [Fact]
    public void ATestPastItsStepLimitIsAnError()
    {
        var result = Single("package main\ntest_slow if count([x | some x in numbers.range(1, 100000); x > 0]) > 0", new TestRunOptions { MaxSteps = 1000 });

        Assert.Equal(TestOutcome.Error, result.Outcome);
        Assert.Equal(ErrorCodes.CancelError, result.Error!.Code);
    }

    [Fact]
    public void ACompileErrorStopsTheRun()
    {
        var error = Assert.Throws<RegoException>(() => Run("package main\ntest_bad if undefined_function(1)"));

        Assert.Equal(("policy/main_test.rego", 2), (error.Location.File, error.Location.Line));
    }

    [Fact]
    public void SummaryCountsEachOutcome()
    {
        var summary = TestSummary.Of(Run("""
            package main
            test_pass if true
            test_fail if false
            todo_skip if true
            """));

        Assert.Equal(new TestSummary(1, 1, 0, 1), summary);
        Assert.False(summary.Succeeded);
    }

    [Fact]
    public void PrettyReportListsFailuresWithTheirPlaceAndTheCounts()
    {
        var results = Run("""
            package main
            test_pass if true
            test_fail if false
            todo_skip if true
            """);
        var output = new StringWriter { NewLine = "\n" };

        PrettyTestReporter.Write(output, results, verbose: false);

        var lines = output.ToString().Split('\n');
        Assert.Equal("policy/main_test.rego:", lines[0]);
        Assert.StartsWith("data.main.test_fail: FAIL (", lines[1], StringComparison.Ordinal);
        Assert.Equal("  policy/main_test.rego:3: the test is undefined", lines[2]);
        Assert.Equal(new string('-', 80), lines[3]);
        Assert.Equal(["PASS: 1/3", "FAIL: 1/3", "SKIPPED: 1/3", ""], lines[4..]);
    }

    [Fact]
    public void JsonReportHasOpasShape()
    {
        var results = Run("package main\ntest_fail if { print(\"x\"); false }\ntodo_skip if true");
        var output = new StringWriter();

        JsonTestReporter.Write(output, results);

        var json = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!.AsArray();
        Assert.Equal(2, json.Count);
        Assert.Equal("data.main", (string?)json[0]!["package"]);
        Assert.Equal("test_fail", (string?)json[0]!["name"]);
        Assert.True((bool?)json[0]!["fail"]);
        Assert.Equal(2, (int?)json[0]!["location"]!["row"]);
        Assert.Equal("eAo=", (string?)json[0]!["output"]);
        Assert.True((bool?)json[1]!["skip"]);
        Assert.Null(json[1]!["fail"]);
    }

    [Theory]
    [InlineData("5s", 50_000_000L)]
    [InlineData("500ms", 5_000_000L)]
    [InlineData("1m30s", 900_000_000L)]
    [InlineData("1.5s", 15_000_000L)]
    public void GoDurationsParse(string text, long ticks) => Assert.Equal(TimeSpan.FromTicks(ticks), GoDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("5 seconds")]
    public void NonDurationsDoNotParse(string text) => Assert.Null(GoDuration.Parse(text));
}
