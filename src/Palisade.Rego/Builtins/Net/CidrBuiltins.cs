using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Net;

/// <summary>The <c>net.cidr_*</c> builtins, with Go's address parsing and OPA's messages.</summary>
internal static class CidrBuiltins
{
    private static readonly RegoType MatchOperand = RegoType.AnyOf(
        RegoType.String,
        RegoType.ArrayOf(RegoType.AnyOf(RegoType.String, RegoType.Array)),
        RegoType.ObjectOf(RegoType.String, RegoType.AnyOf(RegoType.String, RegoType.Array)),
        RegoType.SetOf(RegoType.AnyOf(RegoType.String, RegoType.Array)));

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("net.cidr_contains", FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String), Contains),
        new("net.cidr_intersects", FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String), Intersects),
        new("net.cidr_expand", FunctionSignature.Of(RegoType.SetOf(RegoType.String), RegoType.String), Expand),
        new("net.cidr_is_valid", FunctionSignature.Of(RegoType.Boolean, RegoType.String), IsValid),
        new("net.cidr_contains_matches", FunctionSignature.Of(RegoType.SetOf(RegoType.ArrayOf(RegoType.Any)), MatchOperand, MatchOperand), ContainsMatches),
    ];

    private static Value Contains(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        BooleanValue.Of(Contains(Operands.String(arguments, 0), arguments[1]));

    /// <summary>The second operand may be an address or a network; a network must lie wholly inside the first.</summary>
    private static bool Contains(StringValue cidr, Value inner)
    {
        var network = GoNet.Parse(cidr.Value);
        var text = (inner as StringValue ?? throw Operands.Mismatch(0, "string", inner)).Value;
        if (GoIp.Parse(text) is { } ip)
        {
            return network.Contains(ip);
        }

        var other = GoNet.TryParse(text) ?? throw new BuiltinException($"not a valid textual representation of an IP address or CIDR: {text}");
        return network.Contains(other.First) && network.Contains(other.Last);
    }

    private static Value Intersects(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var a = GoNet.Parse(Operands.String(arguments, 0).Value);
        var b = GoNet.Parse((arguments[1] as StringValue ?? throw Operands.Mismatch(0, "string", arguments[1])).Value);
        return BooleanValue.Of(a.Contains(b.First) || b.Contains(a.First));
    }

    private static Value Expand(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var network = GoNet.Parse(Operands.String(arguments, 0).Value);
        if (network.HostMask >= BuiltinContext.MaxGeneratedItems)
        {
            throw new BuiltinException($"{network} holds more than {BuiltinContext.MaxGeneratedItems} addresses");
        }

        var addresses = new List<Value>();
        var ip = network.First;
        while (true)
        {
            if ((addresses.Count & 0xFFF) == 0)
            {
                context.ThrowIfCancelled();
            }

            addresses.Add(StringValue.Of(ip.ToString()));
            if (ip.Value == network.Last.Value)
            {
                break;
            }

            ip = ip.Next();
        }

        return SetValue.Of(addresses);
    }

    private static Value IsValid(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        BooleanValue.Of(arguments[0] is StringValue text && GoNet.TryParse(text.Value) is not null);

    /// <summary>Pairs of keys (array index, set element, object key, or the string itself) whose CIDR contains the other.</summary>
    private static Value ContainsMatches(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var cidrs = MatchEntries(1, arguments[0]);
        var candidates = MatchEntries(2, arguments[1]);
        var result = new List<Value>();
        foreach (var (cidr, key) in cidrs)
        {
            if (cidr is not StringValue cidrText)
            {
                throw Operands.Mismatch(0, "string", cidr);
            }

            foreach (var (candidate, candidateKey) in candidates)
            {
                if (Contains(cidrText, candidate))
                {
                    result.Add(ArrayValue.Of(key, candidateKey));
                }
            }
        }

        return SetValue.Of(result);
    }

    private static List<(Value Cidr, Value Key)> MatchEntries(int operand, Value value)
    {
        var entries = new List<(Value, Value)>();
        switch (value)
        {
            case StringValue:
                entries.Add((value, value));
                break;
            case ArrayValue array:
                for (var i = 0; i < array.Count; i++)
                {
                    entries.Add((MatchCidr(operand, array[i]), NumberValue.Of(i)));
                }

                break;
            case SetValue set:
                foreach (var item in set.Items)
                {
                    entries.Add((MatchCidr(operand, item), item));
                }

                break;
            case ObjectValue obj:
                foreach (var (key, item) in obj.Entries)
                {
                    entries.Add((MatchCidr(operand, item), key));
                }

                break;
        }

        return entries;
    }

    /// <summary>An element is a CIDR string, or an array whose first element is one (the rest is the caller's data).</summary>
    private static Value MatchCidr(int operand, Value element) => element switch
    {
        StringValue => element,
        ArrayValue { Count: > 0 } tuple => tuple[0],
        _ => throw new BuiltinException($"operand {operand}: element must be string or non-empty array"),
    };
}
