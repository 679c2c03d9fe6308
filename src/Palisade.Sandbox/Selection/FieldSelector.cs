using System.Text.Json.Nodes;
using Palisade.Sandbox.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Selection;

/// <summary>A fieldSelector query parameter on the fields every resource supports: metadata.name and metadata.namespace, with =, == and !=.</summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<Func<JsonObject, bool>> requirements;

    private FieldSelector(IReadOnlyList<Func<JsonObject, bool>> requirements) => this.requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(JsonObject obj) => requirements.All(r => r(obj));

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<JsonObject, bool>>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (field, value, negated) = Split(part);
            Func<JsonObject, string> read = field switch
            {
                "metadata.name" => ObjectMeta.Name,
                "metadata.namespace" => o => ObjectMeta.Namespace(o) ?? "",
                _ => throw ApiError.BadRequest($"field label not supported: {field}"),
            };
            requirements.Add(negated ? o => read(o) != value : o => read(o) == value);
        }

        return new FieldSelector(requirements);
    }

    private static (string Field, string Value, bool Negated) Split(string part)
    {
        foreach (var (op, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (part[..at].Trim(), part[(at + op.Length)..].Trim(), negated);
            }
        }

        throw ApiError.BadRequest($"invalid selector: '{part}'; can't understand '{part}'");
    }
}
