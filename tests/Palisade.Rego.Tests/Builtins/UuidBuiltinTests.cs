using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class UuidBuiltinTests
{
    private const string V2 = "{\"clocksequence\": 12800, \"domain\": \"Person\", \"id\": 1000, \"macvariables\": \"local:unicast\", \"nodeid\": \"32-50-96-b3-9f-47\", \"time\": 1693566990121469600, \"variant\": \"RFC4122\", \"version\": 2}";

    [Theory]
    [InlineData("{00000000-0000-4000-8000-000000000000}", "{\"variant\": \"RFC4122\", \"version\": 4}")]
    [InlineData("00000000-0000-4000-8000-000000000000", "{\"variant\": \"RFC4122\", \"version\": 4}")]
    [InlineData("urn:uuid:000003e8-48b9-21ee-b200-325096b39f47", V2)]
    [InlineData("000003e8-48b9-21ee-b200-325096b39f47", V2)]
    [InlineData("6bea8ef2d3d33cd184e09bab06a52ece", "{\"variant\": \"RFC4122\", \"version\": 3}")]
    [InlineData("38074DA4-0B00-388D-9C3C-362DE965547A", "{\"variant\": \"RFC4122\", \"version\": 3}")]
    [InlineData("c232ab00-9414-11ec-b3c8-9f6bdeced846", "{\"clocksequence\": 13256, \"macvariables\": \"local:multicast\", \"nodeid\": \"9f-6b-de-ce-d8-46\", \"time\": 1645557742000000000, \"variant\": \"RFC4122\", \"version\": 1}")]
    public void Parse(string text, string expected) => Assert.Equal(J(expected), Call("uuid.parse", S(text)));

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-4000-8000-00000000000g")]
    [InlineData("00000000_0000_4000_8000_000000000000")]
    public void ParseIsUndefinedForOtherText(string text) => Assert.Null(Call("uuid.parse", S(text)));

    [Fact]
    public void ParseRejectsNonStrings() => Assert.IsType<BuiltinTypeException>(Error("uuid.parse", N("123")));

    [Fact]
    public void Rfc4122IsAVersion4UuidFixedPerKeyWithinAQuery()
    {
        var context = new BuiltinContext(DateTimeOffset.UnixEpoch) { Random = new Random(42) };
        var first = (StringValue)Call(context, "uuid.rfc4122", S("a"))!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first.Value);
        Assert.Equal(first, Call(context, "uuid.rfc4122", S("a")));
        Assert.NotEqual(first, Call(context, "uuid.rfc4122", S("b")));
        Assert.Equal(J("{\"variant\": \"RFC4122\", \"version\": 4}"), Call("uuid.parse", first));
    }
}
