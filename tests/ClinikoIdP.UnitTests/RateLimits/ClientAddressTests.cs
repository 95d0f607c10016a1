using System.Net;
using ClinikoIdP.Server.Features.RateLimits;

namespace ClinikoIdP.UnitTests.RateLimits;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::ffff", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void GroupsIPv6ByItsSlash64AndKeepsIPv4Whole(string address, string key) =>
        Assert.Equal(key, ClientAddress.PartitionKey(IPAddress.Parse(address)));

    [Fact]
    public void PutsRequestsWithoutAnAddressInOnePartition() =>
        Assert.Equal(ClientAddress.Unknown, ClientAddress.PartitionKey(null));
}
