using System.Diagnostics;

namespace Palisade.GitOps.Tests.Support;

/// <summary>Runs git, ssh-keygen and gpg the way a person would, for building test repositories and keys.</summary>
internal static class Tools
{
    public static string Run(string program, string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Run(program, directory, environment, "", arguments);

    public static string Run(string program, string directory, IReadOnlyDictionary<string, string>? environment, string input, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Ana Lima";
        start.Environment["GIT_AUTHOR_EMAIL"] = "ana@example.com";
        start.Environment["GIT_AUTHOR_DATE"] = "2026-03-01T12:00:00Z";
        start.Environment["GIT_COMMITTER_NAME"] = "Bo Chen";
        start.Environment["GIT_COMMITTER_EMAIL"] = "bo@example.com";
        start.Environment["GIT_COMMITTER_DATE"] = "2026-03-01T12:30:00Z";
        start.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}");
        }

        return output;
    }
}
