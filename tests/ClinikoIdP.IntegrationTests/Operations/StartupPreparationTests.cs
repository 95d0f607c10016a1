using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>
/// The database is prepared from the moment the host is built, beside the building of the pipeline (issue #7); the
/// host's start waits for that same preparation, so nothing is served before it has ended, and it runs once.
/// </summary>
public class StartupPreparationTests
{
    [Fact]
    public void TheServerStartsOnlyAfterTheOnePreparationBegunAtBuildHasEnded()
    {
        using var database = TestDatabase.CreateTemporary();
        using var node = IdpFactory.On(database);
        _ = node.Server;

        var initializer = node.Services.GetRequiredService<DatabaseInitializer>();
        var preparation = initializer.Begin();
        Assert.True(preparation.IsCompletedSuccessfully);
        Assert.Same(preparation, initializer.Begin());
    }
}
