using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Webhooks;

/// <summary>The <c>admission.k8s.io/v1</c> AdmissionReview kube-apiserver posts to a webhook for a write.</summary>
internal static class AdmissionReviewBody
{
    public const string ApiVersion = "admission.k8s.io/v1";

    /// <summary>Who the sandbox says made every request: it has one user, with every right.</summary>
    public const string UserName = "sandbox-admin";

    public static JsonObject Create(WriteRequest write, string uid)
    {
        var resource = write.Resource;
        var kind = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind };
        var gvr = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["resource"] = resource.Plural };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = kind,
            ["resource"] = gvr,
            ["requestKind"] = kind.DeepClone(),
            ["requestResource"] = gvr.DeepClone(),
            ["name"] = write.Name,
        };
        if (write.Namespace is { } ns)
        {
            request["namespace"] = ns;
        }

        request["operation"] = WebhookRule.OperationName(write.Operation);
        request["userInfo"] = new JsonObject
        {
            ["username"] = UserName,
            ["groups"] = new JsonArray("system:masters", "system:authenticated"),
        };
        request["object"] = write.Object?.DeepClone();
        request["oldObject"] = write.OldObject?.DeepClone();
        request["dryRun"] = write.DryRun;
        request["options"] = Options(write);
        return new JsonObject { ["kind"] = "AdmissionReview", ["apiVersion"] = ApiVersion, ["request"] = request };
    }

    /// <summary>The options of the write, as the kind kube-apiserver names for its operation (a patch's are UpdateOptions).</summary>
    private static JsonObject Options(WriteRequest write)
    {
        var options = new JsonObject
        {
            ["kind"] = write.Operation switch
            {
                WriteOperation.Create => "CreateOptions",
                WriteOperation.Update => "UpdateOptions",
                _ => "DeleteOptions",
            },
            ["apiVersion"] = "meta.k8s.io/v1",
        };
        if (write.DryRun)
        {
            options["dryRun"] = new JsonArray("All");
        }

        return options;
    }
}
