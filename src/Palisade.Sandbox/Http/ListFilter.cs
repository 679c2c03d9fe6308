using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Palisade.Sandbox.Selection;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>The objects a list or watch request selects: its namespace, labelSelector and fieldSelector.</summary>
internal sealed class ListFilter(string? ns, LabelSelector labels, FieldSelector fields)
{
    public string? Namespace { get; } = ns;

    public static ListFilter From(HttpRequest request, string? ns) =>
        new(ns, LabelSelector.Parse(request.Query["labelSelector"]), FieldSelector.Parse(request.Query["fieldSelector"]));

    public bool Matches(JsonObject obj) =>
        (Namespace is null || ObjectMeta.Namespace(obj) == Namespace) && labels.Matches(ObjectMeta.Labels(obj)) && fields.Matches(obj);
}
