using System.Diagnostics;
using System.Text;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Gate;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Gate;

public sealed class PolicyGateTests : IDisposable
{
    private const string Policy = """
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: cart
          namespace: shop
        spec:
          order: 400
          selector: app == 'cart'
        """;

    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_violation_names_the_repository_file_the_line_and_the_rule()
    {
        var files = Files(("policies/shop/cart.yaml", "# the cart\n" + Policy), ("policy/order.rego", """
            package main

            import rego.v1

            deny contains msg if {
              input.spec.order < 500
              msg := sprintf("%s: order %d is below 500", [input.metadata.name, input.spec.order])
            }
            """));

        var problems = new PolicyGate("policy").Check(files, ["policies/shop/cart.yaml"], _work.Path);

        var problem = Assert.Single(problems);
        Assert.Equal(RefusalReason.PolicyViolation, problem.Reason);
        Assert.Equal("policies/shop/cart.yaml", problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Equal("cart: order 400 is below 500", problem.Message);
    }

    [Fact]
    public void Rules_read_files_of_the_revision_with_parse_config_file_but_nothing_outside_it()
    {
        // Beside the gate's work folder, as the controller's own files (its token, its audit log) are.
        File.WriteAllText(Path.Combine(_work.Path, "token.yaml"), "token: s3cr3t\n");
        var files = Files(("policies/shop/cart.yaml", Policy), ("policy/limits.yaml", "minimum: 500\n"), ("policy/order.rego", """
            package main

            import rego.v1

            deny contains msg if {
              input.spec.order < parse_config_file("limits.yaml").minimum
              msg := sprintf("%s: order below the minimum", [input.metadata.name])
            }

            deny contains msg if {
              msg := parse_config_file("../../token.yaml").token
            }
            """));

        var problems = new PolicyGate("policy").Check(files, ["policies/shop/cart.yaml"], Path.Combine(_work.Path, "gate"));

        Assert.Equal(["cart: order below the minimum"], problems.Select(p => p.Message));
    }

    [Fact]
    public void A_rule_that_runs_too_long_refuses_the_revision_instead_of_stalling_the_controller()
    {
        // A hundred million steps: minutes of work for a revision the gate must answer in moments.
        var files = Files(("policies/shop/cart.yaml", Policy), ("policy/slow.rego", """
            package main

            import rego.v1

            deny contains "never" if {
              some i in numbers.range(1, 10000)
              some j in numbers.range(1, 10000)
              i + j < 0
            }
            """));
        var clock = Stopwatch.StartNew();

        var problems = new PolicyGate("policy") { QueryTimeout = TimeSpan.FromMilliseconds(300) }.Check(files, ["policies/shop/cart.yaml"], _work.Path);

        var problem = Assert.Single(problems);
        Assert.Equal(RefusalReason.PolicyViolation, problem.Reason);
        Assert.StartsWith("the governance policies cannot run: ", problem.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the gate took {clock.Elapsed}");
    }

    private static Dictionary<string, byte[]> Files(params (string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text), StringComparer.Ordinal);
}
