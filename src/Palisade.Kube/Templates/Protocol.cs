using System.Globalization;

namespace Palisade.Kube.Templates;

/// <summary>An IP protocol as Calico names it (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite) or by number (1–255).</summary>
public sealed record Protocol
{
    public static readonly IReadOnlyList<string> Names = ["TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite"];

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["TCP"] = 6,
        ["UDP"] = 17,
        ["ICMP"] = 1,
        ["ICMPv6"] = 58,
        ["SCTP"] = 132,
        ["UDPLite"] = 136,
    };

    private Protocol(string? name, int number)
    {
        Name = name;
        Number = number;
    }

    /// <summary>Calico's name for the protocol, or null for one given only by number.</summary>
    public string? Name { get; }

    public int Number { get; }

    /// <summary>Only TCP, UDP and SCTP rules may match ports (Calico rejects ports on any other protocol).</summary>
    public bool TakesPorts => Number is 6 or 17 or 132;

    public bool IsIcmp => Number is 1 or 58;

    public bool IsIcmpV4 => Number == 1;

    /// <summary>Kubernetes NetworkPolicy knows TCP, UDP and SCTP only.</summary>
    public bool KubernetesSupported => TakesPorts;

    public static Protocol? FromName(string text)
    {
        var name = Names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is null ? null : new Protocol(name, Numbers[name]);
    }

    public static Protocol? FromNumber(int number)
    {
        if (number is < 1 or > 255)
        {
            return null;
        }

        var name = Numbers.FirstOrDefault(p => p.Value == number).Key;
        return new Protocol(name, number);
    }

    public override string ToString() => Name ?? Number.ToString(CultureInfo.InvariantCulture);
}
