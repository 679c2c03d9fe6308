using Palisade.Rego.Ast;

namespace Palisade.Rego.Parsing;

public sealed record ParserOptions
{
    public static readonly ParserOptions Default = new();

    /// <summary>The version a module is read as unless it says otherwise (v0 modules may opt into v1 with <c>import rego.v1</c>).</summary>
    public RegoVersion DefaultVersion { get; init; } = RegoVersion.V1;

    /// <summary>Named in locations and error messages.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>Deepest nesting of terms and bodies accepted; deeper input is an error rather than a stack overflow.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>Longest source accepted, in characters.</summary>
    public int MaxLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Whether <c># METADATA</c> blocks are read and attached (OPA's ProcessAnnotation). On by default, as OPA's loader
    /// and engine have it; a block with invalid YAML or a misplaced scope is then a parse error.
    /// </summary>
    public bool ProcessAnnotations { get; init; } = true;
}
