using System.Text.RegularExpressions;
using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Calico.Selectors;

/// <summary>
/// Every selector written in the Calico documentation's YAML examples (../shared/calico/docs-examples beside the
/// checkout) must parse and print canonically.
/// </summary>
public sealed partial class CalicoDocsSelectorTests
{
    private static readonly string[] SelectorKeys = ["selector", "namespaceSelector", "notSelector"];

    [Fact]
    public void EveryDocumentedSelectorParsesAndRoundTrips()
    {
        var folder = FindDocsExamples();
        if (folder is null)
        {
            Assert.Skip("../shared/calico/docs-examples was not found beside the checkout (walked up from the test binaries)");
        }

        var (found, files, unreadable) = ReadSelectors(folder);

        // A snippet that is not YAML at all (a fragment cut mid-block) holds nothing we could read a selector from;
        // say which, and make sure it stays the exception.
        foreach (var problem in unreadable)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"excluded (not readable as YAML): {problem}");
        }

        Assert.True(unreadable.Count * 10 <= files, $"{unreadable.Count} of {files} files are not readable as YAML:\n{string.Join("\n", unreadable)}");

        // Snippets with placeholders such as "<name>" are templates for the reader to fill in, not selectors.
        var placeholders = found.Where(s => HasPlaceholder(s.Text)).ToList();
        var selectors = found.Except(placeholders).ToList();
        foreach (var skipped in placeholders)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"excluded (placeholder): {skipped}");
        }

        var failures = new List<string>();
        foreach (var example in selectors)
        {
            if (!SelectorParser.TryParse(example.Text, out var selector, out var error))
            {
                failures.Add($"{example}: {error.Message}");
                continue;
            }

            var canonical = selector.ToString();
            var reparsed = SelectorParser.Parse(canonical);
            if (reparsed != selector || reparsed.ToString() != canonical)
            {
                failures.Add($"{example}: canonical form '{canonical}' does not read back the same");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        TestContext.Current.TestOutputHelper?.WriteLine($"{selectors.Count} selectors read from {files} files");

        // The examples hold well over a hundred selectors; far fewer means the walk above has stopped finding them.
        Assert.True(selectors.Count >= 100, $"only {selectors.Count} selectors found in {folder}");
        Assert.Contains(selectors, s => s.Key == "namespaceSelector");
        Assert.Contains(selectors, s => s.Key == "notSelector");
    }

    [Theory]
    [InlineData("<selector>", true)]
    [InlineData("has(<label>)", true)]
    [InlineData("app == '<name>'", false)]
    [InlineData("role == 'a' && <more>", true)]
    [InlineData("a in {'x'}", false)]
    public void RecognisesPlaceholdersOnlyOutsideStrings(string text, bool expected)
    {
        Assert.Equal(expected, HasPlaceholder(text));
    }

    private static string? FindDocsExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "calico", "docs-examples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static (List<DocumentedSelector> Found, int Files, List<string> Unreadable) ReadSelectors(string folder)
    {
        var reader = new ManifestReader();
        var found = new List<DocumentedSelector>();
        var unreadable = new List<string>();
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            try
            {
                foreach (var document in reader.ReadFile(Path.GetRelativePath(folder, file), file))
                {
                    Collect(document.Root, found);
                }
            }
            catch (ManifestException ex)
            {
                unreadable.Add(ex.Message);
            }
        }

        return (found, files.Count, unreadable);
    }

    // Kubernetes resources use the same key names for label-selector mappings; only strings are Calico selectors.
    private static void Collect(ManifestNode? node, List<DocumentedSelector> found)
    {
        switch (node)
        {
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (SelectorKeys.Contains(entry.Key) && entry.Value is ScalarNode { IsNull: false } scalar)
                    {
                        found.Add(new DocumentedSelector(scalar.Location, entry.Key, scalar.Text));
                    }

                    Collect(entry.Value, found);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, found);
                }

                break;
        }
    }

    private static bool HasPlaceholder(string text) => Placeholder().IsMatch(QuotedString().Replace(text, "''"));

    [GeneratedRegex(@"'[^']*'|""[^""]*""", RegexOptions.NonBacktracking)]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"<[^<>]+>", RegexOptions.NonBacktracking)]
    private static partial Regex Placeholder();

    private sealed record DocumentedSelector(SourceLocation Location, string Key, string Text)
    {
        public override string ToString() => $"{Location}: {Key}: {Text}";
    }
}
