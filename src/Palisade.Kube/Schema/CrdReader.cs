using Palisade.Kube.Manifests;

namespace Palisade.Kube.Schema;

/// <summary>Reads the kinds and version schemas out of one CustomResourceDefinition object.</summary>
internal static class CrdReader
{
    public static IEnumerable<CrdSchema> Read(MappingNode crd, string expectedApiVersion, List<Diagnostic> problems)
    {
        var apiVersion = (crd["apiVersion"] as ScalarNode)?.Text;
        if (apiVersion != expectedApiVersion)
        {
            problems.Add(new Diagnostic(crd.Location, $"apiVersion: {apiVersion ?? "(none)"} CustomResourceDefinitions are not supported; use {expectedApiVersion}"));
            yield break;
        }

        var spec = crd["spec"] as MappingNode;
        var group = (spec?["group"] as ScalarNode)?.Text;
        var kind = ((spec?["names"] as MappingNode)?["kind"] as ScalarNode)?.Text;
        var scope = (spec?["scope"] as ScalarNode)?.Text;
        if (spec is null || group is null || kind is null || scope is not ("Namespaced" or "Cluster"))
        {
            problems.Add(new Diagnostic(crd.Location, "a CustomResourceDefinition needs spec.group, spec.names.kind and spec.scope (Namespaced or Cluster)"));
            yield break;
        }

        if (spec["versions"] is not SequenceNode versions)
        {
            problems.Add(new Diagnostic(spec.Location, "spec: missing required field \"versions\""));
            yield break;
        }

        for (var i = 0; i < versions.Count; i++)
        {
            var path = FieldPath.Root.Child("spec").Child("versions").Index(i);
            if (versions.Items[i] is not MappingNode version || version["name"] is not ScalarNode { Kind: ScalarKind.String } name)
            {
                problems.Add(new Diagnostic(versions.Items[i].Location, path.Prefix("a version needs a name")));
                continue;
            }

            if ((version["schema"] as MappingNode)?["openAPIV3Schema"] is not MappingNode schemaNode)
            {
                problems.Add(new Diagnostic(version.Location, path.Prefix($"version {name.Text} of {kind} has no schema.openAPIV3Schema")));
                continue;
            }

            var served = version["served"] is not ScalarNode { Kind: ScalarKind.Bool } flag || flag.AsBool;
            var root = SchemaReader.Read(schemaNode, path.Child("schema").Child("openAPIV3Schema"), problems);
            yield return new CrdSchema(group, name.Text, kind, scope == "Namespaced", served, schemaNode.Location, root);
        }
    }
}
