using Palisade.Policy.Gatekeeper;
using Palisade.Policy.Gatekeeper.Suites;

namespace Palisade.Policy.Tests.Gatekeeper;

public sealed class SuiteRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("palisade-suite-").FullName;

    public SuiteRunnerTests()
    {
        Write("template.yaml", """
            apiVersion: templates.gatekeeper.sh/v1
            kind: ConstraintTemplate
            metadata:
              name: k8sdenyname
            spec:
              crd:
                spec:
                  names:
                    kind: K8sDenyName
              targets:
                - target: admission.k8s.gatekeeper.sh
                  rego: |
                    package k8sdenyname
                    violation[{"msg": msg}] {
                      input.review.object.metadata.name == input.parameters.names[_]
                      msg := sprintf("name %v is denied (%v)", [input.review.object.metadata.name, input.review.operation])
                    }
                    violation[{"msg": msg}] {
                      data.inventory.cluster["v1"].Namespace[input.review.namespace].metadata.labels.frozen == "true"
                      msg := "namespace is frozen"
                    }
            """);
        Write("constraint.yaml", """
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: K8sDenyName
            metadata:
              name: deny-bad
            spec:
              parameters:
                names: ["bad"]
            """);
        Write("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n  namespace: a\n");
        Write("good.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\n  namespace: a\n");
        Write("update.yaml", """
            apiVersion: admission.k8s.io/v1
            kind: AdmissionReview
            request:
              operation: UPDATE
              object: {apiVersion: v1, kind: Pod, metadata: {name: bad}}
            """);
        Write("inventory.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: {frozen: \"true\"}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private string Suite(string cases) => WriteSuite("suite.yaml", cases);

    private string WriteSuite(string name, string cases)
    {
        Write(name, $"""
            kind: Suite
            apiVersion: test.gatekeeper.sh/v1alpha1
            tests:
            - name: deny-name
              template: template.yaml
              constraint: constraint.yaml
              cases:
            {cases}
            """);
        return Path.Combine(_folder, name);
    }

    [Fact]
    public void PassingCasesPassWithEveryAssertionForm()
    {
        var path = Suite("""
              - name: bad
                object: bad.yaml
                assertions:
                - violations: yes
                - violations: 1
                  message: "^name bad is denied \\(\\)$"
                - violations: no
                  message: frozen
              - name: good
                object: good.yaml
                assertions:
                - violations: no
              - name: frozen
                object: good.yaml
                inventory: [inventory.yaml]
                assertions:
                - message: frozen
              - name: admission-review
                object: update.yaml
                assertions:
                - message: denied \(UPDATE\)
                  violations: 1
            """);

        var result = new SuiteRunner().Run(path);

        Assert.False(result.Failed, string.Join('\n', result.Tests.SelectMany(t => t.Cases).Select(c => c.Error)));
        Assert.Equal((4, 0), (result.PassedCases, result.FailedCases));
    }

    [Fact]
    public void FailuresSayWhatWasExpectedAndTheReporterPrintsThemAsGatorDoes()
    {
        var path = Suite("""
              - name: wrong-count
                object: bad.yaml
                assertions:
                - violations: 2
              - name: ok
                object: good.yaml
                assertions:
                - violations: no
            """);

        var result = new SuiteRunner().Run(path);
        var output = new StringWriter();
        SuiteTextReporter.Write(output, [result], verbose: false);
        var lines = output.ToString().Split(Environment.NewLine);

        Assert.Equal("unexpected number of violations: got 1 violations but want exactly 2: got messages [name bad is denied ()]", result.Tests[0].Cases[0].Error);
        Assert.StartsWith("    --- FAIL: wrong-count\t(", lines[0], StringComparison.Ordinal);
        Assert.Equal("        " + result.Tests[0].Cases[0].Error, lines[1]);
        Assert.StartsWith("--- FAIL: deny-name\t(", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"FAIL\t{path}\t", lines[3], StringComparison.Ordinal);
        Assert.Equal(["FAIL", "1 passed, 1 failed", ""], lines[4..]);
    }

    [Fact]
    public void VerboseOutputShowsRunsAndPasses()
    {
        var path = Suite("""
              - name: ok
                object: good.yaml
                assertions:
                - violations: no
            """);
        var output = new StringWriter();

        SuiteTextReporter.Write(output, [new SuiteRunner().Run(path)], verbose: true);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("=== RUN   deny-name", lines[0]);
        Assert.Equal("    === RUN   ok", lines[1]);
        Assert.StartsWith("    --- PASS: ok\t(", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("--- PASS: deny-name\t(", lines[3], StringComparison.Ordinal);
        Assert.StartsWith($"ok\t{path}\t", lines[4], StringComparison.Ordinal);
        Assert.Equal(["PASS", "1 passed, 0 failed", ""], lines[5..]);
    }

    [Fact]
    public void BrokenFilesFailTheirTestOrCaseWithAOneLineMessage()
    {
        Write("two.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n");
        Write("broken.yaml", "apiVersion: v1\nkind: [Pod\n");
        var path = Suite("""
              - name: two-objects
                object: two.yaml
                assertions:
                - violations: no
              - name: broken
                object: broken.yaml
                assertions:
                - violations: no
              - name: missing
                object: nowhere.yaml
                assertions:
                - violations: no
              - name: no-assertions
                object: good.yaml
            """);

        var cases = new SuiteRunner().Run(path).Tests[0].Cases;

        Assert.Contains("two.yaml: defines 2 objects, want 1", cases[0].Error, StringComparison.Ordinal);
        Assert.Matches(@"broken\.yaml:\d+:\d+: ", cases[1].Error);
        Assert.Contains("nowhere.yaml", cases[2].Error, StringComparison.Ordinal);
        Assert.Equal("invalid case: assertions must be non-empty", cases[3].Error);
        Assert.All(cases, c => Assert.DoesNotContain('\n', c.Error!));
    }

    [Fact]
    public void ATemplateThatDoesNotCompileFailsItsTest()
    {
        Write("template.yaml", "apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: k8sdenyname}\nspec:\n  crd: {spec: {names: {kind: K8sDenyName}}}\n  targets:\n  - target: admission.k8s.gatekeeper.sh\n    rego: \"package k8sdenyname\\nviolation[{\\\"msg\\\": m}] { m := }\"\n");
        var path = Suite("""
              - name: ok
                object: good.yaml
                assertions:
                - violations: no
            """);

        var result = new SuiteRunner().Run(path);

        Assert.True(result.Failed);
        Assert.Contains("rego_parse_error", result.Tests[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, result.FailedCases);
    }

    [Fact]
    public void FoldersAreSearchedForSuiteFilesAndOtherKindsAreRejected()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "nested"));
        File.WriteAllText(Path.Combine(_folder, "nested", "suite.yaml"), "kind: Suite\napiVersion: test.gatekeeper.sh/v1alpha1\ntests: []\n");
        Suite("[]");

        Assert.Equal(2, SuiteReader.Find([_folder]).Count);
        Assert.Contains("not a gator Suite", Assert.Throws<GatekeeperException>(() => SuiteReader.Read(Path.Combine(_folder, "good.yaml"))).Message, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", Assert.Single(new SuiteRunner().RunAll([Path.Combine(_folder, "absent")])).Error, StringComparison.Ordinal);
    }
}
