using System.Text;
using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;

namespace Palisade.Policy.Tests.Conftest;

public sealed class InputReaderTests
{
    [Fact]
    public void StandardInputIsReadAsYamlUnlessAParserIsGiven()
    {
        var yaml = new InputReader(new ManifestReader(), parser: null, ignore: null, () => Encoding.UTF8.GetBytes("kind: A\n---\nkind: B\n"));

        var file = yaml.Read("-");

        Assert.Equal("-", file.Name);
        Assert.Equal([1, 3], file.Documents.Select(d => d.Location!.Value.Line));
        Assert.Equal(["-"], yaml.Find(["-", ""]));
    }

    [Fact]
    public void AForcedJsonParserRejectsYaml()
    {
        var json = new InputReader(new ManifestReader(), parser: "json", ignore: null, () => Encoding.UTF8.GetBytes("kind: A\n"));

        Assert.Throws<ManifestException>(() => json.Read("-"));
    }

    [Fact]
    public void UnknownParsersAndBadIgnorePatternsAreErrors()
    {
        Assert.Throws<ConftestException>(() => new InputReader(new ManifestReader(), parser: "hcl2", ignore: null));
        Assert.Throws<ConftestException>(() => new InputReader(new ManifestReader(), parser: null, ignore: "("));
    }
}
