using Palisade.Kube.Manifests;

namespace Palisade.Kube.Templates;

/// <summary>The outcome of generating: every object, or every problem (then no object is to be written).</summary>
public sealed record GenerationResult(IReadOnlyList<GeneratedObject> Objects, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.Count == 0;
}

/// <summary>Templates in, objects out: one object per template document, or diagnostics naming file, line and key.</summary>
public static class TemplateGenerator
{
    public static GenerationResult Generate(IEnumerable<ManifestDocument> documents)
    {
        var diagnostics = new List<Diagnostic>();
        var templates = new List<ObjectTemplate>();
        foreach (var document in documents)
        {
            if (document.Root is null)
            {
                continue;
            }

            if (TemplateReader.Read(document, diagnostics) is { } template)
            {
                templates.Add(template);
            }
        }

        diagnostics.AddRange(FindDuplicates(templates));
        if (diagnostics.Count > 0)
        {
            return new GenerationResult([], diagnostics);
        }

        var objects = templates
            .Select(t => new GeneratedObject(t, GeneratedObject.PathFor(t), Build(t)))
            .OrderBy(o => o.RelativePath, StringComparer.Ordinal)
            .ToArray();
        return new GenerationResult(objects, []);
    }

    private static System.Text.Json.Nodes.JsonObject Build(ObjectTemplate template) =>
        template is PolicyTemplate { ObjectType: TemplateObjectType.KubernetesNetworkPolicy } policy
            ? KubernetesObjectBuilder.Build(policy)
            : CalicoObjectBuilder.Build(template);

    /// <summary>Two templates for the same object would overwrite each other's file; both places are named.</summary>
    private static IEnumerable<Diagnostic> FindDuplicates(IEnumerable<ObjectTemplate> templates)
    {
        var first = new Dictionary<string, ObjectTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var path = GeneratedObject.PathFor(template);
            if (first.TryGetValue(path, out var earlier))
            {
                yield return template.Source.At(
                    template.NameKey,
                    $"duplicate {template.ObjectType} \"{template.DisplayName}\" (first defined at {earlier.Source.Location})");
            }
            else
            {
                first.Add(path, template);
            }
        }
    }
}
