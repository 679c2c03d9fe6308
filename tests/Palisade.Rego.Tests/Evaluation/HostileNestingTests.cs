using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>
/// Policies and inputs built to nest deeply must end in an error or a result, never in a stack overflow, which no
/// handler can catch and which would take the webhook or the sync controller down with it. Everything runs on
/// thread-pool threads, whose stacks are smaller than the main thread's, as the webhook's requests do.
/// </summary>
public sealed class HostileNestingTests
{
    [Theory]
    [InlineData("+")]
    [InlineData("*")]
    [InlineData("|")]
    [InlineData("&")]
    [InlineData("==")]
    public async Task A_long_operator_chain_is_a_depth_error(string op)
    {
        var module = "package t\nx := " + string.Concat(Enumerable.Repeat("1 " + op + " ", 100_000)) + "1\n";

        var error = await Assert.ThrowsAsync<RegoParseException>(() => Task.Run(() => RegoParser.ParseModule(module)));

        Assert.Contains("max expression depth exceeded", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("package {0}\nx := 1\n")]
    [InlineData("package t\nx := data.{0}\n")]
    [InlineData("package t\n{0} := 1\n")]
    public async Task A_ref_or_package_of_100000_terms_is_an_error(string template)
    {
        var path = string.Join('.', Enumerable.Range(0, 100_000).Select(i => $"p{i}"));

        var error = await Assert.ThrowsAsync<RegoParseException>(() => Task.Run(() => RegoParser.ParseModule(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, path))));

        Assert.Contains("ref longer than 512 terms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_250_terms_deep_in_a_package_250_terms_deep_evaluates()
    {
        var package = string.Join('.', Enumerable.Range(0, 250).Select(i => $"p{i}"));
        var rule = string.Join('.', Enumerable.Range(0, 250).Select(i => $"r{i}"));

        var value = await Task.Run(() => Evaluate($"package {package}\n{rule} := 7\n", $"x := data.{package}.{rule}", NullValue.Instance));

        Assert.Equal(NumberValue.Of(7), value);
    }

    [Fact]
    public async Task A_chain_within_the_limit_evaluates()
    {
        var module = "package t\nx := " + string.Concat(Enumerable.Repeat("1 + ", 400)) + "1\n";

        var value = await Task.Run(() => Evaluate(module, "x := data.t.x", NullValue.Instance));

        Assert.Equal(NumberValue.Of(401), value);
    }

    [Fact]
    public async Task A_long_else_chain_is_an_error()
    {
        var module = "package t\nf(a) := 0 if { a == 0 }" + string.Concat(Enumerable.Range(1, 100_000).Select(i => $" else := {i} if {{ a == {i} }}")) + "\n";

        var error = await Assert.ThrowsAsync<RegoParseException>(() => Task.Run(() => RegoParser.ParseModule(module)));

        Assert.Contains("else chain longer than 512 branches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_else_chain_within_the_limit_evaluates_to_its_last_branch()
    {
        var module = "package t\nf(a) := 0 if { a == 0 }" + string.Concat(Enumerable.Range(1, 500).Select(i => $" else := {i} if {{ a == {i} }}")) + "\n";

        var value = await Task.Run(() => Evaluate(module, "x := data.t.f(500)", NullValue.Instance));

        Assert.Equal(NumberValue.Of(500), value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_chain_of_100000_rules_each_reading_the_last_is_an_error(bool reversed)
    {
        var rules = Enumerable.Range(1, 100_000).Select(i => $"a{i} := a{i - 1} + 1\n").Prepend("a0 := 1\n");
        var module = "package t\n" + string.Concat(reversed ? rules.Reverse() : rules);

        var error = await Assert.ThrowsAsync<RegoException>(() => Task.Run(() => Evaluate(module, "x := data.t.a100000", NullValue.Instance)));

        Assert.Contains(error.Message, (string[])["rules depend on rules too deeply to be checked", "evaluation nested too deeply"]);
    }

    [Fact]
    public async Task A_chain_of_100000_functions_each_calling_the_last_is_an_error()
    {
        var module = "package t\nf0(x) := x\n" + string.Concat(Enumerable.Range(1, 100_000).Select(i => $"f{i}(x) := f{i - 1}(x)\n"));

        var error = await Assert.ThrowsAsync<RegoException>(() => Task.Run(() => Evaluate(module, "x := data.t.f100000(1)", NullValue.Instance)));

        Assert.Equal("evaluation nested too deeply", error.Message);
    }

    [Fact]
    public async Task A_chain_of_200_rules_evaluates()
    {
        var module = "package t\na0 := 1\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"a{i} := a{i - 1} + 1\n"));

        var value = await Task.Run(() => Evaluate(module, "x := data.t.a200", NullValue.Instance));

        Assert.Equal(NumberValue.Of(201), value);
    }

    [Theory]
    [InlineData("x := count(json.unmarshal(input.s))", "1")]
    [InlineData("x := json.unmarshal(input.s) == json.unmarshal(input.s)", "true")]
    [InlineData("x := count({json.unmarshal(input.s)})", "1")]
    [InlineData("x := count([v | some v in json.unmarshal(input.s)])", "1")]
    [InlineData("x := count(json.marshal(json.unmarshal(input.s)))", "18000")]
    [InlineData("x := count(yaml.marshal(json.unmarshal(input.s)))", "18001")]
    public async Task A_value_unmarshalled_from_deeply_nested_input_is_counted_compared_hashed_and_written_back(string query, string expected)
    {
        // Go's encoding/json, and so OPA's json.unmarshal, reads up to 10,000 levels; an annotation can carry that.
        var input = ObjectValue.Of(("s", StringValue.Of(new string('[', 9000) + new string(']', 9000))));

        var value = await Task.Run(() => Evaluate("package t\n", query, input));

        Assert.Equal(expected, ValueJson.Serialize(value!));
    }

    private static Value? Evaluate(string module, string query, Value input)
    {
        var results = new RegoEngine(new RegoOptions()).AddModule("t.rego", module).Prepare(query).Evaluate(input);
        return results.Count == 0 ? null : results[0].Bindings["x"];
    }
}
