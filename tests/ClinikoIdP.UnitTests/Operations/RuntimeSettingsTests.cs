using System.Text.Json;

namespace ClinikoIdP.UnitTests.Operations;

/// <summary>The runtime settings the server's build writes into its runtimeconfig.json (docs/performance.md).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void TheServerRunsWithTheWorkstationGarbageCollector()
    {
        // The Web SDK turns Server GC on; only the MSBuild property ServerGarbageCollection turns it off (a property
        // with another name is silently ignored, as ServerGarbageCollector was until this test).
        var path = Path.Combine(AppContext.BaseDirectory, "ClinikoIdP.Server.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var settings = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(settings.GetProperty("System.GC.Server").GetBoolean());
    }
}
