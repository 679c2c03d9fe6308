using System.Text.RegularExpressions;

namespace Palisade.Cli.Tests.Conftest;

/// <summary>
/// Runs the examples of conftest's acceptance.bats (read in place from shared/conftest) through palisade test and
/// asserts what the bats file asserts. Palisade adds <c>:line</c> to the file of each result line; that is taken out
/// before comparing, as it is the one documented difference in the format.
/// </summary>
public sealed partial class ConftestAcceptanceTests
{
    public static TheoryData<AcceptanceCase> Cases => [.. AcceptanceCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public void BehavesAsAcceptanceBatsStates(AcceptanceCase test)
    {
        var root = SharedData.Require("conftest");
        if (test.SkipReason is not null)
        {
            Assert.Skip($"skipped example '{test.Name}': {test.SkipReason}");
        }

        string[] args = [.. InRoot(test.BeforeTest ?? []), "test", .. InRoot(test.Args)];
        var (exit, stdout, stderr) = test.Directory is { } directory
            ? CliRunner.RunProcessWithInput(Path.Combine(root, directory), test.Stdin is { } stdin ? File.ReadAllText(Path.Combine(root, stdin)) : string.Empty, args)
            : CliRunner.Run(args);
        var output = WithoutPalisadeLines((stdout + stderr).Replace(root + "/", string.Empty, StringComparison.Ordinal));
        var lines = output.Split('\n').Where(l => l.Length > 0).ToArray();
        var context = $"palisade test {string.Join(' ', test.Args)}\n{output}";

        if (test.Status is { } status)
        {
            Assert.True(exit == status, $"exit {exit}, bats expects {status}: {context}");
        }

        foreach (var text in test.Contains ?? [])
        {
            Assert.True(output.Contains(text, StringComparison.Ordinal), $"missing '{text}': {context}");
        }

        foreach (var text in test.NotContains ?? [])
        {
            Assert.False(output.Contains(text, StringComparison.Ordinal), $"unexpected '{text}': {context}");
        }

        foreach (var (index, text) in test.Lines ?? [])
        {
            Assert.True(index < lines.Length, $"no line {index}: {context}");
            var matches = text.StartsWith('~') ? lines[index].Contains(text[1..], StringComparison.Ordinal) : lines[index] == text;
            Assert.True(matches, $"line {index} is '{lines[index]}', bats expects '{text}': {context}");
        }

        if (test.LineCount is { } count)
        {
            Assert.True(lines.Length == count, $"{lines.Length} lines, bats expects {count}: {context}");
        }

        if (test.EmptyOutput)
        {
            Assert.True(output.Length == 0, $"expected no output: {context}");
        }
    }

    [Fact]
    public void EveryConftestTestInTheBatsFileIsListed()
    {
        var bats = File.ReadAllText(Path.Combine(SharedData.Require("conftest"), "acceptance.bats"));
        var testsOfTest = BatsTest().Matches(bats)
            .Where(m => ConftestTestCall().IsMatch(m.Groups["body"].Value))
            .Select(m => m.Groups["name"].Value)
            .ToList();
        var listed = AcceptanceCases.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(testsOfTest);
        var missing = testsOfTest.Where(name => !listed.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "acceptance.bats tests not listed in AcceptanceCases: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> InRoot(string[] args) =>
        args.Select(a => a.StartsWith("examples/", StringComparison.Ordinal) ? Path.Combine(SharedData.Require("conftest"), a) : a);

    /// <summary>Palisade's file:line becomes conftest's file again: <c>- a.yaml:12 - main -</c> → <c>- a.yaml - main -</c>.</summary>
    private static string WithoutPalisadeLines(string output) => ResultLine().Replace(output, "${file} - ");

    [GeneratedRegex(@"(?<file> - \S+):\d+ - ")]
    private static partial Regex ResultLine();

    [GeneratedRegex("""@test "(?<name>[^"]+)" \{(?<body>.*?)\n\}""", RegexOptions.Singleline)]
    private static partial Regex BatsTest();

    [GeneratedRegex(@"conftest(\s+-c\s+\S+)?\s+test\b")]
    private static partial Regex ConftestTestCall();
}
