using Palisade.Rego.Ast;
using Palisade.Rego.Ast.Json;
using Palisade.Rego.Parsing;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Rego;

/// <summary>
/// rego.parse_module(filename, rego): the module's syntax tree in OPA's JSON form. OPA 1.x parses it with its default
/// parser options whatever version the engine runs, so the text is always read as Rego v1; a parse error is the
/// builtin's error, worded as the parser words it.
/// </summary>
internal static class ParseModuleBuiltin
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "rego.parse_module",
            FunctionSignature.Of(RegoType.ObjectOf(RegoType.String, RegoType.Any), RegoType.String, RegoType.String),
            (_, args) => Parse(Operands.String(args, 0).Value, Operands.String(args, 1).Value));
    }

    private static ObjectValue Parse(string fileName, string source)
    {
        Module module;
        try
        {
            // OPA's builtin parses with default options, which leave METADATA comments unread.
            module = RegoParser.ParseModule(source, new ParserOptions { DefaultVersion = RegoVersion.V1, FileName = fileName, ProcessAnnotations = false });
        }
        catch (RegoParseException e)
        {
            throw new BuiltinException(e.Message);
        }

        return AstJson.Module(module);
    }
}
