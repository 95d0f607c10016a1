using System.Data.Common;
using ClinikoIdP.Server.Features.Faults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinikoIdP.UnitTests.Faults;

public class DatabaseFaultTests
{
    [Fact]
    public void RecognisesAProviderErrorAloneOrWrappedByEfCore()
    {
        var dead = new SqliteException("SQLite Error 10: 'disk I/O error'.", 10);
        Assert.True(DatabaseFault.Is(dead));
        Assert.True(DatabaseFault.Is(new DbUpdateException("save failed", dead)));
        Assert.True(DatabaseFault.Is(new RetryLimitExceededException("gave up", dead)));
        Assert.True(DatabaseFault.Is(new InvalidOperationException("outer", new TimeoutException("connect timed out"))));
    }

    [Fact]
    public void LeavesBugsAndIntegrityViolationsAsErrors()
    {
        Assert.False(DatabaseFault.Is(new InvalidOperationException("a bug")));
        Assert.False(DatabaseFault.Is(new DbUpdateConcurrencyException("someone else changed it")));
        Assert.False(DatabaseFault.Is(new DbUpdateException("duplicate", new IntegrityViolation())));
    }

    private sealed class IntegrityViolation() : DbException("duplicate key value violates unique constraint")
    {
        public override string SqlState => "23505";
    }
}
