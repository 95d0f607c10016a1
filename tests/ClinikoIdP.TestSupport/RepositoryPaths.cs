namespace ClinikoIdP.TestSupport;

/// <summary>Where the repository is, seen from a test assembly in its bin folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding ClinikoIdP.sln.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClinikoIdP.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ClinikoIdP.sln not found above the test assembly.");
    }
}
