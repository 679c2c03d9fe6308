using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Http;

/// <summary>Runs the write pipeline and turns a rejection into the Status the client gets.</summary>
internal static class Admission
{
    public static async Task AdmitAsync(WritePipeline pipeline, WriteRequest request, CancellationToken cancellation)
    {
        if (await pipeline.RunAsync(request, cancellation).ConfigureAwait(false) is { } rejection)
        {
            var details = StatusBody.Details(request.Resource, request.Name);
            throw new ApiError(rejection.Code, rejection.Reason, rejection.Message, details);
        }
    }

    public static WriteRequest Request(WriteOperation operation, ApiPath path, string name, JsonObject? obj, JsonObject? old, WriteParameters parameters) =>
        new(operation, path.Resource, path.Namespace, name, obj?.DeepClone() as JsonObject, old?.DeepClone() as JsonObject, operation == WriteOperation.Delete ? null : parameters.Manager, parameters.DryRun);
}
