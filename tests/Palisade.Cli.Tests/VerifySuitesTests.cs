using Palisade.Cli.Commands;

namespace Palisade.Cli.Tests;

public sealed class VerifySuitesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-suites-").FullName;

    public VerifySuitesTests()
    {
        Write("policy/template.yaml", """
            apiVersion: templates.gatekeeper.sh/v1
            kind: ConstraintTemplate
            metadata: {name: k8snolatest}
            spec:
              crd: {spec: {names: {kind: K8sNoLatest}}}
              targets:
              - target: admission.k8s.gatekeeper.sh
                code:
                - engine: Rego
                  source:
                    version: v1
                    rego: |
                      package k8snolatest
                      violation contains {"msg": sprintf("%v uses latest", [c.name])} if {
                        some c in input.review.object.spec.containers
                        endswith(c.image, ":latest")
                      }
            """);
        Write("policy/constraint.yaml", "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sNoLatest\nmetadata: {name: no-latest}\n");
        Write("policy/latest.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: web, image: \"nginx:latest\"}]\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void WriteSuite(string violations) => Write("policy/suite.yaml", $"""
        kind: Suite
        apiVersion: test.gatekeeper.sh/v1alpha1
        tests:
        - name: no-latest
          template: template.yaml
          constraint: constraint.yaml
          cases:
          - name: latest
            object: latest.yaml
            assertions:
            - violations: {violations}
              message: web uses latest
        """);

    private static (int Exit, string Output, string Error) Run(bool verbose, params string[] paths)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = VerifySuites.Run(paths, verbose, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void PassingSuitesExitZero()
    {
        WriteSuite("1");

        var (exit, output, _) = Run(false, _dir);

        Assert.Equal(0, exit);
        Assert.EndsWith("PASS\n1 passed, 0 failed\n", output, StringComparison.Ordinal);
        Assert.StartsWith($"ok\t{Path.Combine(_dir, "policy", "suite.yaml")}\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingCaseExitsOneAndSaysWhy()
    {
        WriteSuite("no");

        var (exit, output, _) = Run(true, Path.Combine(_dir, "policy", "suite.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("    --- FAIL: latest\t(", output, StringComparison.Ordinal);
        Assert.Contains("got 1 violations containing \"web uses latest\" but want none", output, StringComparison.Ordinal);
        Assert.EndsWith("FAIL\n0 passed, 1 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutSuitesIsAnError()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));

        var (exit, _, error) = Run(false, Path.Combine(_dir, "empty"));

        Assert.Equal(1, exit);
        Assert.Equal($"no suite.yaml found under {Path.Combine(_dir, "empty")}\n", error);
    }

    [Fact]
    public void VerifyRunsSuitesGivenWithTheSuiteOption()
    {
        WriteSuite("1");

        var (exit, stdout, stderr) = CliRunner.Run("verify", "--suite", Path.Combine(_dir, "policy"), "--verbose");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("    --- PASS: latest\t(", stdout, StringComparison.Ordinal);
        Assert.EndsWith("PASS\n1 passed, 0 failed\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitTestOptionsAreRejectedWithSuites()
    {
        WriteSuite("1");

        var (exit, _, stderr) = CliRunner.Run("verify", "--suite", _dir, "--run", "x");

        Assert.Equal((1, "verify: --run does not apply to --suite\n"), (exit, stderr));
    }
}
