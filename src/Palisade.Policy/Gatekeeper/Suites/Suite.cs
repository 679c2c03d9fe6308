namespace Palisade.Policy.Gatekeeper.Suites;

/// <summary>A gator test suite (<c>kind: Suite</c>, <c>test.gatekeeper.sh/v1alpha1</c>); its paths are relative to <see cref="Path"/>'s folder.</summary>
public sealed record Suite(string Path, IReadOnlyList<SuiteTest> Tests, bool Skip);

/// <summary>One template and constraint, and the cases run against them.</summary>
public sealed record SuiteTest(string Name, string Template, string Constraint, IReadOnlyList<SuiteCase> Cases, bool Skip);

/// <summary>An object to review (a plain object or an AdmissionReview), the inventory beside it, and what must come out.</summary>
public sealed record SuiteCase(string Name, string Object, IReadOnlyList<string> Inventory, IReadOnlyList<ViolationAssertion> Assertions, bool Skip);
