using System.Globalization;
using System.Text.RegularExpressions;
using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;
using Palisade.Kube.Networking;
using Palisade.Kube.Text;

namespace Palisade.Kube.Templates;

/// <summary>Parses the values of template keys (selectors, ports, protocols, CIDRs, names of enum members).</summary>
internal static partial class ValueParsers
{
    public static TEnum? Enum<TEnum>(FieldReader fields, string key, string? text)
        where TEnum : struct, System.Enum
    {
        if (text is null)
        {
            return null;
        }

        var names = System.Enum.GetNames<TEnum>();
        var match = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return System.Enum.Parse<TEnum>(match);
        }

        var close = Spelling.Suggest(text, names);
        fields.Error(key, $"\"{text}\" is not one of {string.Join(", ", names)}" + (close is null ? "" : $"; did you mean \"{close}\"?"));
        return null;
    }

    /// <summary>A Calico selector; '' and absent mean "not set". Syntax errors point at the column inside the value.</summary>
    public static Selector? Selector(FieldReader fields, string key)
    {
        var text = fields.OptionalString(key);
        if (text is null)
        {
            return null;
        }

        if (SelectorParser.TryParse(text, out var selector, out var error))
        {
            return selector;
        }

        var node = (ScalarNode)fields.Node(key)!;
        fields.ErrorAt(ColumnWithin(node, error!.Column), key, $"invalid selector {ValueText.Quote(text)}: {error.Message}");
        return null;
    }

    /// <summary>The place of a character inside a one-line scalar, so an editor jumps straight to it.</summary>
    private static SourceLocation ColumnWithin(ScalarNode node, int column)
    {
        var quote = node.Quoted ? 1 : 0;
        return node.Text.Contains('\n', StringComparison.Ordinal)
            ? node.Location
            : node.Location with { Column = node.Location.Column + quote + column - 1 };
    }

    public static Protocol? Protocol(FieldReader fields, string key)
    {
        var node = fields.Node(key);
        switch (node)
        {
            case null:
                return null;
            case ScalarNode scalar when FieldReader.IsAny(scalar):
                return null;
            case ScalarNode { Kind: ScalarKind.Integer } number:
                var byNumber = number.AsInteger >= 1 && number.AsInteger <= 255 ? Templates.Protocol.FromNumber((int)number.AsInteger) : null;
                if (byNumber is null)
                {
                    fields.Error(key, $"protocol number {number.Text} is out of range 1-255");
                }

                return byNumber;
            case ScalarNode { Kind: ScalarKind.String } text:
                var byName = Templates.Protocol.FromName(text.AsString);
                if (byName is null)
                {
                    var close = Spelling.Suggest(text.AsString, Templates.Protocol.Names);
                    fields.Error(
                        key,
                        $"\"{text.AsString}\" is not a protocol; use one of {string.Join(", ", Templates.Protocol.Names)}, a number 1-255, or '' for any"
                        + (close is null ? "" : $" (did you mean \"{close}\"?)"));
                }

                return byName;
            default:
                fields.Error(key, $"expected a protocol name or number, got {FieldReader.Describe(node)}");
                return null;
        }
    }

    public static IReadOnlyList<PortSpec> Ports(FieldReader fields, string key)
    {
        var ports = new List<PortSpec>();
        foreach (var item in fields.ScalarList(key))
        {
            if (Port(fields, key, item) is { } port)
            {
                if (ports.Contains(port))
                {
                    fields.ErrorAt(item.Location, key, $"port {port} is listed twice");
                }
                else
                {
                    ports.Add(port);
                }
            }
        }

        return ports;
    }

    private static PortSpec? Port(FieldReader fields, string key, ScalarNode item)
    {
        if (item.Kind == ScalarKind.Integer)
        {
            return InRange(item.AsInteger) ? PortSpec.Single((int)item.AsInteger) : Fail($"port {item.Text} is out of range 1-65535");
        }

        if (item.Kind != ScalarKind.String)
        {
            return Fail($"expected a port number, a range like 8000:8080, or a port name, got {FieldReader.Describe(item)}");
        }

        var text = item.AsString.Trim();
        var range = PortRange().Match(text);
        if (range.Success)
        {
            var from = System.Numerics.BigInteger.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = System.Numerics.BigInteger.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            if (!InRange(from) || !InRange(to))
            {
                return Fail($"port range {text} is out of range 1-65535");
            }

            return from > to ? Fail($"port range {text} is reversed; write {to}:{from}")
                : from == to ? PortSpec.Single((int)from)
                : PortSpec.Range((int)from, (int)to);
        }

        if (PortNumber().IsMatch(text))
        {
            var number = System.Numerics.BigInteger.Parse(text, CultureInfo.InvariantCulture);
            return InRange(number) ? PortSpec.Single((int)number) : Fail($"port {text} is out of range 1-65535");
        }

        return KubernetesNames.CheckPortName(text) is { } problem
            ? Fail($"\"{text}\" is not a port number or range like 8000:8080, and {problem}")
            : PortSpec.Named(text);

        PortSpec? Fail(string message)
        {
            fields.ErrorAt(item.Location, key, message);
            return null;
        }
    }

    private static bool InRange(System.Numerics.BigInteger port) => port >= 1 && port <= 65535;

    public static IReadOnlyList<string> Nets(FieldReader fields, string key)
    {
        var nets = new List<string>();
        foreach (var item in fields.ScalarList(key))
        {
            if (item.Kind != ScalarKind.String)
            {
                fields.ErrorAt(item.Location, key, $"expected a CIDR such as 10.0.0.0/8, got {FieldReader.Describe(item)}");
                continue;
            }

            // A single address stands for itself, as in Calico: a /32 or /128 network.
            var text = item.AsString.Trim();
            if (!text.Contains('/', StringComparison.Ordinal) && text.Length > 0)
            {
                text += text.Contains(':', StringComparison.Ordinal) ? "/128" : "/32";
            }

            if (!Cidr.TryParse(text, out var cidr, out var error))
            {
                fields.ErrorAt(item.Location, key, error!);
                continue;
            }

            var canonical = cidr.ToString();
            if (nets.Contains(canonical))
            {
                fields.ErrorAt(item.Location, key, $"{canonical} is listed twice");
                continue;
            }

            nets.Add(canonical);
        }

        return nets;
    }

    public static int? SmallInteger(FieldReader fields, string key, int max)
    {
        var node = fields.Node(key);
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.Integer } number when number.AsInteger >= 0 && number.AsInteger <= max:
                return (int)number.AsInteger;
            case ScalarNode { Kind: ScalarKind.Integer } number:
                fields.Error(key, $"{number.Text} is out of range 0-{max}");
                return null;
            default:
                fields.Error(key, $"expected a whole number 0-{max}, got {FieldReader.Describe(node)}");
                return null;
        }
    }

    [GeneratedRegex(@"^([0-9]+)\s*:\s*([0-9]+)$", RegexOptions.NonBacktracking)]
    private static partial Regex PortRange();

    [GeneratedRegex(@"^[0-9]+$", RegexOptions.NonBacktracking)]
    private static partial Regex PortNumber();
}
