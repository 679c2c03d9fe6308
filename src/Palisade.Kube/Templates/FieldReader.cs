using System.Globalization;
using Palisade.Kube.Manifests;
using Palisade.Kube.Text;

namespace Palisade.Kube.Templates;

/// <summary>
/// Typed reading of one template mapping. Every problem becomes a diagnostic at the key (or value) the user wrote;
/// reading goes on so that one run reports every mistake in a file, not just the first.
/// </summary>
internal sealed class FieldReader
{
    private readonly MappingNode _mapping;
    private readonly List<Diagnostic> _diagnostics;

    public FieldReader(MappingNode mapping, string path, List<Diagnostic> diagnostics)
    {
        _mapping = mapping;
        _diagnostics = diagnostics;
        Source = new TemplateSource(
            mapping.Location,
            path,
            mapping.Entries.ToDictionary(e => e.Key, e => e.KeyLocation, StringComparer.Ordinal));
    }

    public TemplateSource Source { get; }

    public bool Has(string key) => _mapping[key] is not null and not ScalarNode { IsNull: true };

    public ManifestNode? Node(string key) => _mapping[key];

    public void Error(string key, string message) => _diagnostics.Add(Source.At(key, message));

    public void ErrorWhole(string message) => _diagnostics.Add(Source.AtWhole(message));

    /// <summary>A diagnostic placed at a value rather than its key, e.g. one list item or one column of a selector.</summary>
    public void ErrorAt(SourceLocation location, string key, string message) =>
        _diagnostics.Add(new Diagnostic(location, $"{Source.Qualify(key)}: {message}"));

    public void RejectUnknownKeys(IReadOnlyList<string> known, Func<string, string?> hint)
    {
        foreach (var entry in _mapping.Entries)
        {
            if (known.Contains(entry.Key, StringComparer.Ordinal))
            {
                continue;
            }

            var advice = hint(entry.Key) ?? (Spelling.Suggest(entry.Key, known) is { } close ? $"did you mean \"{close}\"?" : null);
            _diagnostics.Add(new Diagnostic(
                entry.KeyLocation,
                $"{Source.Qualify(entry.Key)}: unknown key" + (advice is null ? "" : "; " + advice)));
        }
    }

    /// <summary>A string; absent, null and <c>''</c> all read as null ("any" in a template).</summary>
    public string? OptionalString(string key)
    {
        var node = _mapping[key];
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.String } scalar:
                return scalar.AsString.Length == 0 ? null : scalar.AsString;
            default:
                Error(key, $"expected a string, got {Describe(node)}");
                return null;
        }
    }

    public string? RequiredString(string key, string why)
    {
        if (!Has(key))
        {
            _diagnostics.Add(Source.AtWhole($"{key} is required {why}"));
            return null;
        }

        return OptionalString(key);
    }

    public double? OptionalNumber(string key)
    {
        var node = _mapping[key];
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } scalar when double.IsFinite(scalar.AsDouble):
                return scalar.AsDouble;
            case ScalarNode { Kind: ScalarKind.String } text when double.TryParse(text.AsString, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                Error(key, $"expected a number, got the string \"{text.AsString}\" (write it without quotes)");
                return null;
            default:
                Error(key, $"expected a number, got {Describe(node)}");
                return null;
        }
    }

    /// <summary>A scalar or a list of scalars, as a list. Absent, null, <c>''</c> and <c>['']</c> read as empty ("any").</summary>
    public IReadOnlyList<ScalarNode> ScalarList(string key)
    {
        var node = _mapping[key];
        var items = node switch
        {
            null or ScalarNode { IsNull: true } => [],
            ScalarNode scalar => [scalar],
            SequenceNode sequence => sequence.Items,
            _ => null,
        };
        if (items is null)
        {
            Error(key, $"expected a value or a list of values, got {Describe(node!)}");
            return [];
        }

        var scalars = new List<ScalarNode>();
        foreach (var item in items)
        {
            if (item is ScalarNode scalar)
            {
                scalars.Add(scalar);
            }
            else
            {
                ErrorAt(item.Location, key, $"list items must be single values, got {Describe(item)}");
            }
        }

        if (scalars.Count > 0 && scalars.All(IsAny))
        {
            return [];
        }

        if (scalars.Count > 1 && scalars.FirstOrDefault(IsAny) is { } any)
        {
            ErrorAt(any.Location, key, "'' (any) cannot be combined with other values in a list");
        }

        return scalars.Where(s => !IsAny(s)).ToArray();
    }

    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var node = _mapping[key];
        if (node is null or ScalarNode { IsNull: true })
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        if (node is not MappingNode map)
        {
            Error(key, $"expected a mapping of names to strings, got {Describe(node)}");
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Value is ScalarNode { Kind: ScalarKind.String } value)
            {
                result[entry.Key] = value.AsString;
            }
            else
            {
                ErrorAt(entry.Value.Location, key, $"value of \"{entry.Key}\" must be a string, got {Describe(entry.Value)} (quote it)");
            }
        }

        return result;
    }

    public IReadOnlyList<MappingNode> MappingList(string key)
    {
        var node = _mapping[key];
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return [];
            case SequenceNode sequence:
                var result = new List<MappingNode>();
                foreach (var item in sequence.Items)
                {
                    if (item is MappingNode mapping)
                    {
                        result.Add(mapping);
                    }
                    else
                    {
                        ErrorAt(item.Location, key, $"each rule must be a mapping of keys, got {Describe(item)}");
                    }
                }

                return result;
            default:
                Error(key, $"expected a list of rules, got {Describe(node)}");
                return [];
        }
    }

    public static bool IsAny(ScalarNode scalar) => scalar.IsNull || scalar is { Kind: ScalarKind.String, AsString.Length: 0 };

    public static string Describe(ManifestNode node) => node switch
    {
        MappingNode => "a mapping",
        SequenceNode => "a list",
        ScalarNode { Kind: ScalarKind.String } s => $"the string \"{s.AsString}\"",
        ScalarNode s => $"{s.TypeName} {s.Text}",
        _ => node.TypeName,
    };
}
