namespace Palisade.Rego.Tests.Parsing;

/// <summary>Finds the shared test data (<c>../shared</c> beside the checkout) by walking up from the test binaries.</summary>
internal static class SharedData
{
    private static readonly string? RootPath = Find();

    public static string Root
    {
        get
        {
            if (RootPath is null)
            {
                Assert.Skip("shared test data (shared/opa-cases) not found above " + AppContext.BaseDirectory);
            }

            return RootPath;
        }
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "opa-cases")))
            {
                return shared;
            }
        }

        return null;
    }
}
