using System.Buffers.Binary;
using System.Globalization;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Uuid;

/// <summary>
/// uuid.rfc4122 (a random version 4 UUID, the same for the same key throughout a query) and uuid.parse (version,
/// variant, and for versions 1 and 2 the time, clock sequence and node fields; undefined for text that is not a UUID).
/// </summary>
internal static class UuidBuiltins
{
    // 100-nanosecond intervals between the Gregorian epoch (1582-10-15) and the Unix epoch.
    private const long GregorianToUnix = 122192928000000000;

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "uuid.rfc4122",
            FunctionSignature.Of(RegoType.String, RegoType.String),
            (context, args) => context.QueryCache.GetOrAdd(("uuid.rfc4122", args[0]), _ => StringValue.Of(NewV4(context.Random))),
            Nondeterministic: true);
        yield return new BuiltinFunction(
            "uuid.parse",
            FunctionSignature.Of(RegoType.ObjectOf(RegoType.String, RegoType.Any), RegoType.String),
            (_, args) => TryParse(Operands.String(args, 0).Value, out var bytes) ? Describe(bytes) : null);
    }

    private static string NewV4(Random random)
    {
        var bytes = new byte[16];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The forms google/uuid accepts: plain, urn:uuid:, braced, and 32 bare hex digits.</summary>
    private static bool TryParse(string text, out byte[] bytes)
    {
        bytes = [];
        string hex;
        if (text.Length == 32)
        {
            hex = text;
        }
        else
        {
            if (text.Length == 45 && text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
            {
                text = text[9..];
            }
            else if (text.Length == 38 && text[0] == '{' && text[^1] == '}')
            {
                text = text[1..^1];
            }

            if (text.Length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
            {
                return false;
            }

            hex = text.Replace("-", "", StringComparison.Ordinal);
        }

        if (hex.Length != 32 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }

    private static ObjectValue Describe(byte[] u)
    {
        var version = u[6] >> 4;
        var entries = new List<(string, Value)>
        {
            ("version", NumberValue.Of(version)),
            ("variant", StringValue.Of((u[8] & 0xC0) == 0x80 ? "RFC4122" : (u[8] & 0xE0) == 0xC0 ? "Microsoft" : (u[8] & 0xE0) == 0xE0 ? "Future" : "Reserved")),
        };
        if (version is 1 or 2)
        {
            long time = BinaryPrimitives.ReadUInt16BigEndian(u.AsSpan(4)) | ((long)(BinaryPrimitives.ReadUInt16BigEndian(u.AsSpan(6)) & 0xFFF) << 16);
            // For version 2 the low 32 bits hold a local identifier; like google/uuid, read them as time anyway.
            time = (time << 32) | BinaryPrimitives.ReadUInt32BigEndian(u);

            var sinceUnix = time - GregorianToUnix;
            entries.Add(("time", NumberValue.Of(((sinceUnix / 10_000_000) * 1_000_000_000) + ((sinceUnix % 10_000_000) * 100))));
            entries.Add(("clocksequence", NumberValue.Of(BinaryPrimitives.ReadUInt16BigEndian(u.AsSpan(8)) & 0x3FFF)));
            entries.Add(("nodeid", StringValue.Of(string.Join('-', u[10..].Select(b => b.ToString("x2", CultureInfo.InvariantCulture))))));
            entries.Add(("macvariables", StringValue.Of(MacVariables(u[10]))));
            if (version == 2)
            {
                entries.Add(("id", NumberValue.Of(BinaryPrimitives.ReadUInt32BigEndian(u))));
                entries.Add(("domain", StringValue.Of(u[9] switch { 0 => "Person", 1 => "Group", 2 => "Org", var d => $"Domain{d}" })));
            }
        }

        return ObjectValue.Of([.. entries]);
    }

    /// <summary>The locally-administered and multicast bits of the node's first byte.</summary>
    private static string MacVariables(byte first) => (first & 3) switch
    {
        3 => "local:multicast",
        1 => "global:multicast",
        2 => "local:unicast",
        _ => "global:unicast",
    };
}
