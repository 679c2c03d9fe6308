using System.Text.Json.Nodes;

namespace Palisade.Kube.Templates;

/// <summary>One object generated from one template, with the path it is written to under the output folder.</summary>
/// <param name="RelativePath"><c>&lt;namespace or _global&gt;/&lt;objecttype&gt;-&lt;name&gt;.yaml</c>, with '/' separators.</param>
public sealed record GeneratedObject(ObjectTemplate Template, string RelativePath, JsonObject Content)
{
    public const string GlobalFolder = "_global";

    public static string PathFor(ObjectTemplate template) =>
        $"{template.Namespace ?? GlobalFolder}/{template.ObjectType.FilePrefix()}-{template.Name}.yaml";
}
