using System.Text.Json;
using Palisade.Policy.Checks;
using Palisade.Policy.Reporting;
using Palisade.Rego.Values;
using static Palisade.Policy.Tests.Reporting.Sample;

namespace Palisade.Policy.Tests.Reporting;

public sealed class SarifReporterTests
{
    private static string Sarif(params FileCheckResults[] files) => Render(new SarifReporter("1.2.3"), Report(files));

    private static readonly ObjectValue DenyMetadata = ObjectValue.Of(
        ("query", new StringValue("data.main.deny")),
        ("severity", new StringValue("high")));

    private static CheckReport Mixed() => Report(
        File("deploy.yaml", "main", successes: 1, failures: [Result("no <limits> & \"quotes\"\nsecond line", At("deploy.yaml", 12, 3), DenyMetadata), Result("second failure")], warnings: [Result("latest tag")]),
        File("svc.yaml", "main", successes: 2, exceptions: [Result("excepted", At("svc.yaml", 4))]),
        File("cm.yaml", "kube"));

    [Fact]
    public void EmptyReport() =>
        Assert.Equal(
            Compact("""
            {
              "version": "2.1.0",
              "$schema": "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "palisade",
                      "version": "1.2.3",
                      "rules": []
                    }
                  },
                  "invocations": [
                    {
                      "executionSuccessful": true,
                      "exitCode": 0,
                      "exitCodeDescription": "No policy violations found"
                    }
                  ],
                  "results": []
                }
              ]
            }
            """),
            Sarif());

    [Fact]
    public void MixedReportGolden() =>
        Assert.Equal(Compact(MixedGolden), Render(new SarifReporter("1.2.3"), Mixed()));

    [Fact]
    public void OneLineOfCompactJsonWithoutTrailingNewline() =>
        Assert.Equal(
            """{"version":"2.1.0","$schema":"https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json","runs":[{"tool":{"driver":{"name":"palisade","version":"1.2.3","rules":[{"id":"main/warn","shortDescription":{"text":"Policy warning"}}]}},"invocations":[{"executionSuccessful":true,"exitCode":0,"exitCodeDescription":"Policy warnings found"}],"results":[{"ruleId":"main/warn","ruleIndex":0,"level":"warning","message":{"text":"a\u003cb"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.yaml"},"region":{"startLine":2,"endLine":2}}}]}]}]}""",
            Sarif(File("a.yaml", "main", warnings: [Result("a<b", At("a.yaml", 2, 0))])));

    [Fact]
    public void WarningsAloneDoNotChangeTheExitCode()
    {
        using var sarif = JsonDocument.Parse(Sarif(File("a.yaml", "main", warnings: [Result("w")])));
        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];

        Assert.Equal(0, invocation.GetProperty("exitCode").GetInt32());
        Assert.Equal("Policy warnings found", invocation.GetProperty("exitCodeDescription").GetString());
    }

    [Fact]
    public void RulesAreSharedAcrossInputsAndKeepTheFirstResultsMetadata()
    {
        using var sarif = JsonDocument.Parse(Sarif(
            File("a.yaml", "main", failures: [Result("x", metadata: ObjectValue.Of(("id", new StringValue("first"))))]),
            File("b.yaml", "main", failures: [Result("y", metadata: ObjectValue.Of(("id", new StringValue("second"))))]),
            File("c.yaml", "other", failures: [Result("z")])));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.Equal(["main/deny", "other/deny"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("first", rules[0].GetProperty("properties").GetProperty("id").GetString());
        Assert.False(rules[1].TryGetProperty("properties", out _));
        Assert.Equal([0, 0, 1], run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleIndex").GetInt32()));
    }

    [Fact]
    public void OutputHasTheShapeSarif210Requires()
    {
        using var sarif = JsonDocument.Parse(Render(new SarifReporter(), Mixed()));
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-schema-2.1.0.json", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var runs = root.GetProperty("runs");
        Assert.Equal(JsonValueKind.Array, runs.ValueKind);
        foreach (var run in runs.EnumerateArray())
        {
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
            var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(rule =>
            {
                Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
                return rule.GetProperty("id").GetString();
            }).ToList();
            Assert.Equal(ruleIds.Distinct().Count(), ruleIds.Count);

            foreach (var invocation in run.GetProperty("invocations").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.True, invocation.GetProperty("executionSuccessful").ValueKind);
                Assert.Equal(JsonValueKind.Number, invocation.GetProperty("exitCode").ValueKind);
            }

            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                // A result needs a message with text; ruleIndex, when given, must point at the rule named by ruleId.
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                Assert.Equal(ruleIds[result.GetProperty("ruleIndex").GetInt32()], result.GetProperty("ruleId").GetString());
                Assert.Contains(result.GetProperty("level").GetString(), (string[])["none", "note", "warning", "error"]);
                foreach (var location in result.GetProperty("locations").EnumerateArray())
                {
                    var physical = location.GetProperty("physicalLocation");
                    Assert.False(string.IsNullOrEmpty(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()));
                    if (physical.TryGetProperty("region", out var region))
                    {
                        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                        Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
                    }
                }
            }
        }
    }

    /// <summary>The golden JSON below without the layout whitespace outside strings, as the reporter writes it.</summary>
    private static string Compact(string json)
    {
        var compact = new System.Text.StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                compact.Append(c);
                if (c == '\\')
                {
                    compact.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
                inString = c == '"';
            }
        }

        return compact.ToString();
    }

    private const string MixedGolden = """
        {
          "version": "2.1.0",
          "$schema": "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "palisade",
                  "version": "1.2.3",
                  "rules": [
                    {
                      "id": "main/deny",
                      "shortDescription": {
                        "text": "Policy violation"
                      },
                      "properties": {
                        "query": "data.main.deny",
                        "severity": "high"
                      }
                    },
                    {
                      "id": "main/warn",
                      "shortDescription": {
                        "text": "Policy warning"
                      }
                    },
                    {
                      "id": "main/allow",
                      "shortDescription": {
                        "text": "Policy exception"
                      }
                    },
                    {
                      "id": "main/success",
                      "shortDescription": {
                        "text": "Policy was satisfied successfully"
                      },
                      "properties": {
                        "description": "Policy was satisfied successfully"
                      }
                    },
                    {
                      "id": "kube/skip",
                      "shortDescription": {
                        "text": "Policy check was skipped"
                      },
                      "properties": {
                        "description": "Policy check was skipped"
                      }
                    }
                  ]
                }
              },
              "invocations": [
                {
                  "executionSuccessful": true,
                  "exitCode": 1,
                  "exitCodeDescription": "Policy violations found"
                }
              ],
              "results": [
                {
                  "ruleId": "main/deny",
                  "ruleIndex": 0,
                  "level": "error",
                  "message": {
                    "text": "no \u003climits\u003e \u0026 \"quotes\"\nsecond line"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "deploy.yaml"
                        },
                        "region": {
                          "startLine": 12,
                          "endLine": 12,
                          "startColumn": 3
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "main/deny",
                  "ruleIndex": 0,
                  "level": "error",
                  "message": {
                    "text": "second failure"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "deploy.yaml"
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "main/warn",
                  "ruleIndex": 1,
                  "level": "warning",
                  "message": {
                    "text": "latest tag"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "deploy.yaml"
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "main/allow",
                  "ruleIndex": 2,
                  "level": "note",
                  "message": {
                    "text": "excepted"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "svc.yaml"
                        },
                        "region": {
                          "startLine": 4,
                          "endLine": 4,
                          "startColumn": 1
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "main/success",
                  "ruleIndex": 3,
                  "level": "none",
                  "message": {
                    "text": "Policy was satisfied successfully"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "svc.yaml"
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "kube/skip",
                  "ruleIndex": 4,
                  "level": "none",
                  "message": {
                    "text": "Policy check was skipped"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "cm.yaml"
                        }
                      }
                    }
                  ]
                }
              ]
            }
          ]
        }
        """;
}
