using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class NetBuiltinTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/24", true)]
    [InlineData("10.0.0.0/8", "10.1.1.1/32", true)]
    [InlineData("2001:4860:4860::8888/32", "2001:4860:4860:1234::8888/40", true)]
    [InlineData("2001:4860:4860::8888/32", "2001:4860:4860:1234:5678:1234:5678:8888/128", true)]
    [InlineData("2001:4860::/96", "2001:4860::/32", false)]
    [InlineData("2001:4860::/32", "fd1e:5bfe:8af3:9ddc::/64", false)]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "192.168.1.1", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)]
    [InlineData("::/0", "10.1.2.3", false)]
    public void Contains(string cidr, string inner, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("net.cidr_contains", S(cidr), S(inner)));

    [Fact]
    public void ContainsRejectsMalformedOperands()
    {
        Fails("net.cidr_contains", "invalid CIDR address: not-a-cidr", S("not-a-cidr"), S("192.168.1.67"));
        Fails("net.cidr_contains", "not a valid textual representation of an IP address or CIDR: not-a-cidr", S("192.168.1.0/28"), S("not-a-cidr"));
        Fails("net.cidr_contains", "invalid CIDR address: 010.0.0.0/8", S("010.0.0.0/8"), S("10.0.0.1"));
    }

    [Theory]
    [InlineData("192.168.1.0/25", "192.168.1.64/25", true)]
    [InlineData("192.168.1.0/24", "192.168.2.0/24", false)]
    [InlineData("fd1e:5bfe:8af3:9ddc::/64", "fd1e:5bfe:8af3:9ddc:1111::/72", true)]
    [InlineData("fd1e:5bfe:8af3:9ddc::/64", "2001:4860:4860::8888/32", false)]
    public void Intersects(string a, string b, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("net.cidr_intersects", S(a), S(b)));

    [Fact]
    public void IntersectsRejectsMalformedOperands()
    {
        Fails("net.cidr_intersects", "invalid CIDR address: not-a-cidr", S("not-a-cidr"), S("192.168.1.0/24"));
        Fails("net.cidr_intersects", "invalid CIDR address: not-a-cidr", S("192.168.1.0/28"), S("not-a-cidr"));
    }

    [Fact]
    public void Expand()
    {
        Assert.Equal(J("[\"192.168.1.0\", \"192.168.1.1\", \"192.168.1.2\", \"192.168.1.3\"]"), ToArray(Call("net.cidr_expand", S("192.168.1.1/30"))));
        Assert.Equal(J("[\"172.16.100.252\", \"172.16.100.253\", \"172.16.100.254\", \"172.16.100.255\"]"), ToArray(Call("net.cidr_expand", S("172.16.100.255/30"))));
        Assert.Equal(J("[\"192.168.1.1\"]"), ToArray(Call("net.cidr_expand", S("192.168.1.1/32"))));
        Assert.Equal(J("[\"fe80::\", \"fe80::1\"]"), ToArray(Call("net.cidr_expand", S("fe80::/127"))));
        Fails("net.cidr_expand", "invalid CIDR address: 192.168.1.1/33", S("192.168.1.1/33"));
    }

    [Fact]
    public void Expanding_a_network_too_large_to_hold_is_an_error_not_an_allocation_of_billions()
    {
        Fails("net.cidr_expand", "0.0.0.0/0 holds more than 10000000 addresses", S("0.0.0.0/0"));
        Fails("net.cidr_expand", "::/0 holds more than 10000000 addresses", S("::/0"));
        Fails("net.cidr_expand", "10.0.0.0/8 holds more than 10000000 addresses", S("10.0.0.0/8"));
        Assert.Equal(1 << 16, ((SetValue)Call("net.cidr_expand", S("10.1.0.0/16"))!).Count);
    }

    [Theory]
    [InlineData("192.168.1.0/24", true)]
    [InlineData("", false)]
    [InlineData("there goes a string", false)]
    [InlineData("192.168.1.2", false)]
    [InlineData("2002::1234:abcd:ffff:c0a8:101/64", true)]
    public void IsValid(string cidr, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("net.cidr_is_valid", S(cidr)));

    [Fact]
    public void IsValidIsFalseForNonStrings() => Assert.Equal(BooleanValue.False, Call("net.cidr_is_valid", N(1)));

    [Theory]
    [InlineData("\"1.1.1.0/24\"", "\"1.1.1.1\"", "[[\"1.1.1.0/24\", \"1.1.1.1\"]]")]
    [InlineData("[\"1.1.2.0/24\", \"1.1.1.0/24\"]", "[\"1.1.1.1\", \"1.1.2.1\"]", "[[0, 1], [1, 0]]")]
    [InlineData("[[\"1.1.2.0/24\", 1], \"1.1.1.0/24\"]", "[\"1.1.1.1\", \"1.1.2.1\"]", "[[0, 1], [1, 0]]")]
    [InlineData("{\"a\": \"1.1.1.0/24\"}", "{\"b\": [\"1.1.1.1\"]}", "[[\"a\", \"b\"]]")]
    public void ContainsMatches(string cidrs, string ips, string expected) =>
        Assert.Equal(SetValue.Of(((ArrayValue)J(expected)).Items.ToArray()), Call("net.cidr_contains_matches", J(cidrs), J(ips)));

    [Fact]
    public void ContainsMatchesOfSets()
    {
        var cidrs = SetValue.Of(A(S("1.1.1.0/24"), S("bar")), A(S("1.1.2.0/24"), S("foo")));
        var ips = SetValue.Of(A(S("1.1.1.1"), S("baz")), A(S("1.1.2.1"), S("qux")));
        var expected = SetValue.Of(
            A(A(S("1.1.1.0/24"), S("bar")), A(S("1.1.1.1"), S("baz"))),
            A(A(S("1.1.2.0/24"), S("foo")), A(S("1.1.2.1"), S("qux"))));
        Assert.Equal(expected, Call("net.cidr_contains_matches", cidrs, ips));
    }

    [Fact]
    public void ContainsMatchesRejectsBadElements()
    {
        const string message = "operand 2: element must be string or non-empty array";
        Fails("net.cidr_contains_matches", message, J("[\"1.1.2.0/24\"]"), J("[\"1.1.1.1\", 1]"));
        Fails("net.cidr_contains_matches", message, SetValue.Of(A(S("1.1.1.0/24"), S("bar"))), SetValue.Of(N(1), A(S("1.1.2.1"))));
        Fails("net.cidr_contains_matches", message, SetValue.Of(A(S("1.1.1.0/24"), S("bar"))), SetValue.Of(ArrayValue.Empty, A(S("1.1.2.1"))));
    }

    [Theory]
    [InlineData("[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]", "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]")]
    [InlineData("[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\", \"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]", "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]")]
    [InlineData("[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64\", \"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]", "[\"2601:600:8a80:207e::/64\"]")]
    [InlineData("[\"192.0.128.0/24\"]", "[\"192.0.128.0/24\"]")]
    [InlineData("[\"192.0.128.0/24\", \"192.0.128.0/24\"]", "[\"192.0.128.0/24\"]")]
    [InlineData("[\"192.0.128.0/24\", \"0.0.0.0/0\"]", "[\"0.0.0.0/0\"]")]
    [InlineData("[\"192.0.2.112/30\", \"192.0.2.116/31\", \"192.0.2.118/31\"]", "[\"192.0.2.112/29\"]")]
    [InlineData("[\"192.0.129.0/24\", \"192.0.130.0/24\"]", "[\"192.0.129.0/24\", \"192.0.130.0/24\"]")]
    [InlineData("[\"192.0.2.112/30\", \"192.0.2.116/32\", \"192.0.2.118/31\"]", "[\"192.0.2.112/30\", \"192.0.2.116/32\", \"192.0.2.118/31\"]")]
    [InlineData("[\"192.0.2.112/31\", \"192.0.2.116/31\", \"192.0.2.118/31\"]", "[\"192.0.2.112/31\", \"192.0.2.116/30\"]")]
    [InlineData("[\"192.0.1.254/31\", \"192.0.2.0/28\", \"192.0.2.16/28\", \"192.0.2.32/28\", \"192.0.2.48/28\", \"192.0.2.64/28\", \"192.0.2.80/28\", \"192.0.2.96/28\", \"192.0.2.112/28\", \"192.0.2.128/28\", \"192.0.2.144/28\", \"192.0.2.160/28\", \"192.0.2.176/28\", \"192.0.2.192/28\", \"192.0.2.208/28\", \"192.0.2.224/28\", \"192.0.2.240/28\", \"192.0.3.0/28\"]", "[\"192.0.1.254/31\", \"192.0.2.0/24\", \"192.0.3.0/28\"]")]
    [InlineData("[\"::/0\", \"fe80::1/128\"]", "[\"::/0\"]")]
    [InlineData("[\"::/0\", \"::192.0.2.0/124\", \"ff00::101/128\"]", "[\"::/0\"]")]
    [InlineData("[\"fe80::/120\", \"192.0.2.0/24\", \"192.0.3.0/24\", \"192.0.4.0/25\", \"192.0.4.128/25\"]", "[\"192.0.2.0/23\", \"192.0.4.0/24\", \"fe80::/120\"]")]
    [InlineData("[]", "[]")]
    [InlineData("[\"192.0.2.112\", \"192.0.2.116/31\", \"192.0.2.118/31\"]", "[\"192.0.2.0/24\"]")]
    [InlineData("[\"192.0.128.0\", \"192.0.129.0\"]", "[\"192.0.128.0/23\"]")]
    [InlineData("[\"10.1.2.3\"]", "[\"10.1.2.3/8\"]")]
    public void Merge(string input, string expected) =>
        Assert.Equal(SetValue.Of(((ArrayValue)J(expected)).Items.ToArray()), Call("net.cidr_merge", J(input)));

    [Fact]
    public void MergeOfASet() =>
        Assert.Equal(SetValue.Of(S("192.0.2.112/29")), Call("net.cidr_merge", SetValue.Of(S("192.0.2.112/30"), S("192.0.2.116/31"), S("192.0.2.118/31"))));

    [Fact]
    public void MergeRejectsBadElements()
    {
        Fails("net.cidr_merge", "IPv6 invalid: needs prefix length", J("[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3\"]"));
        Fails("net.cidr_merge", "invalid CIDR address: foo", J("[\"foo\"]"));
        Fails("net.cidr_merge", "element must be string", J("[1]"));
    }

    [Fact]
    public void LookupAnswersAddressesWithoutNetwork()
    {
        Assert.Equal(SetValue.Of(S("10.0.0.0")), Call("net.lookup_ip_addr", S("10.0.0.0")));
        Assert.Equal(SetValue.Of(S("::")), Call("net.lookup_ip_addr", S("::")));
        Assert.Equal(SetValue.Of(S("127.0.0.1"), S("::1")), Call("net.lookup_ip_addr", S("localhost")));
        Fails("net.lookup_ip_addr", "network access is disabled", S("example.com"));
    }

    private static ArrayValue ToArray(Value? set) => ArrayValue.Of(((SetValue)set!).Items.ToArray());
}
