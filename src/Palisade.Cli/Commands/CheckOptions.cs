using System.CommandLine;
using Palisade.Policy.Reporting;

namespace Palisade.Cli.Commands;

/// <summary>The options <c>palisade test</c> and <c>palisade scan</c> share, with conftest's names, defaults and meanings.</summary>
internal sealed class CheckOptions
{
    public CheckOptions()
    {
        Output.AcceptOnlyFromAmong([.. Reporters.Names]);
        RegoVersion.AcceptOnlyFromAmong("v0", "v1");
    }

    public Option<string[]> Data { get; } = new("--data", "-d") { Description = "Data files or folders (.json, .yaml), placed under data by folder path." };

    public Option<string[]> Namespace { get; } = new("--namespace", "-n") { Description = "Namespaces to check; glob patterns (* ? [...]) as in Go's path.Match.", DefaultValueFactory = _ => ["main"] };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces") { Description = "Check every namespace the policies declare." };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "stdout" };

    public Option<string> RegoVersion { get; } = new("--rego-version") { Description = "Rego version of the policies: v0 or v1.", DefaultValueFactory = _ => "v1" };

    public Option<bool> V0Compatible { get; } = new("--v0-compatible") { Description = "Same as --rego-version v0." };

    public Option<bool> FailOnWarn { get; } = new("--fail-on-warn") { Description = "Exit 1 on warnings, 2 on failures." };

    public Option<bool> NoFail { get; } = new("--no-fail") { Description = "Exit 0 even when policies fail." };
}
