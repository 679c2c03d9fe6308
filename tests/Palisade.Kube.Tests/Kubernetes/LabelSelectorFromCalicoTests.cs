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
    [InlineData("Foo/bar == 'x'", "'Foo/bar' is not a valid Kubernetes label key: the prefix before '/' must be a DNS subdomain: lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit")]
    [InlineData("has(example..com/x)", "'example..com/x' is not a valid Kubernetes label key: the prefix before '/' must be a DNS subdomain: lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit")]
    [InlineData("has(a/b/c)", "'a/b/c' is not a valid Kubernetes label key: a key may hold at most one '/'")]
    [InlineData("has(/a)", "'/a' is not a valid Kubernetes label key: the prefix before '/' must not be empty")]
    [InlineData("!has(a/)", "'a/' is not a valid Kubernetes label key: the name after '/' must not be empty")]
    [InlineData("a in {'x'} && has(-a)", "'-a' is not a valid Kubernetes label key: the name must start and end with a letter or digit")]
    [InlineData("has(a_)", "'a_' is not a valid Kubernetes label key: the name must start and end with a letter or digit")]
    [InlineData("a == 'two words'", "'two words' (for key 'a') is not a valid Kubernetes label value: a value may hold only letters, digits, '-', '_' and '.'")]
    [InlineData("a != '-x'", "'-x' (for key 'a') is not a valid Kubernetes label value: a value must start and end with a letter or digit")]
    [InlineData("a not in {'ok', 'é'}", "'é' (for key 'a') is not a valid Kubernetes label value: a value may hold only letters, digits, '-', '_' and '.'")]
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
        Assert.Equal($"'{longName}' is not a valid Kubernetes label key: the name must be at most 63 characters (it has 64)", nameReason);
        Assert.False(LabelSelectorConversion.TryFromCalico(new HasSelector($"{longPrefix}/a"), out _, out var prefixReason));
        Assert.Equal($"'{longPrefix}/a' is not a valid Kubernetes label key: the prefix before '/' must be at most 253 characters (it has 257)", prefixReason);
        Assert.False(LabelSelectorConversion.TryFromCalico(new EqualsSelector("a", longName), out _, out var valueReason));
        Assert.Equal($"'{longName}' (for key 'a') is not a valid Kubernetes label value: a value must be at most 63 characters (it has 64)", valueReason);
    }
}
