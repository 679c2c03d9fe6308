using System.Text.Json;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Values;

namespace Palisade.Admission;

/// <summary>
/// The request of one <c>admission.k8s.io/v1</c> AdmissionReview, with the whole review kept as a Rego value (for
/// <c>--input review</c>) and as Gatekeeper's <c>input.review</c>.
/// </summary>
public sealed record AdmissionRequest(
    string Uid,
    GroupVersionKind Kind,
    ObjectValue Resource,
    string Namespace,
    string Name,
    string Operation,
    ObjectValue UserInfo,
    ObjectValue? Object,
    ObjectValue? OldObject,
    bool DryRun,
    Value Review,
    AdmissionReview GatekeeperReview)
{
    public const string ApiVersion = "admission.k8s.io/v1";

    private static readonly string[] Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

    /// <summary>The object rules check: the new object, or for a DELETE the object being deleted.</summary>
    public ObjectValue? Checked => Operation == "DELETE" ? OldObject ?? Object : Object ?? OldObject;

    /// <summary>Decodes an AdmissionReview; anything the API server would never send is an <see cref="AdmissionFormatException"/>.</summary>
    public static AdmissionRequest Decode(ReadOnlySpan<byte> json)
    {
        Value review;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 512 });
            review = ValueJson.FromJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new AdmissionFormatException($"the body is not JSON: {ex.Message}");
        }

        if (review is not ObjectValue top)
        {
            throw new AdmissionFormatException("the body must be a JSON object (an AdmissionReview)");
        }

        if (top.GetString("apiVersion") != ApiVersion || top.GetString("kind") != "AdmissionReview")
        {
            throw new AdmissionFormatException($"want an AdmissionReview of apiVersion {ApiVersion}, got kind {Shown(top.GetString("kind"))} of apiVersion {Shown(top.GetString("apiVersion"))}");
        }

        if (top.Get("request") is not ObjectValue request)
        {
            throw new AdmissionFormatException("the AdmissionReview has no request object");
        }

        var uid = request.GetString("uid");
        if (string.IsNullOrEmpty(uid))
        {
            throw new AdmissionFormatException("request.uid is missing");
        }

        var operation = request.GetString("operation") ?? string.Empty;
        if (!Operations.Contains(operation, StringComparer.Ordinal))
        {
            throw new AdmissionFormatException($"request.operation {Shown(operation)} is not one of {string.Join(", ", Operations)}");
        }

        var kind = request.Get("kind") as ObjectValue ?? throw new AdmissionFormatException("request.kind must be an object {group, version, kind}");
        var obj = OptionalObject(request, "object");
        var oldObject = OptionalObject(request, "oldObject");
        AdmissionReview gatekeeperReview;
        try
        {
            gatekeeperReview = AdmissionReview.ForAdmissionReview(review, "request");
        }
        catch (GatekeeperException ex)
        {
            throw new AdmissionFormatException(ex.Message);
        }

        return new AdmissionRequest(
            uid,
            new GroupVersionKind(kind.GetString("group") ?? string.Empty, kind.GetString("version") ?? string.Empty, kind.GetString("kind") ?? string.Empty),
            request.Get("resource") as ObjectValue ?? ObjectValue.Empty,
            request.GetString("namespace") ?? string.Empty,
            request.GetString("name") ?? string.Empty,
            operation,
            request.Get("userInfo") as ObjectValue ?? ObjectValue.Empty,
            obj,
            oldObject,
            request.Get("dryRun") is BooleanValue { Value: true },
            review,
            gatekeeperReview);
    }

    private static ObjectValue? OptionalObject(ObjectValue request, string field) => request.Get(field) switch
    {
        null or NullValue => null,
        ObjectValue o => o,
        _ => throw new AdmissionFormatException($"request.{field} must be an object"),
    };

    private static string Shown(string? text) => string.IsNullOrEmpty(text) ? "(none)" : text;
}
