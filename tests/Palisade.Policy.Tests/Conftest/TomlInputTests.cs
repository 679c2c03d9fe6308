using System.Text;
using Palisade.Policy.Conftest;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Conftest;

public sealed class TomlInputTests
{
    [Fact]
    public void Tables_arrays_and_scalars_become_the_values_rules_see()
    {
        var value = TomlInput.Parse("c.toml", Encoding.UTF8.GetBytes("""
            port = 8080
            ratio = 0.5
            tls = true
            name = "web"
            since = 2024-01-02T03:04:05Z
            ciphers = ["a", 'b']

            [server.limits]
            body = 1024

            [[routes]]
            path = "/a"

            [[routes]]
            path = "/b"
            """));

        Assert.Equal(
            """{"ciphers":["a","b"],"name":"web","port":8080,"ratio":0.5,"routes":[{"path":"/a"},{"path":"/b"}],"server":{"limits":{"body":1024}},"since":"2024-01-02T03:04:05Z","tls":true}""",
            ValueJson.Serialize(value));
    }

    [Fact]
    public void Invalid_toml_names_the_file_line_and_column()
    {
        var error = Assert.Throws<ConftestException>(() => TomlInput.Parse("bad.toml", Encoding.UTF8.GetBytes("a = 1\nb = [\n")));

        Assert.StartsWith("bad.toml:3:1: invalid TOML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_nesting_is_an_error_not_a_stack_overflow()
    {
        var deep = "a = " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var error = Assert.Throws<ConftestException>(() => TomlInput.Parse("deep.toml", Encoding.UTF8.GetBytes(deep)));

        Assert.Contains("maximum depth of 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_and_infinity_have_no_value_for_rules()
    {
        var error = Assert.Throws<ConftestException>(() => TomlInput.Parse("n.toml", Encoding.UTF8.GetBytes("x = nan\n")));

        Assert.Contains("nan and inf", error.Message, StringComparison.Ordinal);
    }
}
