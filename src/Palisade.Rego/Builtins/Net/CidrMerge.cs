using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Net;

/// <summary>
/// <c>net.cidr_merge</c>: the fewest networks covering the given addresses and networks. Ranges are compared in
/// 128-bit space with IPv4 mapped into ::ffff:0:0/96, as OPA's merge does.
/// </summary>
internal static class CidrMerge
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("net.cidr_merge", FunctionSignature.Of(RegoType.SetOf(RegoType.String), RegoType.AnyOf(RegoType.ArrayOf(RegoType.AnyOf(RegoType.String)), RegoType.SetOf(RegoType.String))), Merge),
    ];

    private sealed record Range(UInt128 First, UInt128 Last, GoNet? Network);

    private static Value Merge(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var items = arguments[0] switch
        {
            ArrayValue array => array.Items.ToArray(),
            SetValue set => set.Items.ToArray(),
            _ => throw new BuiltinException("operand must be an array"),
        };

        var ranges = items.Select(Network).Select(n => new Range(n.First.Wide, n.Last.Wide, n)).ToList();

        // Sorted by last address, then first; each range swallows its successor when they touch or overlap.
        ranges.Sort((a, b) => a.Last != b.Last ? a.Last.CompareTo(b.Last) : a.First.CompareTo(b.First));
        for (var i = ranges.Count - 1; i > 0; i--)
        {
            if (Previous(ranges[i].First) <= ranges[i - 1].Last)
            {
                ranges[i - 1] = new Range(UInt128.Min(ranges[i - 1].First, ranges[i].First), ranges[i].Last, null);
                ranges.RemoveAt(i);
            }
        }

        var result = new List<Value>();
        foreach (var range in ranges)
        {
            if (range.Network is { } network)
            {
                result.Add(StringValue.Of(network.ToString()));
            }
            else
            {
                result.AddRange(Cover(range.First, range.Last).Select(n => StringValue.Of(n.ToString())));
            }
        }

        return SetValue.Of(result);
    }

    /// <summary>
    /// An element as OPA reads it: a CIDR, or an IPv4 address with its classful default mask (kept unmasked,
    /// so "10.1.2.3" alone stays "10.1.2.3/8"). IPv6 addresses need a prefix.
    /// </summary>
    private static GoNet Network(Value element)
    {
        var text = (element as StringValue ?? throw new BuiltinException("element must be string")).Value;
        if (GoIp.Parse(text) is not { } ip)
        {
            return GoNet.Parse(text);
        }

        if (!ip.IsV4)
        {
            throw new BuiltinException("IPv6 invalid: needs prefix length");
        }

        var firstOctet = (uint)ip.Value >> 24;
        return new GoNet(ip, firstOctet < 0x80 ? 8 : firstOctet < 0xC0 ? 16 : 24);
    }

    /// <summary>The address before, never below zero; IPv4 addresses borrow only within their 32 bits.</summary>
    private static UInt128 Previous(UInt128 wide) => GoIp.FromWide(wide).Value == 0 ? wide : wide - 1;

    /// <summary>The minimal list of aligned networks covering [first, last].</summary>
    private static IEnumerable<GoNet> Cover(UInt128 first, UInt128 last)
    {
        var start = GoIp.FromWide(first);
        var end = GoIp.FromWide(last).Value;
        var bits = start.Bits;
        var current = start.Value;
        while (true)
        {
            var size = bits;
            while (size > 0)
            {
                var hostBits = bits - size + 1;
                var block = hostBits == 128 ? UInt128.MaxValue : ((UInt128)1 << hostBits) - 1;
                if ((current & block) != 0 || current + block > end || current + block < current)
                {
                    break;
                }

                size--;
            }

            var hostMask = bits - size == 128 ? UInt128.MaxValue : ((UInt128)1 << (bits - size)) - 1;
            yield return new GoNet(start with { Value = current }, size);
            var blockEnd = current + hostMask;
            if (blockEnd >= end)
            {
                yield break;
            }

            current = blockEnd + 1;
        }
    }
}
