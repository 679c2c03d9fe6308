using System.Text.Json.Nodes;
using k8s.Autorest;

namespace Palisade.Sandbox.Tests;

/// <summary>Checks the metav1.Status body of a refused request.</summary>
internal static class StatusAssert
{
    public static async Task<JsonObject> RefusedAsync(Func<Task> request, int code, string reason)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(request);
        Assert.Equal(code, (int)error.Response.StatusCode);
        var status = Assert.IsType<JsonObject>(JsonNode.Parse(error.Response.Content));
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("v1", (string?)status["apiVersion"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.Equal(code, (int?)status["code"]);
        return status;
    }
}
