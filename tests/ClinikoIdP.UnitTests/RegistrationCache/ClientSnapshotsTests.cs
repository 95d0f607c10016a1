using ClinikoIdP.Server.Features.RegistrationCache;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.EntityFrameworkCore.Models;

namespace ClinikoIdP.UnitTests.RegistrationCache;

public class ClientSnapshotsTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-11-28T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static OpenIddictEntityFrameworkCoreApplication Client(string clientId) => new() { Id = Guid.NewGuid().ToString(), ClientId = clientId };

    [Fact]
    public void AKeptClientIsFoundUntilItsLifetimeEnds()
    {
        var snapshots = new ClientSnapshots(clock);
        var client = Client("billing");

        snapshots.Keep("billing", client, snapshots.Version);

        Assert.Same(client, snapshots.Find("billing"));
        Assert.Null(snapshots.Find("appointments"));
        clock.Advance(ClientSnapshots.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Same(client, snapshots.Find("billing"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(snapshots.Find("billing"));
    }

    [Fact]
    public void InvalidatingDropsEveryClient()
    {
        var snapshots = new ClientSnapshots(clock);
        snapshots.Keep("billing", Client("billing"), snapshots.Version);
        snapshots.Keep("appointments", Client("appointments"), snapshots.Version);

        snapshots.Invalidate();

        Assert.Null(snapshots.Find("billing"));
        Assert.Null(snapshots.Find("appointments"));
    }

    [Fact]
    public void AClientReadBeforeAChangeIsNotKept()
    {
        var snapshots = new ClientSnapshots(clock);
        var versionBeforeLookUp = snapshots.Version;

        snapshots.Invalidate(); // the client changed while the look-up was running
        snapshots.Keep("billing", Client("billing"), versionBeforeLookUp);

        Assert.Null(snapshots.Find("billing"));
    }
}
