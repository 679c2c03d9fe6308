using System.Globalization;
using System.Text.Json.Nodes;

namespace Palisade.Kube.Templates;

/// <summary>A port a rule matches: one number, an inclusive range, or a named container port.</summary>
public sealed record PortSpec
{
    private PortSpec(int from, int to, string? name)
    {
        From = from;
        To = to;
        Name = name;
    }

    public int From { get; }

    public int To { get; }

    public string? Name { get; }

    public bool IsNamed => Name is not null;

    public bool IsRange => Name is null && To != From;

    public static PortSpec Single(int port) => new(port, port, null);

    public static PortSpec Range(int from, int to) => new(from, to, null);

    public static PortSpec Named(string name) => new(0, 0, name);

    /// <summary>As Calico writes it: a number, "from:to", or the port's name.</summary>
    public JsonNode ToCalico() => Name is not null ? JsonValue.Create(Name)
        : IsRange ? JsonValue.Create($"{From}:{To}")
        : JsonValue.Create(From);

    public override string ToString() => Name ?? (IsRange ? $"{From}:{To}" : From.ToString(CultureInfo.InvariantCulture));
}
