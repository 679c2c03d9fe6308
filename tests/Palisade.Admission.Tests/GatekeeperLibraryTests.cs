using System.Text.Json.Nodes;
using Palisade.Policy.Gatekeeper;
using Palisade.Policy.Gatekeeper.Suites;
using Palisade.Rego.Values;

namespace Palisade.Admission.Tests;

/// <summary>
/// The gatekeeper-library's general and pod-security-policy templates, enforced by the webhook: every sample object
/// of their suites posted as a CREATE, and every sample AdmissionReview (an UPDATE, say) posted as the v1 review the
/// API server would send, allowed or denied as the suite says. Cases that need an inventory are checked through
/// the webhook's cluster cache by <see cref="GatekeeperLibraryInventoryTests"/>.
/// </summary>
public sealed class GatekeeperLibraryTests
{
    public static TheoryData<string> Suites()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "general", "pod-security-policy" })
        {
            var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "gatekeeper-library", "library", folder);
            List<string?> names = Directory.Exists(root) ? [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal)] : ["all"];
            foreach (var name in names)
            {
                data.Add($"{folder}/{name}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Sample_objects_are_allowed_or_denied_as_the_suite_says(string suiteName)
    {
        var library = SharedData.Require("gatekeeper-library/library");
        var suitePath = Path.Combine(library, suiteName, SuiteReader.SuiteFileName);
        if (!File.Exists(suitePath))
        {
            Assert.Skip($"{suiteName} has no suite");
        }

        var suite = SuiteReader.Read(suitePath);
        var folder = Path.GetDirectoryName(suitePath)!;
        var checkedCases = 0;
        foreach (var test in suite.Tests.Where(t => !t.Skip))
        {
            var cases = test.Cases.Where(c => !c.Skip && c.Inventory.Count == 0 && ObjectFiles.Read(Path.Combine(folder, c.Object)).Count == 1).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            var constraintPath = Path.Combine(folder, test.Constraint);
            var action = Constraint.Read(ObjectFiles.ReadSingle(constraintPath), constraintPath).EnforcementAction;
            await using var webhook = await WebhookFixture.Start((root, o) =>
            {
                var templates = Path.Combine(root, "templates");
                Directory.CreateDirectory(templates);
                File.Copy(Path.Combine(folder, test.Template), Path.Combine(templates, "template.yaml"));
                File.Copy(constraintPath, Path.Combine(templates, "constraint.yaml"));
                return o with { Sources = new PolicySources { TemplatesDir = templates } };
            });
            foreach (var suiteCase in cases)
            {
                var sample = JsonNode.Parse(ValueJson.Serialize(ObjectFiles.ReadSingle(Path.Combine(folder, suiteCase.Object))))!.AsObject();
                var response = await webhook.Review(AsReview(sample));
                var violates = suiteCase.Assertions.Any(a => a.Violations == ViolationAssertion.Yes || (int.TryParse(a.Violations, out var n) && n > 0));
                var denied = violates && action is "deny" or "scoped";
                Assert.True(
                    (bool)response["allowed"]! == !denied,
                    $"{suiteName} {test.Name}/{suiteCase.Name}: want {(denied ? "denied" : "allowed")}, got {response.ToJsonString()}");
                if (denied)
                {
                    Assert.StartsWith("[", (string)response["status"]!["message"]!, StringComparison.Ordinal);
                }

                checkedCases++;
            }
        }

        if (checkedCases == 0)
        {
            Assert.Skip($"{suiteName}: every case needs an inventory");
        }
    }

    /// <summary>
    /// The v1 AdmissionReview for a sample: a plain object as a CREATE of it, or a sample review (written by the library
    /// as a partial v1beta1 request) with its operation, object and old object.
    /// </summary>
    private static string AsReview(JsonObject sample)
    {
        if ((string?)sample["kind"] != "AdmissionReview")
        {
            return Reviews.For(sample);
        }

        var request = sample["request"]!.AsObject();
        var operation = (string?)request["operation"] ?? "CREATE";
        var obj = request["object"] as JsonObject;
        var old = request["oldObject"] as JsonObject;
        return operation == "DELETE" ? Reviews.For(old!, operation) : Reviews.For(obj!, operation, oldObject: old);
    }
}
