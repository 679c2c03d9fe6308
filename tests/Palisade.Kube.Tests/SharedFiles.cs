namespace Palisade.Kube.Tests;

/// <summary>
/// Finds the project's shared/ folder (reference files kept beside the repository checkout, not in it): walks up
/// from the test binaries to the first folder with a <c>shared/calico</c> inside. Tests that need it skip, saying
/// why, when it is absent.
/// </summary>
internal static class SharedFiles
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "calico")))
            {
                return candidate;
            }
        }

        return null;
    });

    /// <summary>The path of <paramref name="relative"/> under shared/, or the test is skipped.</summary>
    public static string Require(string relative)
    {
        if (Root.Value is null)
        {
            Assert.Skip($"no shared/calico folder above {AppContext.BaseDirectory}: the Calico reference files are not checked out beside the repository");
        }

        var path = Path.Combine(Root.Value, relative);
        if (!Path.Exists(path))
        {
            Assert.Skip($"{path} is missing from the shared folder");
        }

        return path;
    }
}
