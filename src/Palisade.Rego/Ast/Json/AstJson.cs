using Palisade.Rego.Values;

namespace Palisade.Rego.Ast.Json;

/// <summary>
/// A parsed module in the JSON form OPA's <c>ast</c> package marshals it to (what <c>rego.parse_module</c> returns),
/// built directly as a Rego value. As with OPA's default marshalling options, no locations are included; comments
/// are (base64 text with their location), and annotations are not, because OPA's <c>rego.parse_module</c> parses
/// without processing <c># METADATA</c> blocks.
/// </summary>
public static class AstJson
{
    public static ObjectValue Module(Module module) => new AstJsonWriter(module.Location.File).Module(module);
}
