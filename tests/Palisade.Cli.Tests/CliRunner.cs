using System.CommandLine;

namespace Palisade.Cli.Tests;

/// <summary>Runs the palisade command in-process, capturing what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = PalisadeCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository's root folder, found from the test binaries by its solution file.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "palisade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("palisade.sln not found above " + AppContext.BaseDirectory);
    }
}
