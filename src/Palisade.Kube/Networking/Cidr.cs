using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Palisade.Kube.Networking;

/// <summary>
/// An IPv4 or IPv6 network in CIDR notation. <see cref="TryParse"/> is strict: host bits set beyond the prefix
/// are an error, because in a security policy "10.0.0.1/24" is ambiguous — the author may have meant the single
/// host (/32) but Calico and Kubernetes both silently widen it to the whole 10.0.0.0/24. <see cref="TryParseLenient"/>
/// masks them off the way those systems do, for reading values that were already accepted by a cluster.
/// Both reject what different software reads differently: IPv4 octets with leading zeros (octal or decimal?),
/// IPv6 zone ids, and prefix lengths with leading zeros.
/// </summary>
public readonly record struct Cidr(IPAddress Address, int PrefixLength)
{
    public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public int MaxPrefixLength => IsIPv6 ? 128 : 32;

    /// <summary>Parses a CIDR whose address has no bits set beyond the prefix length.</summary>
    public static bool TryParse(string text, out Cidr cidr, out string? error)
    {
        if (!TryParseLenient(text, out cidr, out error, out var written))
        {
            return false;
        }

        if (!written.Equals(cidr.Address))
        {
            error = $"\"{text}\" has host bits set; did you mean {cidr}?";
            cidr = default;
            return false;
        }

        if (written.IsIPv4MappedToIPv6)
        {
            error = $"\"{text}\" is an IPv4-mapped IPv6 address, which software reads as IPv4 or IPv6 differently; write it as an IPv4 CIDR";
            cidr = default;
            return false;
        }

        return true;
    }

    /// <summary>Parses a CIDR and clears any host bits, as Calico and the Kubernetes API server do.</summary>
    public static bool TryParseLenient(string text, out Cidr cidr, out string? error) =>
        TryParseLenient(text, out cidr, out error, out _);

    /// <summary>True when <paramref name="other"/> lies wholly inside this network (the same network counts).</summary>
    public bool Contains(Cidr other) =>
        other.Address.AddressFamily == Address.AddressFamily
        && other.PrefixLength >= PrefixLength
        && Mask(other.Address, PrefixLength).Equals(Mask(Address, PrefixLength));

    /// <summary>The canonical text: masked address (RFC 5952 form for IPv6) and prefix length.</summary>
    public override string ToString() => $"{Mask(Address, PrefixLength)}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryParseLenient(string text, out Cidr cidr, out string? error, out IPAddress written)
    {
        cidr = default;
        written = IPAddress.None;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (text.Length == 0)
        {
            error = "an empty string is not a CIDR";
            return false;
        }

        if (slash < 0)
        {
            error = $"\"{text}\" has no prefix length (write it like \"{text}/{(text.Contains(':', StringComparison.Ordinal) ? 128 : 32)}\")";
            return false;
        }

        var addressText = text[..slash];
        var prefixText = text[(slash + 1)..];
        var address = addressText.Contains(':', StringComparison.Ordinal) ? ParseIPv6(addressText, out error) : ParseIPv4(addressText, out error);
        if (address is null)
        {
            error = $"\"{text}\": {error}";
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var family = max == 128 ? "IPv6" : "IPv4";
        if (prefixText.Length is 0 or > 3 || !prefixText.All(char.IsAsciiDigit))
        {
            error = $"\"{text}\": prefix length \"{prefixText}\" is not a number";
            return false;
        }

        if (prefixText.Length > 1 && prefixText[0] == '0')
        {
            error = $"\"{text}\": prefix length \"{prefixText}\" has leading zeros";
            return false;
        }

        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (prefix > max)
        {
            error = $"\"{text}\": prefix length {prefix} is over {max} for {family}";
            return false;
        }

        written = address;
        cidr = new Cidr(Mask(address, prefix), prefix);
        error = null;
        return true;
    }

    private static IPAddress? ParseIPv4(string text, out string? error)
    {
        var parts = text.Split('.');
        var bytes = new byte[4];
        if (parts.Length != 4)
        {
            error = $"\"{text}\" is not an IPv4 address (it needs four numbers 0-255 separated by dots)";
            return null;
        }

        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                error = $"\"{text}\" is not an IPv4 address (it needs four numbers 0-255 separated by dots)";
                return null;
            }

            if (part.Length > 1 && part[0] == '0')
            {
                error = $"\"{part}\" in \"{text}\" has leading zeros, which some software reads as octal";
                return null;
            }

            bytes[i] = byte.Parse(part, CultureInfo.InvariantCulture);
        }

        error = null;
        return new IPAddress(bytes);
    }

    private static IPAddress? ParseIPv6(string text, out string? error)
    {
        // IPAddress.TryParse also takes zone ids ("fe80::1%eth0") and brackets, which are not part of a CIDR.
        if (text.AsSpan().IndexOfAny('%', '[', ']') < 0
            && IPAddress.TryParse(text, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            error = null;
            return address;
        }

        error = $"\"{text}\" is not an IPv6 address";
        return null;
    }

    private static IPAddress Mask(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF00 >> keep);
        }

        return new IPAddress(bytes);
    }
}
