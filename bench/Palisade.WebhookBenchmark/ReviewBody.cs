using System.Text;
using System.Text.Json.Nodes;

namespace Palisade.WebhookBenchmark;

/// <summary>
/// A CREATE AdmissionReview for one sample, serialized once; each request gets a fresh uid written over a placeholder,
/// so clients spend their time on the wire, not on JSON.
/// </summary>
internal sealed class ReviewBody
{
    private const string Placeholder = "00000000-0000-0000-0000-000000000000";
    private readonly byte[] _template;
    private readonly int _uidAt;

    public ReviewBody(Sample sample)
    {
        Sample = sample;
        _template = Encoding.UTF8.GetBytes(Review(sample.Object).ToJsonString());
        _uidAt = _template.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Placeholder));
    }

    public Sample Sample { get; }

    /// <summary>What the webhook must answer: set from a reference evaluation before the load starts.</summary>
    public bool ExpectAllowed { get; set; }

    /// <summary>The body with <paramref name="uid"/> (a 36-character GUID) as request.uid.</summary>
    public byte[] WithUid(string uid)
    {
        var body = (byte[])_template.Clone();
        Encoding.ASCII.GetBytes(uid, body.AsSpan(_uidAt, Placeholder.Length));
        return body;
    }

    private static JsonObject Review(JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? "v1";
        var (group, version) = apiVersion.Split('/') is [var g, var v] ? (g, v) : (string.Empty, apiVersion);
        var kind = (string?)obj["kind"] ?? string.Empty;
        var request = new JsonObject
        {
            ["uid"] = Placeholder,
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind },
            ["resource"] = new JsonObject { ["group"] = group, ["version"] = version, ["resource"] = kind.ToLowerInvariant() + "s" },
            ["name"] = obj["metadata"]?["name"]?.DeepClone(),
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject { ["username"] = "bench", ["groups"] = new JsonArray("system:authenticated") },
            ["object"] = obj.DeepClone(),
            ["oldObject"] = null,
            ["dryRun"] = false,
        };
        if (obj["metadata"]?["namespace"] is { } ns)
        {
            request["namespace"] = ns.DeepClone();
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
    }
}
