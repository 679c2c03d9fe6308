using System.Diagnostics;
using Palisade.Kube.Manifests;

namespace Palisade.Policy.Gatekeeper.Suites;

/// <summary>
/// Runs gator suites: for each test, its template and constraint; for each case, the object reviewed against them
/// with the case's inventory, then every assertion. Errors in files become failed tests or cases, never exceptions.
/// </summary>
public sealed class SuiteRunner(TimeSpan? reviewTimeout = null)
{
    public IReadOnlyList<SuiteResult> RunAll(IEnumerable<string> paths)
    {
        IReadOnlyList<string> files;
        try
        {
            files = SuiteReader.Find(paths);
        }
        catch (GatekeeperException ex)
        {
            return [new SuiteResult(string.Join(' ', paths), ex.Message, TimeSpan.Zero, [])];
        }

        return files.Select(Run).ToArray();
    }

    public SuiteResult Run(string suitePath)
    {
        var clock = Stopwatch.StartNew();
        Suite suite;
        try
        {
            suite = SuiteReader.Read(suitePath);
        }
        catch (Exception ex) when (ex is GatekeeperException or ManifestException)
        {
            return new SuiteResult(suitePath, ex.Message, clock.Elapsed, []);
        }

        if (suite.Skip)
        {
            return new SuiteResult(suitePath, null, clock.Elapsed, [], Skipped: true);
        }

        var folder = Path.GetDirectoryName(suitePath) ?? ".";
        var tests = suite.Tests.Select(t => t.Skip ? new TestResult(t.Name, null, TimeSpan.Zero, [], Skipped: true) : RunTest(folder, t)).ToArray();
        return new SuiteResult(suitePath, null, clock.Elapsed, tests);
    }

    private TestResult RunTest(string folder, SuiteTest test)
    {
        var clock = Stopwatch.StartNew();
        ConstraintReviewer reviewer;
        try
        {
            if (test.Template.Length == 0 || test.Constraint.Length == 0)
            {
                throw new GatekeeperException($"invalid suite: missing {(test.Template.Length == 0 ? "template" : "constraint")}");
            }

            var templatePath = Path.Combine(folder, test.Template);
            var template = CompiledTemplate.Compile(ConstraintTemplate.Read(ObjectFiles.ReadSingle(templatePath), templatePath));
            var constraintPath = Path.Combine(folder, test.Constraint);
            var constraint = Constraint.Read(ObjectFiles.ReadSingle(constraintPath), constraintPath);
            if (constraint.Kind != template.Template.Kind)
            {
                throw new GatekeeperException($"{constraintPath}: constraint kind {constraint.Kind} is not the template's kind {template.Template.Kind}");
            }

            reviewer = new ConstraintReviewer(template, [constraint], reviewTimeout);
        }
        catch (Exception ex) when (ex is GatekeeperException or ManifestException)
        {
            return new TestResult(test.Name, ex.Message, clock.Elapsed, []);
        }

        var cases = test.Cases.Select(c => c.Skip ? new CaseResult(c.Name, null, TimeSpan.Zero, Skipped: true) : RunCase(folder, reviewer, c)).ToArray();
        return new TestResult(test.Name, null, clock.Elapsed, cases);
    }

    private static CaseResult RunCase(string folder, ConstraintReviewer reviewer, SuiteCase testCase)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return new CaseResult(testCase.Name, Check(folder, reviewer, testCase), clock.Elapsed);
        }
        catch (Exception ex) when (ex is GatekeeperException or ManifestException)
        {
            return new CaseResult(testCase.Name, ex.Message, clock.Elapsed);
        }
    }

    private static string? Check(string folder, ConstraintReviewer reviewer, SuiteCase testCase)
    {
        if (testCase.Object.Length == 0)
        {
            return "invalid case: must define object";
        }

        if (testCase.Assertions.Count == 0)
        {
            return "invalid case: assertions must be non-empty";
        }

        var objectPath = Path.Combine(folder, testCase.Object);
        var review = AdmissionReview.For(ObjectFiles.ReadSingle(objectPath), objectPath);
        var inventory = testCase.Inventory.Count == 0
            ? Inventory.Empty
            : new Inventory(testCase.Inventory.SelectMany(p => ObjectFiles.Read(Path.Combine(folder, p))));
        var violations = reviewer.Review(review, inventory);
        return testCase.Assertions.Select(a => a.Check(violations)).FirstOrDefault(e => e is not null);
    }
}
