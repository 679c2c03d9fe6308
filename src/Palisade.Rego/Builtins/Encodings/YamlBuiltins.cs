using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>yaml.marshal, yaml.unmarshal, yaml.is_valid.</summary>
internal static class YamlBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "yaml.marshal",
            FunctionSignature.Of(RegoType.String, RegoType.Any),
            (_, args) => StringValue.Of(GoYamlWriter.Write(args[0])));
        yield return new BuiltinFunction(
            "yaml.unmarshal",
            FunctionSignature.Of(RegoType.Any, RegoType.String),
            (_, args) => GoYamlReader.Read(Operands.String(args, 0).Value));
        yield return new BuiltinFunction(
            "yaml.is_valid",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String),
            (_, args) => BooleanValue.Of(args[0] is StringValue s && GoYamlReader.IsValid(s.Value)));
    }
}
