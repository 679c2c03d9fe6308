using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// What a template sees as <c>input.review</c>: an AdmissionRequest as Kubernetes serialises it (uid, kind, resource,
/// operation and userInfo always present; name, namespace, object, oldObject, dryRun… only when set), and the object
/// that constraints match against.
/// </summary>
public sealed record AdmissionReview(ObjectValue Request, ReviewedObject Target)
{
    private static readonly string[] RequestFields =
    [
        "uid", "kind", "resource", "subResource", "requestKind", "requestResource", "requestSubResource",
        "name", "namespace", "operation", "userInfo", "object", "oldObject", "dryRun", "options",
    ];

    /// <summary>The review gator makes of a plain object: only kind, name, namespace and object are filled.</summary>
    public static AdmissionReview ForObject(Value obj, string where)
    {
        var target = ReviewedObject.Of(obj);
        if (target.Kind.Version.Length == 0)
        {
            throw new GatekeeperException($"{where}: resource {target.Name} has no version");
        }

        if (target.Kind.Kind.Length == 0)
        {
            throw new GatekeeperException($"{where}: resource {target.Name} has no kind");
        }

        var fields = new List<(string, Value)>
        {
            ("uid", StringValue.Empty),
            ("kind", Gvk(target.Kind.Group, target.Kind.Version, target.Kind.Kind)),
            ("resource", ObjectValue.Of(("group", StringValue.Empty), ("version", StringValue.Empty), ("resource", StringValue.Empty))),
            ("operation", StringValue.Empty),
            ("userInfo", ObjectValue.Empty),
            ("object", obj),
        };
        AddIfSet(fields, "name", target.Name);
        AddIfSet(fields, "namespace", target.Namespace);
        return new AdmissionReview(ObjectValue.Of(fields.ToArray()), target);
    }

    /// <summary>
    /// The review of an <c>admission.k8s.io</c> AdmissionReview's request, checked as gator checks it: unknown fields
    /// are rejected, an object or oldObject is required, and a DELETE without an object is reviewed on its oldObject.
    /// </summary>
    public static AdmissionReview ForAdmissionReview(Value review, string where)
    {
        if (review is not ObjectValue top)
        {
            throw new GatekeeperException($"{where}: an AdmissionReview must be an object");
        }

        foreach (var key in top.Keys)
        {
            if (key is not StringValue { Value: "apiVersion" or "kind" or "request" or "response" })
            {
                throw new GatekeeperException($"{where}: unable to convert to an AdmissionReview object: unknown field {Text(key)}");
            }
        }

        if (review.Get("request") is not ObjectValue request)
        {
            throw new GatekeeperException($"{where}: request did not actually pass in an AdmissionRequest");
        }

        var unknown = request.Keys.ToArray().FirstOrDefault(k => k is not StringValue s || !RequestFields.Contains(s.Value));
        if (unknown is not null)
        {
            throw new GatekeeperException($"{where}: unable to convert to an AdmissionReview object: unknown field request.{Text(unknown)}");
        }

        var obj = NonNull(request.Get("object"));
        var oldObject = NonNull(request.Get("oldObject"));
        if (obj is null && oldObject is null)
        {
            throw new GatekeeperException($"{where}: AdmissionRequest does not contain an \"object\" or \"oldObject\" to review");
        }

        var operation = request.GetString("operation") ?? string.Empty;
        if (operation == "DELETE" && obj is null)
        {
            obj = oldObject;
        }

        var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Entries)
        {
            if (value is not NullValue)
            {
                fields[((StringValue)key).Value] = value;
            }
        }

        fields["uid"] = request.Get("uid") ?? StringValue.Empty;
        fields["kind"] = Gvk(request.GetString("kind", "group") ?? string.Empty, request.GetString("kind", "version") ?? string.Empty, request.GetString("kind", "kind") ?? string.Empty);
        fields["resource"] = ObjectValue.Of(
            ("group", StringValue.Of(request.GetString("resource", "group") ?? string.Empty)),
            ("version", StringValue.Of(request.GetString("resource", "version") ?? string.Empty)),
            ("resource", StringValue.Of(request.GetString("resource", "resource") ?? string.Empty)));
        fields["operation"] = StringValue.Of(operation);
        fields["userInfo"] = request.Get("userInfo") is ObjectValue user ? user : ObjectValue.Empty;
        if (obj is not null)
        {
            fields["object"] = obj;
        }

        var values = fields.Select(f => new KeyValuePair<Value, Value>(StringValue.Of(f.Key), f.Value));
        return new AdmissionReview(ObjectValue.Of(values), ReviewedObject.Of(obj ?? oldObject!));
    }

    /// <summary>An object to review as gator reads it: an <c>admission.k8s.io</c> AdmissionReview, or any other object.</summary>
    public static AdmissionReview For(Value document, string where)
    {
        var gvk = GroupVersionKind.Parse(document.GetString("apiVersion"), document.GetString("kind"));
        return gvk is { Kind: "AdmissionReview", Group: "admission.k8s.io" }
            ? ForAdmissionReview(document, where)
            : ForObject(document, where);
    }

    private static ObjectValue Gvk(string group, string version, string kind) =>
        ObjectValue.Of(("group", StringValue.Of(group)), ("version", StringValue.Of(version)), ("kind", StringValue.Of(kind)));

    private static string Text(Value key) => key is StringValue s ? s.Value : key.ToString();

    private static Value? NonNull(Value? value) => value is null or NullValue ? null : value;

    private static void AddIfSet(List<(string, Value)> fields, string key, string value)
    {
        if (value.Length > 0)
        {
            fields.Add((key, StringValue.Of(value)));
        }
    }
}
