using System.Text.Json.Nodes;
using Palisade.Admission.Inventory;
using Palisade.Kube.Cluster;
using Palisade.Policy.Gatekeeper;
using Palisade.Policy.Gatekeeper.Suites;
using Palisade.Rego.Values;
using Palisade.Sandbox;

namespace Palisade.Admission.Tests;

/// <summary>
/// The gatekeeper-library cases that need an inventory, through the webhook's cluster cache: each case's inventory
/// objects are created in the sandbox API server, the webhook syncs their kinds from it, and the case's object is
/// allowed or denied as the suite says.
/// </summary>
public sealed class GatekeeperLibraryInventoryTests
{
    public static TheoryData<string> Suites()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "gatekeeper-library", "library");
        var found = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, SuiteReader.SuiteFileName, SearchOption.AllDirectories)
                .Where(f => File.ReadAllText(f).Contains("inventory:", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : ["all"];
        foreach (var name in found)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Cases_with_an_inventory_are_allowed_or_denied_as_the_suite_says(string suiteName)
    {
        var library = SharedData.Require("gatekeeper-library/library");
        var folder = Path.Combine(library, suiteName);
        var suite = SuiteReader.Read(Path.Combine(folder, SuiteReader.SuiteFileName));
        var checkedCases = 0;
        foreach (var test in suite.Tests.Where(t => !t.Skip))
        {
            var constraintPath = Path.Combine(folder, test.Constraint);
            var action = Constraint.Read(ObjectFiles.ReadSingle(constraintPath), constraintPath).EnforcementAction;
            var templates = File.ReadAllText(Path.Combine(folder, test.Template)) + "\n---\n" + File.ReadAllText(constraintPath);
            foreach (var suiteCase in test.Cases.Where(c => !c.Skip && c.Inventory.Count > 0 && ObjectFiles.Read(Path.Combine(folder, c.Object)).Count == 1))
            {
                var inventory = suiteCase.Inventory.SelectMany(i => ObjectFiles.Read(Path.Combine(folder, i))).Select(ToJson).ToList();
                // A kind is namespaced when its sample objects name a namespace.
                var kinds = inventory.GroupBy(TypeOf).Select(g => g.Key with { Namespaced = g.Any(o => ClusterObjects.Namespace(o) is not null) }).ToList();
                await using var cluster = await SandboxCluster.StartAsync(new SandboxOptions { Resources = [.. SandboxResource.Defaults, .. kinds.Where(Unserved).Select(Served)] });
                foreach (var obj in inventory)
                {
                    await cluster.Apply(kinds.Single(k => k.ApiVersion == (string?)obj["apiVersion"] && k.Kind == (string?)obj["kind"]), obj);
                }

                await using var webhook = await InventoryWebhookTests.StartWebhook(cluster, templates, kinds);
                await webhook.Server.Inventory!.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
                Assert.Equal(inventory.Count, webhook.Server.Inventory.Current.Count);

                var response = await webhook.Review(ToJson(ObjectFiles.ReadSingle(Path.Combine(folder, suiteCase.Object))));
                var violates = suiteCase.Assertions.Any(a => a.Violations == ViolationAssertion.Yes || (int.TryParse(a.Violations, out var n) && n > 0));
                var denied = violates && action is "deny" or "scoped";
                Assert.True(
                    (bool)response["allowed"]! == !denied,
                    $"{suiteName} {test.Name}/{suiteCase.Name}: want {(denied ? "denied" : "allowed")}, got {response.ToJsonString()}");
                checkedCases++;
            }
        }

        Assert.True(checkedCases > 0, $"{suiteName}: no case with an inventory was checked");
    }

    private static JsonObject ToJson(Value value) => JsonNode.Parse(ValueJson.Serialize(value))!.AsObject();

    /// <summary>The kind of a sample object, scope aside: the suite's objects say it.</summary>
    private static ResourceType TypeOf(JsonObject obj)
    {
        var text = $"{(string?)obj["apiVersion"]}/{(string?)obj["kind"]}";
        var type = SyncedKinds.Parse(text, out var problem) ?? throw new InvalidOperationException(problem);
        return type with { Namespaced = false };
    }

    private static bool Unserved(ResourceType type) =>
        !SandboxResource.Defaults.Any(r => r.Group == type.Group && r.Version == type.Version && r.Kind == type.Kind);

    private static SandboxResource Served(ResourceType type) => new(type.Group, type.Version, type.Kind, type.Plural, type.Namespaced);
}
