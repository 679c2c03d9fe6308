using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Values;

public sealed class ValueYamlTests
{
    [Fact]
    public void YamlInputEvaluatesLikeTheSameJson()
    {
        var query = new RegoEngine()
            .AddModule("t.rego", "package t\n\ndeny contains name if {\n\tsome c in input.spec.containers\n\tnot c.resources\n\tname := c.name\n}\n")
            .Prepare("x := data.t.deny");
        var yaml = ValueYaml.Parse("""
            spec:
              containers:
                - name: app
                - name: sidecar
                  resources: {limits: {cpu: 1}}
            """);
        var json = ValueJson.Parse("""{"spec": {"containers": [{"name": "app"}, {"name": "sidecar", "resources": {"limits": {"cpu": 1}}}]}}""");

        Assert.Equal(json, yaml);
        Assert.Equal(SetValue.Of(StringValue.Of("app")), Assert.Single(query.Evaluate(yaml)).Bindings["x"]);
    }

    [Fact]
    public void YamlScalarsResolveAsOpaReadsThem()
    {
        // OPA reads YAML as go-yaml v2 does: YAML 1.1 octal and booleans.
        var value = ValueYaml.Parse("a: 010\nb: 0x1F\nc: yes\nd: ~\ne: 1.5e3\nf: '1'\n");

        Assert.Equal(ValueJson.Parse("""{"a": 8, "b": 31, "c": true, "d": null, "e": 1500, "f": "1"}"""), value);
    }

    [Fact]
    public void InvalidYamlIsAFormatErrorNamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => ValueYaml.Parse("a: 1\nb: [1, 2\n"));

        Assert.StartsWith("yaml: line ", error.Message, StringComparison.Ordinal);
    }
}
