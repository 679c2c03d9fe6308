using System.CommandLine;
using System.Diagnostics;

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

    /// <summary>
    /// Runs the built palisade (copied next to the tests) as a process in <paramref name="directory"/>, for what
    /// depends on the current folder, which in-process tests running in parallel cannot change.
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) RunProcess(string directory, params string[] args) =>
        RunProcessWithInput(directory, string.Empty, args);

    /// <summary>
    /// As <see cref="RunProcess(string, string[])"/>, with <paramref name="stdin"/> as its standard input (a name of its own, so a
    /// single argument is never taken for the input).
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) RunProcessWithInput(string directory, string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "palisade.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
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
