namespace Palisade.WebhookBenchmark;

/// <summary>The repository root (the folder holding palisade.sln) and the shared data beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        // Walk up from the build output, so the benchmark runs from any working directory.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "palisade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("palisade.sln was not found above " + AppContext.BaseDirectory);
    }

    public static string ExamplePolicy(string root) => Path.Combine(root, "examples", "policy-repo", "policy");

    public static string ExamplePolicies(string root) => Path.Combine(root, "examples", "policy-repo", "policies");

    /// <summary>The gatekeeper-library checkout in the shared folder next to the repository (never copied into it).</summary>
    public static string GatekeeperLibrary(string root) => Path.GetFullPath(Path.Combine(root, "..", "shared", "gatekeeper-library", "library"));
}
