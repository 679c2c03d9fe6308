using System.Text;
using System.Text.RegularExpressions;
using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Policy.Verification;

/// <summary>
/// Finds the tests of a policy set as <c>opa test</c> does: every rule named <c>test_*</c> or <c>todo_*</c> in any
/// loaded module (not only <c>*_test.rego</c> files), once per package and name however many times it is defined.
/// Functions and rules with multi-part heads (<c>test_x.y := …</c>) are not tests.
/// </summary>
public static partial class TestDiscovery
{
    public static IReadOnlyList<RegoTest> Find(IEnumerable<Module> modules)
    {
        var found = new List<RegoTest>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            var package = PackageName(module.Package);
            foreach (var rule in module.Rules)
            {
                var head = rule.Head;
                if (head.Arguments is not null || head.Reference.Path.Count > 0)
                {
                    continue;
                }

                var isTest = head.Name.StartsWith("test_", StringComparison.Ordinal);
                var isTodo = head.Name.StartsWith("todo_", StringComparison.Ordinal);
                if ((isTest || isTodo) && seen.Add(package + "." + head.Name))
                {
                    found.Add(new RegoTest(package, head.Name, rule.Location, isTodo));
                }
            }
        }

        return found;
    }

    /// <summary>The package as a data reference, quoting segments that are not identifiers (<c>data.a["b-c"]</c>).</summary>
    public static string PackageName(Package package)
    {
        var text = new StringBuilder(package.Path.HeadName ?? "data");
        foreach (var segment in package.Path.Path)
        {
            var name = segment is ScalarTerm { Value: StringValue s } ? s.Value : RegoPrinter.Print(segment);
            text.Append(Identifier().IsMatch(name) ? "." + name : "[" + ValueJson.Serialize(new StringValue(name)) + "]");
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
