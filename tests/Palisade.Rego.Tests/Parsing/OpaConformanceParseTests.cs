using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;

namespace Palisade.Rego.Tests.Parsing;

/// <summary>
/// Every module and query of OPA's v1 conformance cases must parse (and survive a print/reparse round trip), except cases that expect a
/// <c>rego_parse_error</c>, which must fail. Cases expecting compile or evaluation errors must parse.
/// </summary>
public sealed class OpaConformanceParseTests
{
    /// <summary>Cases that are known not to behave yet, by note, each with the reason.</summary>
    private static readonly Dictionary<string, string> SkipList = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void EveryConformanceCaseParsesAsOpaDoes()
    {
        var root = Path.Combine(SharedData.Root, "opa-cases", "v1");
        var output = TestContext.Current.TestOutputHelper;
        int cases = 0, modules = 0, queries = 0, expectedFailures = 0, skipped = 0;
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var document in YamlNodes.Load(file))
            {
                foreach (var testCase in document.RootNode.Get("cases").Items())
                {
                    cases++;
                    var note = testCase.Get("note").Text() ?? "?";
                    if (SkipList.ContainsKey(note))
                    {
                        skipped++;
                        continue;
                    }

                    var wantsParseError = testCase.Get("want_error_code").Text() == RegoError.ParseErrorCode;
                    var version = testCase.Get("v0_compatible").Text() == "true" ? RegoVersion.V0 : RegoVersion.V1;
                    var options = new ParserOptions { DefaultVersion = version, FileName = "test.rego" };
                    var failures = new List<string>();
                    foreach (var module in testCase.Get("modules").Items())
                    {
                        modules++;
                        Try(() => Check(RoundTrip.CheckModule(RegoParser.ParseModule(module.Text() ?? string.Empty, options))), failures);
                    }

                    if (testCase.Get("query").Text() is { } query)
                    {
                        queries++;
                        Try(() => Check(RoundTrip.CheckQuery(RegoParser.ParseQuery(query, options))), failures);
                    }

                    if (wantsParseError)
                    {
                        expectedFailures++;
                        if (failures.Count == 0)
                        {
                            problems.Add($"{note}: expected a parse error, but everything parsed");
                        }
                    }
                    else
                    {
                        problems.AddRange(failures.Select(f => $"{note}: {f}"));
                    }
                }
            }
        }

        output?.WriteLine($"cases {cases}, modules {modules}, queries {queries}, expecting parse errors {expectedFailures}, skipped {skipped}, problems {problems.Count}");
        foreach (var problem in problems)
        {
            output?.WriteLine(problem);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems.Take(50))}");
    }

    private static void Try(Action parse, List<string> failures)
    {
        try
        {
            parse();
        }
        catch (RegoParseException e)
        {
            failures.Add(e.Message);
        }
        catch (RoundTripException e)
        {
            failures.Add("round trip: " + e.Message);
        }
    }

    private static void Check(string? roundTripProblem)
    {
        if (roundTripProblem is not null)
        {
            throw new RoundTripException(roundTripProblem);
        }
    }

    private sealed class RoundTripException(string message) : Exception(message);
}
