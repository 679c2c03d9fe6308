using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;

namespace Palisade.Policy.Conftest;

/// <summary>The settings of one <c>palisade test</c> run, named after conftest's flags.</summary>
public sealed record ConftestOptions
{
    /// <summary>Policy files and folders (<c>--policy</c>); conftest's default is <c>policy</c>.</summary>
    public IReadOnlyList<string> Policies { get; init; } = ["policy"];

    /// <summary>Data files and folders (<c>--data</c>), placed under data as OPA places them.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Namespace patterns (<c>--namespace</c>), matched as Go's <c>path.Match</c> matches.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["main"];

    /// <summary>Check every package the policies declare (<c>--all-namespaces</c>).</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>Check all inputs as one array of <c>{path, contents}</c> (<c>--combine</c>).</summary>
    public bool Combine { get; init; }

    /// <summary>A regular expression; paths found while walking folders that match it are skipped (<c>--ignore</c>).</summary>
    public string? Ignore { get; init; }

    /// <summary>The parser every input is read with (<c>--parser</c>); null picks one by file extension.</summary>
    public string? Parser { get; init; }

    /// <summary>OPA's compiler strict mode (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>The builtins policies may call (<c>--capabilities</c> narrows them).</summary>
    public BuiltinRegistry Builtins { get; init; } = BuiltinRegistry.Default;

    public RegoVersion RegoVersion { get; init; } = RegoVersion.V1;

    /// <summary>Record, per query, which file it ran for, its evaluation trace and what it printed (<c>--trace</c>).</summary>
    public bool Trace { get; init; }

    /// <summary>
    /// Fail the run when a builtin errs (<c>--show-builtin-errors</c>); by default such an expression is merely
    /// undefined, as in OPA, and a rule that hinges on it silently passes.
    /// </summary>
    public bool ShowBuiltinErrors { get; init; }

    /// <summary>
    /// The longest one rule may evaluate on one document before the run fails with <c>eval_cancel_error</c>; none by
    /// default, as in conftest. Set where the policies are not trusted to end quickly, such as the sync's gate.
    /// </summary>
    public TimeSpan? QueryTimeout { get; init; }

    /// <summary>
    /// The folder below which <c>parse_config_file</c> and <c>parse_combined_config_files</c> may read; null lets them
    /// read any file, as in conftest. Set where the policies come from elsewhere, such as the sync's gate, so that a
    /// commit cannot read the controller's own files into a message.
    /// </summary>
    public string? FileRoot { get; init; }
}
