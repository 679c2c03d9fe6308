using Palisade.Kube.Manifests;
using Palisade.Kube.Schema;

namespace Palisade.Kube.Tests.Schema;

/// <summary>The schema keywords Calico's CRDs do not use, on a CRD written for the purpose.</summary>
public sealed class SchemaKeywordTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      x-kubernetes-validations:
                        - rule: "!has(self.low) || !has(self.high) || self.low <= self.high"
                        - rule: "self.tags.all(t, t.startsWith('x-'))"
                          messageExpression: "'tags must start with x-, got ' + string(size(self.tags)) + ' tags'"
                        - rule: "!has(self.name) || self.name != 'reserved'"
                          message: name is reserved
                          fieldPath: .name
                        - rule: "self.low == oldSelf.low"
                          message: low is immutable
                      properties:
                        name: {type: string, pattern: "^[a-z]+$", minLength: 2}
                        code: {type: string, pattern: "^[A-Z]{3}$"}
                        count: {type: integer, format: int32, exclusiveMinimum: true, minimum: 0, multipleOf: 5}
                        ratio: {type: number, maximum: 1, exclusiveMaximum: true}
                        low: {type: integer}
                        high: {type: integer}
                        when: {type: string, format: date-time}
                        tags:
                          type: array
                          minItems: 1
                          uniqueItems: true
                          items: {type: string}
                          default: [x-default]
                        limits:
                          type: object
                          minProperties: 1
                          maxProperties: 2
                          additionalProperties: {type: integer}
                        closed: {type: object, additionalProperties: false}
                        open: {type: object, additionalProperties: true}
                        free: {type: object, x-kubernetes-preserve-unknown-fields: true}
                        maybe: {type: string, nullable: true}
                        either:
                          type: object
                          properties:
                            a: {type: string}
                            b: {type: string}
                          oneOf:
                            - required: [a]
                            - required: [b]
                        some:
                          type: string
                          anyOf:
                            - enum: [red, green]
                            - pattern: "^#[0-9a-f]{6}$"
                          not:
                            enum: [green]
                        template:
                          type: object
                          x-kubernetes-embedded-resource: true
                          x-kubernetes-preserve-unknown-fields: true
                        ports:
                          type: array
                          x-kubernetes-list-type: map
                          x-kubernetes-list-map-keys: [port, protocol]
                          items:
                            type: object
                            required: [port]
                            properties:
                              port: {type: integer}
                              protocol: {type: string, default: TCP}
        """;

    private static readonly CrdSchemaSet Set = CrdSchemaSet.Load(new ManifestReader().ReadText("crd.yaml", Crd));

    private static void Check(string spec, params string[] expected)
    {
        var yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: default\nspec:\n" + spec;
        var obj = (MappingNode)new ManifestReader().ReadText("w.yaml", yaml)[0].Root!;

        Assert.Equal(expected, Set.Validate(obj).Select(d => d.ToString()));
    }

    [Fact]
    public void TheCrdLoads()
    {
        Assert.Empty(Set.Problems);
        Assert.True(Set.TryGet("example.com/v1", "Widget", out var schema));
        Assert.True(schema.Namespaced);
        Assert.False(Set.TryGet("example.com/v2", "Widget", out _));
    }

    [Fact]
    public void AValidWidget() => Check("""
          name: ok
          code: ABC
          count: 10
          ratio: 0.5
          low: 1
          high: 2
          when: 2024-05-01T12:00:00Z
          tags: [x-a, x-b]
          limits: {cpu: 2}
          open: {anything: [1, 2]}
          free: {deep: {er: true}}
          maybe: null
          either: {a: "1"}
          some: "#00ff00"
          template: {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {k: v}}
          ports: [{port: 80}, {port: 80, protocol: UDP}]
        """);

    [Fact]
    public void StringKeywords() => Check("""
          name: "A"
          code: ABCD
          when: yesterday
        """,
        "w.yaml:7:9: spec.name: \"A\" does not match the pattern ^[a-z]+$",
        "w.yaml:7:9: spec.name: must be at least 2 characters long, got 1",
        "w.yaml:8:9: spec.code: \"ABCD\" does not match the pattern ^[A-Z]{3}$",
        "w.yaml:9:9: spec.when: \"yesterday\" is not an RFC 3339 date-time (like 2024-05-01T12:00:00Z)");

    [Fact]
    public void NumberKeywords() => Check("""
          count: 3000000000
          ratio: 1
        """,
        "w.yaml:7:10: spec.count: 3000000000 is out of range for int32",
        "w.yaml:8:10: spec.ratio: 1 must be less than 1");

    [Fact]
    public void ExclusiveMinimumAndMultipleOf() => Check("""
          count: 0
        """,
        "w.yaml:7:10: spec.count: 0 must be greater than 0");

    [Fact]
    public void MultipleOf() => Check("""
          count: 7
        """, "w.yaml:7:10: spec.count: 7 is not a multiple of 5");

    [Fact]
    public void ArrayKeywords() => Check("""
          tags: []
          ports: [{port: 80}, {port: 80, protocol: TCP}, {protocol: UDP}]
        """,
        "w.yaml:7:9: spec.tags: must have at least 1 item, got 0",
        "w.yaml:8:23: spec.ports[1]: duplicate entry with port=80, protocol=\"TCP\"",
        "w.yaml:8:50: spec.ports[2]: missing required field \"port\"");

    [Fact]
    public void UniqueItems() => Check("""
          tags: [x-a, x-a]
        """, "w.yaml:7:15: spec.tags[1]: duplicate entry \"x-a\"");

    [Fact]
    public void ObjectKeywords() => Check("""
          limits: {}
          closed: {a: 1}
        """,
        "w.yaml:7:11: spec.limits: must have at least 1 property, got 0",
        "w.yaml:8:12: unknown field \"spec.closed.a\"");

    [Fact]
    public void MapValuesAndMaxProperties() => Check("""
          limits: {cpu: 1, memory: lots, disk: 3}
        """,
        "w.yaml:7:11: spec.limits: must have at most 2 properties, got 3",
        "w.yaml:7:28: spec.limits[memory]: expected integer, got string");

    [Fact]
    public void NullableAndNot() => Check("""
          name: null
          some: green
        """,
        "w.yaml:8:9: spec.some: must not match the schema under \"not\"");

    [Fact]
    public void OneOfAndAnyOf() => Check("""
          either: {a: "1", b: "2"}
          some: blue
        """,
        "w.yaml:7:11: spec.either: matches alternatives 1 and 2 of oneOf, but must match exactly one",
        "w.yaml:8:9: spec.some: matches none of the alternatives in anyOf: \"blue\" is not one of red, green; \"blue\" does not match the pattern ^#[0-9a-f]{6}$");

    [Fact]
    public void OneOfWithNoMatch() => Check("""
          either: {}
        """, "w.yaml:7:11: spec.either: matches none of the alternatives in oneOf: missing required field \"a\"; missing required field \"b\"");

    [Fact]
    public void EmbeddedResource() => Check("""
          template: {kind: ConfigMap, metadata: {name: Bad_Name}}
        """,
        "w.yaml:7:13: spec.template: missing required field \"apiVersion\"",
        "w.yaml:7:48: spec.template.metadata.name: \"Bad_Name\" is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)");

    [Fact]
    public void RuleWithoutAMessageAndWithAFieldPath() => Check("""
          name: reserved
          low: 5
          high: 1
        """,
        "w.yaml:7:3: spec: failed rule: !has(self.low) || !has(self.high) || self.low <= self.high",
        "w.yaml:7:9: spec.name: name is reserved");

    [Fact]
    public void MessageExpressionAndDefaultsSeenByRules() => Check("""
          tags: [y-tag]
        """, "w.yaml:7:3: spec: tags must start with x-, got 1 tags");

    [Fact]
    public void RulesSeeDefaultsOfMissingFields() => Check("""
          name: ok
        """);

    [Fact]
    public void RulesDoNotRunAboveATypeError() => Check("""
          low: 5
          high: "1"
        """, "w.yaml:8:9: spec.high: expected integer, got string");

    [Fact]
    public void ProblemsInACrdAreReportedAndTheRuleNeverPasses()
    {
        var crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: gadgets.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {kind: Gadget}
              versions:
                - name: v1
                  served: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          x-kubernetes-validations:
                            - rule: "self.items.sortBy(x, x)"
                          properties:
                            items: {type: array, items: {type: string}}
                            ref: {$ref: "#/definitions/x"}
                            bad: {type: string, pattern: "(?<=a)b"}
            """;
        var set = CrdSchemaSet.Load(new ManifestReader().ReadText("g.yaml", crd));
        var obj = (MappingNode)new ManifestReader().ReadText("o.yaml", "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {items: [a], bad: b}\n")[0].Root!;

        Assert.Equal(
            [
                "g.yaml:18:25: spec.versions[0].schema.openAPIV3Schema.properties.spec.x-kubernetes-validations[0].rule: cannot check rule \"self.items.sortBy(x, x)\": unsupported method '.sortBy()' (at character 12)",
                "g.yaml:21:23: spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.ref.$ref: unsupported schema keyword; values under it are not checked by it",
                "g.yaml:22:46: spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.bad.pattern: pattern (?<=a)b cannot be compiled: lookaround, backreferences and atomic groups are not supported (RE2 has none)",
            ],
            set.Problems.Select(p => p.ToString()));
        Assert.Equal(
            [
                "o.yaml:4:7: spec: cannot check rule \"self.items.sortBy(x, x)\": unsupported method '.sortBy()' (at character 12)",
                "o.yaml:4:25: spec.bad: cannot check the pattern (?<=a)b: lookaround, backreferences and atomic groups are not supported (RE2 has none)",
            ],
            set.Validate(obj).Select(d => d.ToString()));
    }

    [Fact]
    public void UnservedVersionsAreRefused()
    {
        var set = CrdSchemaSet.Load(new ManifestReader().ReadText("g.yaml", Crd.Replace("served: true", "served: false", StringComparison.Ordinal)));
        var obj = (MappingNode)new ManifestReader().ReadText("o.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")[0].Root!;

        Assert.Equal("o.yaml:1:13: apiVersion: example.com/v1 of Widget is not served (its CRD has served: false)", Assert.Single(set.Validate(obj)).ToString());
    }
}
