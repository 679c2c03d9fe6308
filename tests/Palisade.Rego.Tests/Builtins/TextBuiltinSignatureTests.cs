using Palisade.Rego.Builtins;
using Palisade.Rego.Types;

namespace Palisade.Rego.Tests.Builtins;

public sealed class TextBuiltinSignatureTests
{
    [Theory]
    [InlineData("concat", 2)]
    [InlineData("contains", 2)]
    [InlineData("startswith", 2)]
    [InlineData("endswith", 2)]
    [InlineData("format_int", 2)]
    [InlineData("indexof", 2)]
    [InlineData("indexof_n", 2)]
    [InlineData("lower", 1)]
    [InlineData("upper", 1)]
    [InlineData("replace", 3)]
    [InlineData("strings.replace_n", 2)]
    [InlineData("split", 2)]
    [InlineData("sprintf", 2)]
    [InlineData("substring", 3)]
    [InlineData("trim", 2)]
    [InlineData("trim_left", 2)]
    [InlineData("trim_prefix", 2)]
    [InlineData("trim_right", 2)]
    [InlineData("trim_suffix", 2)]
    [InlineData("trim_space", 1)]
    [InlineData("strings.reverse", 1)]
    [InlineData("strings.any_prefix_match", 2)]
    [InlineData("strings.any_suffix_match", 2)]
    [InlineData("strings.count", 2)]
    [InlineData("strings.render_template", 2)]
    [InlineData("regex.match", 2)]
    [InlineData("re_match", 2)]
    [InlineData("regex.is_valid", 1)]
    [InlineData("regex.split", 2)]
    [InlineData("regex.find_n", 3)]
    [InlineData("regex.find_all_string_submatch_n", 3)]
    [InlineData("regex.replace", 3)]
    [InlineData("regex.template_match", 4)]
    [InlineData("regex.globs_match", 2)]
    [InlineData("glob.match", 3)]
    [InlineData("glob.quote_meta", 1)]
    [InlineData("base64.encode", 1)]
    [InlineData("base64.decode", 1)]
    [InlineData("base64.is_valid", 1)]
    [InlineData("base64url.encode", 1)]
    [InlineData("base64url.encode_no_pad", 1)]
    [InlineData("base64url.decode", 1)]
    [InlineData("hex.encode", 1)]
    [InlineData("hex.decode", 1)]
    [InlineData("urlquery.encode", 1)]
    [InlineData("urlquery.decode", 1)]
    [InlineData("urlquery.encode_object", 1)]
    [InlineData("urlquery.decode_object", 1)]
    [InlineData("json.marshal", 1)]
    [InlineData("json.marshal_with_options", 2)]
    [InlineData("json.unmarshal", 1)]
    [InlineData("json.is_valid", 1)]
    [InlineData("yaml.marshal", 1)]
    [InlineData("yaml.unmarshal", 1)]
    [InlineData("yaml.is_valid", 1)]
    [InlineData("units.parse", 1)]
    [InlineData("units.parse_bytes", 1)]
    [InlineData("semver.is_valid", 1)]
    [InlineData("semver.compare", 2)]
    [InlineData("uuid.parse", 1)]
    [InlineData("uuid.rfc4122", 1)]
    [InlineData("is_number", 1)]
    [InlineData("is_string", 1)]
    [InlineData("is_boolean", 1)]
    [InlineData("is_array", 1)]
    [InlineData("is_set", 1)]
    [InlineData("is_object", 1)]
    [InlineData("is_null", 1)]
    [InlineData("type_name", 1)]
    [InlineData("to_number", 1)]
    public void IsRegisteredWithItsArity(string name, int arity)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function));
        Assert.Equal(arity, function.Arity);
        Assert.NotNull(function.Implementation);
    }

    [Fact]
    public void SignaturesMatchOpasDeclarations()
    {
        Assert.Equal(
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.AnyOf(RegoType.SetOf(RegoType.String), RegoType.ArrayOf(RegoType.String))),
            Signature("concat"));
        Assert.Equal(
            FunctionSignature.Of(RegoType.Number, RegoType.AnyOf(RegoType.Number, RegoType.String, RegoType.Boolean, RegoType.Null)),
            Signature("to_number"));
        Assert.Equal(
            FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.AnyOf(RegoType.ArrayOf(RegoType.String), RegoType.Null), RegoType.String),
            Signature("glob.match"));
        Assert.Equal(FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.ArrayOf(RegoType.Any)), Signature("sprintf"));
        Assert.Equal(FunctionSignature.Of(RegoType.Boolean, RegoType.Any), Signature("semver.is_valid"));
        Assert.Equal(FunctionSignature.Of(RegoType.Boolean, RegoType.String), Signature("regex.is_valid"));
        Assert.True(BuiltinRegistry.Default.TryGet("uuid.rfc4122", out var uuid) && uuid.Nondeterministic);
    }

    private static FunctionSignature Signature(string name)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function));
        return function.Signature;
    }
}
