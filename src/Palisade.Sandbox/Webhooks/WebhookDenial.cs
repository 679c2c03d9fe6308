using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Webhooks;

/// <summary>The Status a client gets for a webhook's verdict or failure, as kube-apiserver builds it.</summary>
internal static class WebhookDenial
{
    /// <summary>
    /// A denial keeps the webhook's code (400 when it gives none below 400) and reason, and its message prefixed
    /// with who denied it.
    /// </summary>
    public static WriteRejection Denied(string webhook, JsonObject? status)
    {
        var code = JsonText.Long(status?["code"]) is { } given and >= 400 and <= 599 ? (int)given : 400;
        var reason = JsonText.Of(status?["reason"]) ?? "";
        var message = JsonText.Of(status?["message"]);
        var deniedBy = $"admission webhook \"{webhook}\" denied the request";
        var text = message is { Length: > 0 } ? $"{deniedBy}: {message}"
            : reason.Length > 0 ? $"{deniedBy}: {reason}"
            : $"{deniedBy} without explanation";
        return WriteRejection.WithStatus(code, reason, text);
    }

    /// <summary>A webhook that could not be called, under failurePolicy Fail: 500 InternalError.</summary>
    public static WriteRejection CallFailed(string webhook, string error) =>
        WriteRejection.WithStatus(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook}\": {error}");

    /// <summary>A dry run matched by a webhook that may have side effects: refused without calling it.</summary>
    public static WriteRejection DryRunUnsupported(string webhook) =>
        WriteRejection.WithStatus(400, "BadRequest", $"admission webhook \"{webhook}\" does not support dry run");
}
