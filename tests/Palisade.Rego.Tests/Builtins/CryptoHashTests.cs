using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class CryptoHashTests
{
    private const string Unicode = "åäöçß🥲♙Ω";
    private const string UnicodeKey = "秘密の";

    [Theory]
    [InlineData("crypto.md5", "lorem ipsum", "80a751fde577028640c419000e33eba6")]
    [InlineData("crypto.sha1", "lorem ipsum", "bfb7759a67daeb65410490b4d98bb9da7d1ea2ce")]
    [InlineData("crypto.sha256", "lorem ipsum", "5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269")]
    public void Digests(string name, string input, string expected) => Assert.Equal(S(expected), Call(name, S(input)));

    [Theory]
    [InlineData("crypto.hmac.md5", "foo", "bar", "31b6db9e5eb4addb42f1a6ca07367adc")]
    [InlineData("crypto.hmac.md5", Unicode, UnicodeKey, "20a8743c2157ac60b7e8b79c83651b8d")]
    [InlineData("crypto.hmac.sha1", "foo", "bar", "85d155c55ed286a300bd1cf124de08d87e914f3a")]
    [InlineData("crypto.hmac.sha1", Unicode, UnicodeKey, "81759c39013935fcf0de833d44c8018d7c1455dd")]
    [InlineData("crypto.hmac.sha256", "foo", "bar", "147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851")]
    [InlineData("crypto.hmac.sha256", Unicode, UnicodeKey, "eb90daeb76d4b2571fbdaf94bbb240809faa8fed93ec0c260dd38c3fdf8d963a")]
    [InlineData("crypto.hmac.sha512", "foo", "bar", "24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d61b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8")]
    [InlineData("crypto.hmac.sha512", Unicode, UnicodeKey, "192f5afded233d6e21427aa26ed267ac118cfa2971013d91cbed530c0b208d78138b83dfe1d6cc3553d7bd518f22a481402c723028e1279d1ffbe8f11ea6b125")]
    public void Macs(string name, string message, string key, string expected) => Assert.Equal(S(expected), Call(name, S(message), S(key)));

    [Theory]
    [InlineData("31b6db9e5eb4addb42f1a6ca07367adc", "31b6db9e5eb4addb42f1a6ca07367adc", true)]
    [InlineData("31b6db9e5eb4addb42f1a6ca07367adc", "31b6db9e5eb4addb", false)]
    public void MacEquality(string a, string b, bool expected) => Assert.Equal(BooleanValue.Of(expected), Call("crypto.hmac.equal", S(a), S(b)));

    [Fact]
    public void OperandsMustBeStrings() => Fails("crypto.hmac.sha256", "operand 2 must be string but got number", S("x"), N(1));
}
