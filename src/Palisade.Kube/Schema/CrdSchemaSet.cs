using System.Diagnostics.CodeAnalysis;
using Palisade.Kube.Manifests;
using Palisade.Kube.Text;

namespace Palisade.Kube.Schema;

/// <summary>
/// The schemas of the custom resources a cluster knows, read from their CustomResourceDefinitions, and the
/// validation of objects against them. Problems in the CRDs themselves (a keyword Palisade does not implement,
/// a rule it cannot parse) are in <see cref="Problems"/>: the objects they concern are reported as unchecked too.
/// </summary>
public sealed class CrdSchemaSet
{
    private const string CrdApiVersion = "apiextensions.k8s.io/v1";

    private readonly Dictionary<(string ApiVersion, string Kind), CrdSchema> _byKey;

    private CrdSchemaSet(IReadOnlyList<CrdSchema> schemas, IReadOnlyList<Diagnostic> problems)
    {
        Schemas = schemas;
        Problems = problems;
        _byKey = schemas.ToDictionary(s => (s.ApiVersion, s.Kind));
    }

    public IReadOnlyList<CrdSchema> Schemas { get; }

    public IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>Reads the CRDs among <paramref name="crdDocuments"/>; documents of other kinds are passed over.</summary>
    public static CrdSchemaSet Load(IEnumerable<ManifestDocument> crdDocuments)
    {
        var schemas = new List<CrdSchema>();
        var problems = new List<Diagnostic>();
        foreach (var document in crdDocuments)
        {
            if (document.Root is MappingNode root && root["kind"] is ScalarNode { Text: "CustomResourceDefinition" })
            {
                foreach (var schema in CrdReader.Read(root, CrdApiVersion, problems))
                {
                    if (schemas.FirstOrDefault(s => s.ApiVersion == schema.ApiVersion && s.Kind == schema.Kind) is { } earlier)
                    {
                        problems.Add(new Diagnostic(schema.Location, $"{schema} is defined twice; the definition at {earlier.Location} is used"));
                        continue;
                    }

                    schemas.Add(schema);
                }
            }
        }

        return new CrdSchemaSet(schemas, problems);
    }

    public bool TryGet(string apiVersion, string kind, [NotNullWhen(true)] out CrdSchema? schema) =>
        _byKey.TryGetValue((apiVersion, kind), out schema);

    /// <summary>Every problem of an object: one diagnostic when no CRD defines its kind, else the kind's validation.</summary>
    public IReadOnlyList<Diagnostic> Validate(MappingNode obj)
    {
        var apiVersion = TypeField(obj, "apiVersion", out var apiVersionProblem);
        var kind = TypeField(obj, "kind", out var kindProblem);
        if (apiVersion is null || kind is null)
        {
            return [.. new[] { apiVersionProblem, kindProblem }.OfType<Diagnostic>()];
        }

        if (!TryGet(apiVersion.AsString, kind.AsString, out var schema))
        {
            return [new Diagnostic(kind.Location, "kind: " + DescribeUnknown(apiVersion.AsString, kind.AsString))];
        }

        if (!schema.Served)
        {
            return [new Diagnostic(apiVersion.Location, $"apiVersion: {apiVersion.AsString} of {kind.AsString} is not served (its CRD has served: false)")];
        }

        return schema.Validate(obj);
    }

    private string DescribeUnknown(string apiVersion, string kind)
    {
        var message = $"no CRD defines {ValueText.Quote(kind)} in {apiVersion}";
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        var elsewhere = Schemas.Where(s => s.Kind == kind && s.Group == group).Select(s => s.ApiVersion).ToList();
        if (elsewhere.Count > 0)
        {
            return $"{message}; it is defined in {string.Join(", ", elsewhere)}";
        }

        var suggestion = Spelling.Suggest(kind, Schemas.Where(s => s.ApiVersion == apiVersion).Select(s => s.Kind));
        return suggestion is null ? message : $"{message}; did you mean \"{suggestion}\"?";
    }

    private static ScalarNode? TypeField(MappingNode obj, string name, out Diagnostic? problem)
    {
        problem = null;
        if (!obj.TryGetEntry(name, out var entry))
        {
            problem = new Diagnostic(obj.Location, $"missing required field \"{name}\"");
            return null;
        }

        if (entry.Value is ScalarNode { Kind: ScalarKind.String } text)
        {
            return text;
        }

        problem = new Diagnostic(entry.Value.Location, $"{name}: expected string, got {ValueText.JsonType(entry.Value)}");
        return null;
    }
}
