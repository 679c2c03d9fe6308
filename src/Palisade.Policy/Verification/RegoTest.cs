using Palisade.Rego.Ast;

namespace Palisade.Policy.Verification;

/// <summary>
/// A test rule found in a loaded module: <c>test_*</c> rules run, <c>todo_*</c> rules are reported as skipped.
/// <see cref="Package"/> is the package's data path (<c>data.main</c>), <see cref="Location"/> the rule's first definition.
/// </summary>
public sealed record RegoTest(string Package, string Name, Location Location, bool IsTodo)
{
    /// <summary>The name <c>--run</c> matches and reports print: <c>data.main.test_deny</c>.</summary>
    public string FullName => Package + "." + Name;
}
