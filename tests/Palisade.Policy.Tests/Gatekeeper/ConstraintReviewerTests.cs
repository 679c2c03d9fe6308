using System.Text.Json.Nodes;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Gatekeeper;

public sealed class ConstraintReviewerTests
{
    private const string RequiredLabelsRego = """
        package k8srequiredlabels

        import data.lib.labels.missing

        violation[{"msg": msg, "details": {"missing": m}}] {
          m := missing(input.review.object, input.parameters.labels)
          count(m) > 0
          msg := sprintf("%v is missing labels %v", [input.review.name, m])
        }
        """;

    private const string LabelsLib = """
        package lib.labels

        missing(obj, required) = m {
          provided := {l | obj.metadata.labels[l]}
          m := {l | l := required[_]} - provided
        }
        """;

    private static readonly Value Pod = ValueJson.Parse("""{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "a", "labels": {"app": "x"}}}""");

    private static Value Template(string rego, string libs = "[]", string codeVersion = "")
    {
        var source = new JsonObject { ["rego"] = rego, ["libs"] = JsonNode.Parse(libs) };
        var target = new JsonObject { ["target"] = "admission.k8s.gatekeeper.sh" };
        if (codeVersion.Length == 0)
        {
            target["rego"] = rego;
            target["libs"] = JsonNode.Parse(libs);
        }
        else
        {
            source["version"] = codeVersion;
            target["code"] = new JsonArray(new JsonObject { ["engine"] = "K8sNativeValidation", ["source"] = new JsonObject() }, new JsonObject { ["engine"] = "Rego", ["source"] = source });
        }

        var template = JsonNode.Parse("""
            {"apiVersion": "templates.gatekeeper.sh/v1", "kind": "ConstraintTemplate", "metadata": {"name": "k8srequiredlabels"},
             "spec": {"crd": {"spec": {"names": {"kind": "K8sRequiredLabels"}}}}}
            """)!;
        template["spec"]!["targets"] = new JsonArray(target);
        return ValueJson.FromJson(template);
    }

    private static Constraint Constraint(string spec) => Palisade.Policy.Gatekeeper.Constraint.Read(
        ValueJson.Parse($$"""{"apiVersion": "constraints.gatekeeper.sh/v1beta1", "kind": "K8sRequiredLabels", "metadata": {"name": "need-owner"}, "spec": {{spec}}}"""),
        "constraint.yaml");

    private static CompiledTemplate RequiredLabels() =>
        CompiledTemplate.Compile(ConstraintTemplate.Read(Template(RequiredLabelsRego, "[" + System.Text.Json.JsonSerializer.Serialize(LabelsLib) + "]"), "template.yaml"));

    [Fact]
    public void ParametersReachTheTemplateAndViolationsCarryMessageAndDetails()
    {
        var reviewer = new ConstraintReviewer(RequiredLabels(), [Constraint("""{"parameters": {"labels": ["owner", "app"]}}""")]);

        var violation = Assert.Single(reviewer.Review(AdmissionReview.For(Pod, "pod.yaml"), Inventory.Empty, TestContext.Current.CancellationToken));

        Assert.Equal("p is missing labels {\"owner\"}", violation.Message);
        Assert.Equal(ValueJson.Parse("""{"missing": ["owner"]}"""), ValueJson.Parse(ValueJson.Serialize(violation.Details)));
        Assert.Equal(("K8sRequiredLabels", "need-owner", "deny"), (violation.ConstraintKind, violation.ConstraintName, violation.EnforcementAction));
    }

    [Fact]
    public void ConstraintsThatDoNotMatchAreNotEvaluated()
    {
        var reviewer = new ConstraintReviewer(RequiredLabels(), [Constraint("""{"match": {"namespaces": ["b"]}, "parameters": {"labels": ["owner"]}}""")]);

        Assert.Empty(reviewer.Review(AdmissionReview.For(Pod, "pod.yaml"), Inventory.Empty, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{"parameters": {"labels": ["owner"]}}""", "deny")]
    [InlineData("""{"enforcementAction": "dryrun", "parameters": {"labels": ["owner"]}}""", "dryrun")]
    [InlineData("""{"enforcementAction": "warn", "parameters": {"labels": ["owner"]}}""", "warn")]
    public void EnforcementActionIsCarriedOnViolations(string spec, string action)
    {
        var reviewer = new ConstraintReviewer(RequiredLabels(), [Constraint(spec)]);

        Assert.Equal(action, Assert.Single(reviewer.Review(AdmissionReview.For(Pod, "pod.yaml"), Inventory.Empty, TestContext.Current.CancellationToken)).EnforcementAction);
    }

    [Fact]
    public void UnknownEnforcementActionsAreRejected() =>
        Assert.Contains("unknown enforcementAction block", Assert.Throws<GatekeeperException>(() => Constraint("""{"enforcementAction": "block"}""")).Message, StringComparison.Ordinal);

    [Fact]
    public void MissingParametersAreNull()
    {
        const string rego = """
            package k8srequiredlabels
            violation[{"msg": msg}] { input.parameters == null; msg := "no parameters" }
            """;
        var reviewer = new ConstraintReviewer(CompiledTemplate.Compile(ConstraintTemplate.Read(Template(rego), "t.yaml")), [Constraint("{}")]);

        Assert.Equal("no parameters", Assert.Single(reviewer.Review(AdmissionReview.For(Pod, "pod.yaml"), Inventory.Empty, TestContext.Current.CancellationToken)).Message);
    }

    [Fact]
    public void InventoryIsLaidOutAsGatekeeperSyncsIt()
    {
        var inventory = new Inventory([
            ValueJson.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "labels": {"team": "t"}}}"""),
            ValueJson.Parse("""{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "i", "namespace": "a"}}"""),
        ]);

        Assert.Equal(
            ValueJson.Parse("""
                {"inventory": {
                  "cluster": {"v1": {"Namespace": {"a": {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "labels": {"team": "t"}}}}}},
                  "namespace": {"a": {"networking.k8s.io/v1": {"Ingress": {"i": {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "i", "namespace": "a"}}}}}}}}
                """),
            inventory.Data);
        Assert.Equal("a", inventory.Namespace("a").GetString("metadata", "name"));
    }

    [Fact]
    public void TemplatesReadTheInventoryAndNamespaceSelectorsUseIt()
    {
        const string rego = """
            package k8srequiredlabels
            violation[{"msg": msg}] {
              other := data.inventory.namespace[input.review.namespace]["networking.k8s.io/v1"].Ingress[name]
              msg := sprintf("ingress %v exists", [name])
            }
            """;
        var reviewer = new ConstraintReviewer(
            CompiledTemplate.Compile(ConstraintTemplate.Read(Template(rego), "t.yaml")),
            [Constraint("""{"match": {"namespaceSelector": {"matchLabels": {"team": "t"}}}}""")]);
        var inventory = new Inventory([
            ValueJson.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "labels": {"team": "t"}}}"""),
            ValueJson.Parse("""{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "i", "namespace": "a"}}"""),
        ]);

        Assert.Equal("ingress i exists", Assert.Single(reviewer.Review(AdmissionReview.For(Pod, "pod.yaml"), inventory, TestContext.Current.CancellationToken)).Message);
        Assert.Throws<GatekeeperException>(() => reviewer.Review(AdmissionReview.For(Pod, "pod.yaml"), Inventory.Empty, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void LegacyRegoIsV0AndCodeSourcesOptIntoV1()
    {
        const string v1 = """
            package k8srequiredlabels
            violation contains {"msg": "v1"} if input.review.object.kind == "Pod"
            """;

        Assert.Equal(RegoVersion.V0, ConstraintTemplate.Read(Template(RequiredLabelsRego), "t.yaml").RegoVersion);
        Assert.Equal(RegoVersion.V0, ConstraintTemplate.Read(Template(RequiredLabelsRego, codeVersion: "v0"), "t.yaml").RegoVersion);
        var template = CompiledTemplate.Compile(ConstraintTemplate.Read(Template(v1, codeVersion: "v1"), "t.yaml"));
        Assert.Equal("v1", Assert.Single(new ConstraintReviewer(template, [Constraint("{}")]).Review(AdmissionReview.For(Pod, "p.yaml"), Inventory.Empty, TestContext.Current.CancellationToken)).Message);
        Assert.Throws<GatekeeperException>(() => CompiledTemplate.Compile(ConstraintTemplate.Read(Template(v1), "t.yaml")));
    }

    [Theory]
    [InlineData("package k8srequiredlabels\ndeny[msg] { msg := \"x\" }", "[]", "missing required rules: [violation]")]
    [InlineData("package k8srequiredlabels\nviolation[{\"msg\": \"x\"}] { true }", "[\"package labels\\nx := 1\"]", "not under lib")]
    [InlineData("package k8srequiredlabels\nviolation[{\"msg\": \"x\"} {", "[]", "rego_parse_error")]
    public void InvalidTemplatesAreRejectedWithTheirKind(string rego, string libs, string message)
    {
        var error = Assert.Throws<GatekeeperException>(() => CompiledTemplate.Compile(ConstraintTemplate.Read(Template(rego, libs), "t.yaml")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("K8sRequiredLabels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachReviewHasADeadline()
    {
        const string rego = """
            package k8srequiredlabels
            violation[{"msg": "slow"}] { n := numbers.range(1, 100000); count([x | x := n[_]; y := n[_]; x < y]) > 0 }
            """;
        var reviewer = new ConstraintReviewer(CompiledTemplate.Compile(ConstraintTemplate.Read(Template(rego), "t.yaml")), [Constraint("{}")], TimeSpan.FromMilliseconds(50));

        var error = Assert.Throws<GatekeeperException>(() => reviewer.Review(AdmissionReview.For(Pod, "p.yaml"), Inventory.Empty, TestContext.Current.CancellationToken));
        Assert.Contains("need-owner", error.Message, StringComparison.Ordinal);
    }
}
