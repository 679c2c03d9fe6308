using System.CommandLine;
using Palisade.Cli.Commands;

namespace Palisade.Cli;

/// <summary>The <c>palisade</c> root command and its subcommands.</summary>
public static class PalisadeCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Palisade keeps a Kubernetes cluster's network security policy in Git.")
        {
            GenerateCommand.Create(),
            EvalCommand.Create(),
            TestCommand.Create(),
            VerifyCommand.Create(),
        };
        return root;
    }
}
