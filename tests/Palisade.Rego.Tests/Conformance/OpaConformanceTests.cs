using Palisade.Rego.Conformance;

namespace Palisade.Rego.Tests.Conformance;

/// <summary>
/// OPA's own conformance suite, from ../shared/opa-cases/v1. Every case passes except those in skip-list.txt, each
/// there with its reason; a skipped case that starts to pass must leave the list, so progress only goes forward.
/// </summary>
public sealed class OpaConformanceTests
{
    /// <summary>
    /// Categories where no case passes yet (their cases are all in the skip-list). The list may only shrink: a new
    /// category failing entirely fails the test, and so does one of these passing a case without leaving the list.
    /// </summary>
    private static readonly string[] CategoriesWithoutAPassYet =
    [
    ];

    [Fact]
    public void EveryCaseOutsideTheSkipListPasses()
    {
        var root = SuiteRoot();
        var skips = new SkipList(Path.Combine(AppContext.BaseDirectory, "Conformance", "skip-list.txt"));
        var outcomes = CaseLoader.Load([root]).Select(CaseRunner.Run).ToList();

        var unexpected = outcomes
            .Where(o => !o.Passed && !skips.Contains(SkipList.KeyOf(root, o.Case.File, o.Case.Note)))
            .Select(o => $"{SkipList.KeyOf(root, o.Case.File, o.Case.Note)}: {o.Reason}")
            .ToList();
        var fixedNow = outcomes
            .Where(o => o.Passed && skips.Contains(SkipList.KeyOf(root, o.Case.File, o.Case.Note)))
            .Select(o => SkipList.KeyOf(root, o.Case.File, o.Case.Note))
            .ToList();
        var passed = outcomes.Count(o => o.Passed);
        TestContext.Current.SendDiagnosticMessage($"OPA conformance: {passed} passed, {outcomes.Count - passed} failed of {outcomes.Count}");

        Assert.True(unexpected.Count == 0, "cases failing outside the skip-list:\n" + string.Join('\n', unexpected));
        var categoriesWithoutAPass = outcomes
            .GroupBy(o => Path.GetRelativePath(root, o.Case.File).Split(Path.DirectorySeparatorChar)[0])
            .Where(g => !g.Any(o => o.Passed))
            .Select(g => g.Key)
            .ToList();
        Assert.Equal(CategoriesWithoutAPassYet, categoriesWithoutAPass.Order(StringComparer.Ordinal));
        Assert.True(fixedNow.Count == 0, "skipped cases that pass now; remove them from skip-list.txt:\n" + string.Join('\n', fixedNow));
    }

    private static string SuiteRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "opa-cases", "v1");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Skip($"no shared/opa-cases/v1 above {AppContext.BaseDirectory}: OPA's conformance cases are not checked out beside the repository");
        return "";
    }
}
