using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class UnitsSemverTests
{
    [Theory]
    [InlineData("500m", "0.5")]
    [InlineData("0.0005K", "0.5")]
    [InlineData("0.0000005M", "0.5")]
    [InlineData("1024", "1024")]
    [InlineData("1Ki", "1024")]
    [InlineData("2Mi", "2097152")]
    [InlineData("128Gi", "137438953472")]
    [InlineData("\"100TI\"", "109951162777600")]
    [InlineData("0", "0")]
    [InlineData("0.0", "0")]
    [InlineData(".0", "0")]
    [InlineData("10K", "10000")]
    [InlineData("10KI", "10240")]
    [InlineData("200M", "200000000")]
    [InlineData("1.1K", "1100")]
    [InlineData("1.1Ki", "1126.4")]
    [InlineData(".5K", "500")]
    [InlineData("100p", "100000000000000000")]
    [InlineData("10e", "10000000000000000000")]
    [InlineData("10Ei", "11529215046068469760")]
    [InlineData("1e10", "10000000000")]
    [InlineData("3.2E4", "32000")]
    [InlineData("2.5e3K", "2500000")]
    [InlineData("5e1Gi", "53687091200")]
    [InlineData("1e-2", "0.01")]
    [InlineData("7.8E-1", "0.78")]
    [InlineData("-3.5E2m", "-0.35")]
    [InlineData("42", "42")]
    [InlineData("5E", "5000000000000000000")]
    public void Parse(string text, string expected) => Assert.Equal(N(expected), Call("units.parse", S(text)));

    [Fact]
    public void ParsePrintsIntegersWithoutDecimals()
    {
        Assert.Equal("1000000000", ((NumberValue)Call("units.parse", S("1G"))!).Text);
        Assert.Equal("0.5000000000", ((NumberValue)Call("units.parse", S("500m"))!).Text);
    }

    [Theory]
    [InlineData("", "units.parse: no amount provided")]
    [InlineData("G", "units.parse: no amount provided")]
    [InlineData("1 K", "units.parse: spaces not allowed in resource strings")]
    [InlineData("0.0.0", "units.parse: could not parse amount to a number")]
    [InlineData("5foo", "units.parse: unit foo not recognized")]
    [InlineData("1e1234567", "units.parse: exponent too large")]
    public void ParseErrors(string text, string message) => Assert.Equal(message, Error("units.parse", S(text)).Message);

    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.0", "0")]
    [InlineData(".0", "0")]
    [InlineData("12345", "12345")]
    [InlineData("10KB", "10000")]
    [InlineData("10KIB", "10240")]
    [InlineData("10kb", "10000")]
    [InlineData("10Kib", "10240")]
    [InlineData("200mb", "200000000")]
    [InlineData("300GiB", "322122547200")]
    [InlineData("1.1KB", "1100")]
    [InlineData("1.1KiB", "1126")]
    [InlineData(".5KB", "500")]
    [InlineData("100m", "100000000")]
    [InlineData("100mib", "104857600")]
    [InlineData("100tib", "109951162777600")]
    [InlineData("100pib", "112589990684262400")]
    [InlineData("10eb", "10000000000000000000")]
    [InlineData("10eib", "11529215046068469760")]
    [InlineData("\"100TIB\"", "109951162777600")]
    [InlineData("1e3KB", "1000000")]
    [InlineData("3.2E2MiB", "335544320")]
    [InlineData("4.5e1GiB", "48318382080")]
    [InlineData("5e6", "5000000")]
    [InlineData("1e-2KB", "10")]
    [InlineData("7.5e1TiB", "82463372083200")]
    [InlineData("2e2GiB", "214748364800")]
    [InlineData("4.1Mi", "4299161")]
    public void ParseBytes(string text, string expected) => Assert.Equal(N(expected), Call("units.parse_bytes", S(text)));

    [Theory]
    [InlineData("", "units.parse_bytes: no byte amount provided")]
    [InlineData("GB", "units.parse_bytes: no byte amount provided")]
    [InlineData("foo", "units.parse_bytes: no byte amount provided")]
    [InlineData("0.0.0", "units.parse_bytes: could not parse byte amount to a number")]
    [InlineData(".5.2", "units.parse_bytes: could not parse byte amount to a number")]
    [InlineData("100 kb", "units.parse_bytes: spaces not allowed in resource strings")]
    [InlineData(" 327MiB ", "units.parse_bytes: spaces not allowed in resource strings")]
    [InlineData("5zb", "units.parse_bytes: byte unit zb not recognized")]
    public void ParseBytesErrors(string text, string message) => Assert.Equal(message, Error("units.parse_bytes", S(text)).Message);

    [Theory]
    [InlineData("1.0.0", "2.0.0", -1)]
    [InlineData("1.0.0", "1.0.0", 0)]
    [InlineData("2.1.0", "2.0.9", 1)]
    [InlineData("1.0.0-alpha", "1.0.0", -1)]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11", -1)]
    [InlineData("1.0.0-rc.1", "1.0.0-beta.11", 1)]
    [InlineData("1.0.0+build1", "1.0.0+build2", 0)]
    public void Compare(string a, string b, int expected) => Assert.Equal(NumberValue.Of(expected), Call("semver.compare", S(a), S(b)));

    [Fact]
    public void CompareRejectsInvalidVersions()
    {
        Assert.Equal("operand 1: string \"1\" is not a valid SemVer", Error("semver.compare", S("1"), S("1.0.0")).Message);
        Assert.Equal("operand 2: string \"1\" is not a valid SemVer", Error("semver.compare", S("1.0.0"), S("1")).Message);
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("1.0.0-rc.1+build.5", true)]
    [InlineData("1", false)]
    [InlineData("1.0", false)]
    [InlineData("1.0.0.0", false)]
    [InlineData("1.0.0-", true)]
    [InlineData("1.0.0-a..b", false)]
    [InlineData("v1.0.0", false)]
    public void IsValid(string version, bool expected) => Assert.Equal(BooleanValue.Of(expected), Call("semver.is_valid", S(version)));

    [Fact]
    public void IsValidIsFalseForNonStrings() => Assert.Equal(BooleanValue.False, Call("semver.is_valid", N("1")));
}
