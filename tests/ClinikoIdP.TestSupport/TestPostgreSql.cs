using Npgsql;

namespace ClinikoIdP.TestSupport;

/// <summary>
/// The PostgreSQL server test.sh starts (tests/services/postgres.sh) and exports as <see cref="Variable"/>: fresh
/// databases on it, and stopping and starting it to show what an outage does.
/// </summary>
public static class TestPostgreSql
{
    public const string Variable = "CLINIKOIDP_TEST_POSTGRES";

    /// <summary>The maintenance connection string; fails clearly when the server was not started.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which starts a PostgreSQL server "
                + "(tests/services/postgres.sh) and exports it.");

    /// <summary>Creates an empty database and returns its name and connection string.</summary>
    public static (string Name, string ConnectionString) CreateDatabase()
    {
        var server = ServerConnectionString();
        var name = "clinikoidp_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing anything still connected to it.</summary>
    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
