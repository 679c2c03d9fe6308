namespace Palisade.Rego.Ast;

/// <summary>The dialect a module is written in, chosen per module as OPA does.</summary>
public enum RegoVersion
{
    /// <summary>Rego v0 (OPA's <c>--v0-compatible</c>): bodies without <c>if</c>, future keywords only when imported.</summary>
    V0,

    /// <summary>Rego v1, the OPA 1.x default.</summary>
    V1,

    /// <summary>A v0 module that imports <c>rego.v1</c>: parsed as v0 but held to v1's rules.</summary>
    V0CompatibleV1,
}
