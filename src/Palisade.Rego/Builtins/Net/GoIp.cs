using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;

namespace Palisade.Rego.Builtins.Net;

/// <summary>
/// An IP address as Go's <c>net</c> package treats it: IPv4 in 32 bits, IPv6 in 128; an IPv4-mapped IPv6 address
/// ("::ffff:1.2.3.4") counts as IPv4, as Go's <c>To4</c> makes it.
/// </summary>
internal readonly record struct GoIp(UInt128 Value, bool IsV4)
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xffff << 32;

    public int Bits => IsV4 ? 32 : 128;

    /// <summary>The address in 128-bit space, IPv4 mapped into ::ffff:0:0/96, as OPA's merge compares them.</summary>
    public UInt128 Wide => IsV4 ? MappedPrefix | Value : Value;

    public static GoIp FromWide(UInt128 wide) => (wide >> 32) == 0xffff ? new GoIp(wide & uint.MaxValue, true) : new GoIp(wide, false);

    /// <summary>Go's <c>net.ParseIP</c>: dotted quads without leading zeros, or IPv6 without a zone; null otherwise.</summary>
    public static GoIp? Parse(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // .NET's parser is more lenient than Go's (brackets, zones, scope ids); let through only plain IPv6 text.
            if (!text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
            {
                return null;
            }

            var dot = text.LastIndexOf(':');
            if (text.Contains('.', StringComparison.Ordinal) && ParseV4(text[(dot + 1)..]) is null)
            {
                return null;
            }

            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return null;
            }

            return FromWide(new UInt128(
                BitConverterBigEndian(address.GetAddressBytes(), 0),
                BitConverterBigEndian(address.GetAddressBytes(), 8)));
        }

        return ParseV4(text) is { } v4 ? new GoIp(v4, true) : null;
    }

    private static ulong BitConverterBigEndian(byte[] bytes, int offset)
    {
        ulong value = 0;
        for (var i = 0; i < 8; i++)
        {
            value = value << 8 | bytes[offset + i];
        }

        return value;
    }

    private static uint? ParseV4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        uint value = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return null;
            }

            var octet = uint.Parse(part, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return null;
            }

            value = value << 8 | octet;
        }

        return value;
    }

    public GoIp Next() => this with { Value = Value + 1 };

    /// <summary>Go's <c>IP.String</c>: dotted quad, or RFC 5952 IPv6 with the longest zero run compressed.</summary>
    public override string ToString()
    {
        if (IsV4)
        {
            var v = (uint)Value;
            return $"{v >> 24}.{(v >> 16) & 0xff}.{(v >> 8) & 0xff}.{v & 0xff}";
        }

        var groups = new int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (int)((Value >> (112 - 16 * i)) & 0xffff);
        }

        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i > bestLength && j - i >= 2)
            {
                (bestStart, bestLength) = (i, j - i);
            }

            i = j;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                builder.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (builder.Length > 0 && builder[^1] != ':')
            {
                builder.Append(':');
            }

            builder.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

/// <summary>A network: an address (not necessarily masked, as OPA's merge keeps single addresses) and a prefix length.</summary>
internal readonly record struct GoNet(GoIp Address, int Prefix)
{
    public UInt128 HostMask => Address.Bits - Prefix == 128 ? UInt128.MaxValue : ((UInt128)1 << (Address.Bits - Prefix)) - 1;

    public GoIp First => Address with { Value = Address.Value & ~HostMask };

    public GoIp Last => Address with { Value = (Address.Value | HostMask) & (Address.IsV4 ? uint.MaxValue : UInt128.MaxValue) };

    public bool Contains(GoIp ip) => ip.IsV4 == Address.IsV4 && (ip.Value & ~HostMask) == First.Value;

    /// <summary>Go's <c>net.ParseCIDR</c>; the address comes back masked. Fails with Go's "invalid CIDR address: …".</summary>
    public static GoNet Parse(string text) => TryParse(text) ?? throw new BuiltinException($"invalid CIDR address: {text}");

    public static GoNet? TryParse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || GoIp.Parse(text[..slash]) is not { } ip)
        {
            return null;
        }

        var digits = text[(slash + 1)..];
        var mappedV6 = ip.IsV4 && text[..slash].Contains(':', StringComparison.Ordinal);
        var bits = mappedV6 ? 128 : ip.Bits;
        var prefix = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit) || (prefix = prefix * 10 + digit - '0') > bits)
            {
                return null;
            }
        }

        if (digits.Length == 0)
        {
            return null;
        }

        // An IPv4-mapped IPv6 network acts as the IPv4 network of its last 32 bits.
        prefix = mappedV6 ? Math.Max(0, prefix - 96) : prefix;
        var network = new GoNet(ip, prefix);
        return network with { Address = network.First };
    }

    public override string ToString() => $"{Address}/{Prefix}";

    public static BigInteger Size(GoNet network) => BigInteger.One << (network.Address.Bits - network.Prefix);
}
