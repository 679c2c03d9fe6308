using System.Text.Json.Nodes;
using Palisade.Kube.Manifests;
using Palisade.Kube.Yaml;

namespace Palisade.Kube.Tests.Yaml;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("123")]
    [InlineData("0777")]
    [InlineData("1_000")]
    [InlineData("12:30")]
    [InlineData("1e3")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("key: value")]
    [InlineData("a # comment")]
    [InlineData("!has(x)")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("- item")]
    [InlineData("'quoted'")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("app == 'x' && b in {'1', '2'}")]
    [InlineData("ünïcødé")]
    [InlineData("@at")]
    [InlineData("%percent")]
    [InlineData("`backtick")]
    public void StringsReadBackAsTheSameString(string text)
    {
        var value = new JsonObject { ["v"] = text, ["list"] = new JsonArray(text) };

        var yaml = YamlWriter.Write(value);
        var read = new ManifestReader().ReadText("w.yaml", yaml)[0].Root!;

        Assert.Equal(value.ToJsonString(), read.ToJson()!.ToJsonString());
    }

    [Fact]
    public void WritesNumbersBooleansNullsAndEmptyCollections()
    {
        var value = JsonNode.Parse("""{"i": 7, "big": 12345678901234567890, "f": 0.25, "t": true, "n": null, "o": {}, "a": []}""");

        var yaml = YamlWriter.Write(value);

        // "n" is a boolean to YAML 1.1 readers, so even as a key it is quoted.
        Assert.Equal("i: 7\nbig: 12345678901234567890\nf: 0.25\nt: true\n'n': null\no: {}\na: []\n", yaml);
        Assert.Equal(value!.ToJsonString(), new ManifestReader().ReadText("w.yaml", yaml)[0].Root!.ToJson()!.ToJsonString());
    }

    [Fact]
    public void PlainStringsStayPlain()
    {
        Assert.Equal("selector: app == 'x'\nname: web\n", YamlWriter.Write(new JsonObject { ["selector"] = "app == 'x'", ["name"] = "web" }));
    }
}
