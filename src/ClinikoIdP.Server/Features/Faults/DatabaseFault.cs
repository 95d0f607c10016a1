using System.Data.Common;

namespace ClinikoIdP.Server.Features.Faults;

/// <summary>Tells an exception that means "the database can't be used right now" from a bug.</summary>
public static class DatabaseFault
{
    /// <summary>
    /// A provider's <see cref="DbException"/> (also inside EF Core's DbUpdateException or RetryLimitExceededException)
    /// or a timeout, anywhere in the chain. Integrity violations (SQLSTATE class 23) are not outages and stay errors.
    /// </summary>
    public static bool Is(Exception? exception) => Find(exception) is not null;

    /// <summary>The exception that shows the fault, for the log line; null when there is none.</summary>
    public static Exception? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbException database when database.SqlState?.StartsWith("23", StringComparison.Ordinal) != true:
                    return database;
                case DbException:
                    return null;
                case TimeoutException:
                    return current;
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 1:
                    return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
