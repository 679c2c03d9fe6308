namespace Palisade.Testing;

/// <summary>
/// Finds the public test suites kept beside the checkout (<c>../shared</c>) by walking up from the test binaries.
/// Tests that need one are skipped, saying why, when it is absent.
/// </summary>
internal static class SharedData
{
    private static readonly string? RootPath = Find();

    /// <summary>The path of <paramref name="relative"/> under shared/ (e.g. <c>conftest/examples</c>), or the test is skipped.</summary>
    public static string Require(string relative)
    {
        var path = RootPath is null ? null : Path.Combine(RootPath, relative);
        if (path is null || !(Directory.Exists(path) || File.Exists(path)))
        {
            Assert.Skip($"shared/{relative} not found above {AppContext.BaseDirectory}: the public test suites are not checked out beside the repository");
        }

        return path;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(shared) && Directory.EnumerateDirectories(shared).Any())
            {
                return shared;
            }
        }

        return null;
    }
}
