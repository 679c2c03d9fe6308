using System.CommandLine;
using Palisade.Cli.Commands;

namespace Palisade.Cli;

/// <summary>The <c>palisade</c> root command and its subcommands.</summary>
public static class PalisadeCommand
{
    public static RootCommand Create()
    {
        var configFile = TestCommand.ConfigFileOption();
        configFile.Description = "Configuration file for palisade test, given before the subcommand as conftest takes it.";
        var root = new RootCommand("Palisade keeps a Kubernetes cluster's network security policy in Git.")
        {
            configFile,
            GenerateCommand.Create(),
            EvalCommand.Create(),
            TestCommand.Create(configFile),
            VerifyCommand.Create(),
            SyncCommand.Create(),
            StatusCommand.Create(),
            DiffCommand.Create(),
            EventsCommand.Create(),
            WebhookCommand.Create(),
            ScanCommand.Create(),
            SandboxCommand.Create(),
        };
        return root;
    }
}
