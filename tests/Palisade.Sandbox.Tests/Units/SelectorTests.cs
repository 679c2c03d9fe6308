using Palisade.Sandbox.Http;
using Palisade.Sandbox.Selection;

namespace Palisade.Sandbox.Tests.Units;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app in (web, db),tier", true)]
    [InlineData("app notin (db),!missing", true)]
    [InlineData("app=web,tier!=front", false)]
    [InlineData(" app == web ", true)]
    public void Requirements_combine_with_and(string selector, bool matches) => Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("app in web")]
    [InlineData("app,,tier")]
    [InlineData("=web")]
    public void Malformed_selectors_are_400(string selector) => Assert.Equal(400, Assert.Throws<ApiError>(() => LabelSelector.Parse(selector)).Code);
}
