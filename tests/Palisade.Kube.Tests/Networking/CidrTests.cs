using System.Net;
using Palisade.Kube.Networking;

namespace Palisade.Kube.Tests.Networking;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", false)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", false)]
    [InlineData("192.168.1.7/32", "192.168.1.7/32", false)]
    [InlineData("255.255.255.255/32", "255.255.255.255/32", false)]
    [InlineData("172.16.0.0/12", "172.16.0.0/12", false)]
    [InlineData("::/0", "::/0", true)]
    [InlineData("2001:db8::/32", "2001:db8::/32", true)]
    [InlineData("2001:DB8:0:0:0:0:0:0/64", "2001:db8::/64", true)]
    [InlineData("fe80::1/128", "fe80::1/128", true)]
    [InlineData("::1/128", "::1/128", true)]
    public void ParsesValidCidrsToCanonicalText(string text, string canonical, bool ipv6)
    {
        Assert.True(Cidr.TryParse(text, out var cidr, out var error), error);

        Assert.Null(error);
        Assert.Equal(canonical, cidr.ToString());
        Assert.Equal(ipv6, cidr.IsIPv6);
        Assert.Equal(ipv6 ? 128 : 32, cidr.MaxPrefixLength);
    }

    [Theory]
    [InlineData("", "an empty string is not a CIDR")]
    [InlineData("10.0.0.0", "\"10.0.0.0\" has no prefix length (write it like \"10.0.0.0/32\")")]
    [InlineData("fd00::", "\"fd00::\" has no prefix length (write it like \"fd00::/128\")")]
    [InlineData("10.0.0.0/33", "\"10.0.0.0/33\": prefix length 33 is over 32 for IPv4")]
    [InlineData("2001:db8::/129", "\"2001:db8::/129\": prefix length 129 is over 128 for IPv6")]
    [InlineData("10.0.0.0/", "\"10.0.0.0/\": prefix length \"\" is not a number")]
    [InlineData("10.0.0.0/-1", "\"10.0.0.0/-1\": prefix length \"-1\" is not a number")]
    [InlineData("10.0.0.0/24 ", "\"10.0.0.0/24 \": prefix length \"24 \" is not a number")]
    [InlineData("10.0.0.0/1000", "\"10.0.0.0/1000\": prefix length \"1000\" is not a number")]
    [InlineData("10.0.0.0/08", "\"10.0.0.0/08\": prefix length \"08\" has leading zeros")]
    [InlineData("10.0.0.0/8/8", "\"10.0.0.0/8/8\": prefix length \"8/8\" is not a number")]
    [InlineData("10.0.0/24", "\"10.0.0/24\": \"10.0.0\" is not an IPv4 address (it needs four numbers 0-255 separated by dots)")]
    [InlineData("10.0.0.256/32", "\"10.0.0.256/32\": \"10.0.0.256\" is not an IPv4 address (it needs four numbers 0-255 separated by dots)")]
    [InlineData("0x0a.0.0.0/8", "\"0x0a.0.0.0/8\": \"0x0a.0.0.0\" is not an IPv4 address (it needs four numbers 0-255 separated by dots)")]
    [InlineData("010.0.0.0/8", "\"010.0.0.0/8\": \"010\" in \"010.0.0.0\" has leading zeros, which some software reads as octal")]
    [InlineData("garbage", "\"garbage\" has no prefix length (write it like \"garbage/32\")")]
    [InlineData("a.b.c.d/8", "\"a.b.c.d/8\": \"a.b.c.d\" is not an IPv4 address (it needs four numbers 0-255 separated by dots)")]
    [InlineData("fe80::1%eth0/64", "\"fe80::1%eth0/64\": \"fe80::1%eth0\" is not an IPv6 address")]
    [InlineData("[fe80::1]/64", "\"[fe80::1]/64\": \"[fe80::1]\" is not an IPv6 address")]
    [InlineData("1::2::3/64", "\"1::2::3/64\": \"1::2::3\" is not an IPv6 address")]
    [InlineData("10.0.0.1/24", "\"10.0.0.1/24\" has host bits set; did you mean 10.0.0.0/24?")]
    [InlineData("2001:db8::1/64", "\"2001:db8::1/64\" has host bits set; did you mean 2001:db8::/64?")]
    [InlineData("::ffff:10.0.0.0/104", "\"::ffff:10.0.0.0/104\" is an IPv4-mapped IPv6 address, which software reads as IPv4 or IPv6 differently; write it as an IPv4 CIDR")]
    public void RejectsInvalidCidrsSayingWhatIsWrong(string text, string expected)
    {
        Assert.False(Cidr.TryParse(text, out var cidr, out var error));

        Assert.Equal(expected, error);
        Assert.Equal(default, cidr);
    }

    [Theory]
    [InlineData("10.0.0.1/24", "10.0.0.0/24")]
    [InlineData("192.168.255.255/17", "192.168.128.0/17")]
    [InlineData("10.1.2.3/0", "0.0.0.0/0")]
    [InlineData("2001:db8::1/64", "2001:db8::/64")]
    [InlineData("2001:db8:ffff::/33", "2001:db8:8000::/33")]
    [InlineData("::ffff:10.1.0.0/104", "::ffff:10.0.0.0/104")]
    public void LenientParsingMasksHostBits(string text, string canonical)
    {
        Assert.True(Cidr.TryParseLenient(text, out var cidr, out var error), error);

        Assert.Equal(canonical, cidr.ToString());
    }

    [Fact]
    public void LenientParsingStillRejectsGarbage()
    {
        Assert.False(Cidr.TryParseLenient("10.0.0.0/33", out _, out var error));

        Assert.Equal("\"10.0.0.0/33\": prefix length 33 is over 32 for IPv4", error);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255/32", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0/16", false)]
    [InlineData("10.0.0.0/16", "10.0.0.0/8", false)]
    [InlineData("0.0.0.0/0", "203.0.113.9/32", true)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    [InlineData("::/0", "10.0.0.0/8", false)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true)]
    [InlineData("2001:db8::/32", "2001:db9::/48", false)]
    public void ContainsIsSubnetInclusion(string outer, string inner, bool expected)
    {
        Assert.True(Cidr.TryParse(outer, out var a, out _));
        Assert.True(Cidr.TryParse(inner, out var b, out _));

        Assert.Equal(expected, a.Contains(b));
    }

    [Fact]
    public void ContainsMasksAConstructedAddressWithHostBits()
    {
        var outer = new Cidr(IPAddress.Parse("10.9.9.9"), 8);

        Assert.True(outer.Contains(new Cidr(IPAddress.Parse("10.1.0.0"), 16)));
        Assert.Equal("10.0.0.0/8", outer.ToString());
    }

    [Fact]
    public void EqualCidrsAreEqualValues()
    {
        Assert.True(Cidr.TryParse("2001:DB8::/32", out var a, out _));
        Assert.True(Cidr.TryParse("2001:db8:0::/32", out var b, out _));

        Assert.Equal(a, b);
    }
}
