using Palisade.Kube.Manifests;
using Palisade.Policy.Gatekeeper;
using Palisade.Policy.Loading;

namespace Palisade.Admission;

/// <summary>A compiled ConstraintTemplate and the constraints of its kind.</summary>
public sealed record TemplateConstraints(CompiledTemplate Template, IReadOnlyList<Constraint> Constraints);

/// <summary>
/// The Gatekeeper templates and constraints found in a folder tree: every YAML or JSON document whose apiVersion is
/// <c>templates.gatekeeper.sh</c> or <c>constraints.gatekeeper.sh</c>; other documents (kustomizations, sample
/// objects) are ignored.
/// </summary>
public static class ConstraintSet
{
    public static IReadOnlyList<TemplateConstraints> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new PolicyLoadException($"{folder}: no such templates folder");
        }

        var templates = new Dictionary<string, CompiledTemplate>(StringComparer.Ordinal);
        var constraints = new List<Constraint>();
        // The manifest reader's own walk: sorted, limited, and no symlink leads out of the folder.
        foreach (var document in new ManifestReader().ReadPaths([folder]).DocumentsOrThrow().Where(d => d.Root is not null))
        {
            var value = ManifestValues.ToValue(document.Root);
            var where = document.Location.ToString();
            var gvk = GroupVersionKind.Parse(value.GetString("apiVersion"), value.GetString("kind"));
            if (gvk.Group == "templates.gatekeeper.sh")
            {
                var template = CompiledTemplate.Compile(ConstraintTemplate.Read(value, where));
                if (!templates.TryAdd(template.Template.Kind, template))
                {
                    throw new PolicyLoadException($"{where}: template {template.Template.Kind} is also defined in {templates[template.Template.Kind].Template.Source}");
                }
            }
            else if (gvk.Group == "constraints.gatekeeper.sh")
            {
                constraints.Add(Constraint.Read(value, where));
            }
        }

        var orphan = constraints.FirstOrDefault(c => !templates.ContainsKey(c.Kind));
        if (orphan is not null)
        {
            throw new PolicyLoadException($"{orphan.Source}: constraint {orphan.Name}: no template in {folder} defines kind {orphan.Kind}");
        }

        return templates.Values
            .OrderBy(t => t.Template.Kind, StringComparer.Ordinal)
            .Select(t => new TemplateConstraints(t, constraints.Where(c => c.Kind == t.Template.Kind).ToList()))
            .ToList();
    }
}
