using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;

namespace Palisade.Kube.Tests.Kubernetes;

public sealed class LabelSelectorFromCalicoTests
{
    [Theory]
    [InlineData("all()", "{}")]
    [InlineData("", "{}")]
    [InlineData("app == 'web'", """{"matchLabels":{"app":"web"}}""")]
    [InlineData("tier == 'db' && app == 'web'", """{"matchLabels":{"app":"web","tier":"db"}}""")]
    [InlineData("app.kubernetes.io/name == 'envoy'", """{"matchLabels":{"app.kubernetes.io/name":"envoy"}}""")]
    [InlineData("a == ''", """{"matchLabels":{"a":""}}""")]
    [InlineData("env in {'prod', 'dev', 'prod'}", """{"matchExpressions":[{"key":"env","operator":"In","values":["dev","prod"]}]}""")]
    [InlineData("env not in {'a'}", """{"matchExpressions":[{"key":"env","operator":"NotIn","values":["a"]}]}""")]
    [InlineData("env != 'prod'", """{"matchExpressions":[{"key":"env","operator":"NotIn","values":["prod"]}]}""")]
    [InlineData("has(team)", """{"matchExpressions":[{"key":"team","operator":"Exists"}]}""")]
    [InlineData("!has(team)", """{"matchExpressions":[{"key":"team","operator":"DoesNotExist"}]}""")]
    [InlineData("!!!has(team)", """{"matchExpressions":[{"key":"team","operator":"DoesNotExist"}]}""")]
    [InlineData(
        "has(team) && app == 'web' && env != 'x' && !has(legacy)",
        """{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"team","operator":"Exists"},{"key":"env","operator":"NotIn","values":["x"]},{"key":"legacy","operator":"DoesNotExist"}]}""")]
    [InlineData("app == 'a' && app == 'b'", """{"matchLabels":{"app":"a"},"matchExpressions":[{"key":"app","operator":"In","values":["b"]}]}""")]
    [InlineData("app == 'a' && app == 'a'", """{"matchLabels":{"app":"a"}}""")]
    [InlineData("all() && app == 'x'", """{"matchLabels":{"app":"x"}}""")]
    [InlineData("a not in {}", "{}")]
    public void ConvertsWhatKubernetesCanExpress(string calico, string json)
    {
        Assert.True(LabelSelectorConversion.TryFromCalico(SelectorParser.Parse(calico), out var result, out var reason), reason);

        Assert.Equal(json, result.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("a == 'x' || b == 'y'", "Kubernetes label selectors cannot express '||'")]
    [InlineData("a == 'x' && (b == 'y' || c == 'z')", "Kubernetes label selectors cannot express '||'")]
    [InlineData("a contains 'x'", "Kubernetes label selectors cannot express 'contains'")]
    [InlineData("a starts with 'x'", "Kubernetes label selectors cannot express 'starts with'")]
    [InlineData("has(b) && a ends with 'x'", "Kubernetes label selectors cannot express 'ends with'")]
    [InlineData("global()", "Kubernetes label selectors cannot express 'global()'")]
    [InlineData("!a == 'x'", "Kubernetes label selectors cannot express '!' except in front of has()")]
    [InlineData("!(has(a) && has(b))", "Kubernetes label selectors cannot express '!' except in front of has()")]
    [InlineData("!all()", "Kubernetes label selectors cannot express '!' except in front of has()")]
    [InlineData("a in {}", "Kubernetes label selectors cannot express an empty set: 'a in {}' matches nothing, and In needs at least one value")]
    [InlineData("Foo/bar == 'x'", "label key \"Foo/bar\" has a prefix that is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)")]
    [InlineData("has(example..com/x)", "label key \"example..com/x\" has a prefix that is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)")]
    [InlineData("has(a/b/c)", "label key \"a/b/c\" has more than one '/'")]
    [InlineData("has(/a)", "label key \"/a\" has an empty prefix before '/'")]
    [InlineData("!has(a/)", "label key \"a/\" has an empty name")]
    [InlineData("a in {'x'} && has(-a)", "label key \"-a\" is not a valid qualified name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, optionally after a DNS subdomain prefix and '/')")]
    [InlineData("has(a_)", "label key \"a_\" is not a valid qualified name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, optionally after a DNS subdomain prefix and '/')")]
    [InlineData("a == 'two words'", "label value \"two words\" (for key \"a\") is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)")]
    [InlineData("a != '-x'", "label value \"-x\" (for key \"a\") is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)")]
    [InlineData("a not in {'ok', 'é'}", "label value \"é\" (for key \"a\") is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)")]
    public void RefusesWhatKubernetesCannotExpress(string calico, string expectedReason)
    {
        Assert.False(LabelSelectorConversion.TryFromCalico(SelectorParser.Parse(calico), out var result, out var reason));

        Assert.Null(result);
        Assert.Equal(expectedReason, reason);
    }

    [Fact]
    public void ChecksTheLengthsOfKeysAndValues()
    {
        var longName = new string('n', 64);
        var longPrefix = string.Join('.', Enumerable.Repeat(new string('p', 63), 4)) + ".x";

        Assert.True(LabelSelectorConversion.TryFromCalico(new HasSelector(new string('n', 63)), out _, out _));
        Assert.False(LabelSelectorConversion.TryFromCalico(new HasSelector(longName), out _, out var nameReason));
        Assert.Equal($"label key \"{longName}\" has a name longer than 63 characters", nameReason);
        Assert.False(LabelSelectorConversion.TryFromCalico(new HasSelector($"{longPrefix}/a"), out _, out var prefixReason));
        Assert.Equal($"label key \"{longPrefix}/a\" has a prefix that is longer than 253 characters", prefixReason);
        Assert.False(LabelSelectorConversion.TryFromCalico(new EqualsSelector("a", longName), out _, out var valueReason));
        Assert.Equal($"label value \"{longName}\" (for key \"a\") is longer than 63 characters", valueReason);
    }
}
