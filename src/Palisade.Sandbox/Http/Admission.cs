using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Palisade.Sandbox.Http;

/// <summary>Runs the write pipeline, sends the warnings checks added, and turns a rejection into the Status the client gets.</summary>
internal static class Admission
{
    public static async Task AdmitAsync(WritePipeline pipeline, WriteRequest request, HttpContext context)
    {
        var rejection = await pipeline.RunAsync(request, context.RequestAborted).ConfigureAwait(false);
        // Warnings reach the client with a refusal too, as kube-apiserver sends them.
        WarningHeaders.Add(context.Response, request.Warnings);
        if (rejection is not null)
        {
            var details = StatusBody.Details(request.Resource, request.Name);
            throw new ApiError(rejection.Code, rejection.Reason, rejection.Message, details);
        }
    }

    public static WriteRequest Request(WriteOperation operation, ApiPath path, string name, JsonObject? obj, JsonObject? old, WriteParameters parameters) =>
        new(operation, path.Resource, path.Namespace, name, obj?.DeepClone() as JsonObject, old?.DeepClone() as JsonObject, operation == WriteOperation.Delete ? null : parameters.Manager, parameters.DryRun);
}
