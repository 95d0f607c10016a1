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

    /// <summary>Creates an empty database (on the given server, or the shared test server) and returns its name and connection string.</summary>
    public static (string Name, string ConnectionString) CreateDatabase(string? serverConnectionString = null)
    {
        var server = serverConnectionString ?? ServerConnectionString();
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
    public static void DropDatabase(string name, string? serverConnectionString = null)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(serverConnectionString ?? ServerConnectionString());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>
    /// A PostgreSQL server of the test's own (its own port and data directory, via tests/services/postgres.sh), for
    /// tests that stop it: stopping the shared one would pull the database from under tests running beside them.
    /// </summary>
    public sealed class PrivateServer : IDisposable
    {
        private readonly string script;
        private readonly Dictionary<string, string> environment;

        public PrivateServer(string repositoryRoot, int port)
        {
            script = Path.Combine(repositoryRoot, "tests", "services", "postgres.sh");
            environment = new()
            {
                ["CLINIKOIDP_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CLINIKOIDP_PG_DATA"] = Path.Combine(Path.GetTempPath(), "clinikoidp-pg-" + Guid.NewGuid().ToString("N")),

                // This server is killed on purpose: it must not lose acknowledged commits when it is.
                ["CLINIKOIDP_PG_DURABLE"] = "1",
            };
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
            Run("start");
        }

        public string ConnectionString { get; }

        /// <summary>Stops the server at once, as a crash would (no checkpoint, connections cut).</summary>
        public void Kill() => Run("kill");

        public void Start() => Run("start");

        public void Dispose()
        {
            Run("stop");
            try
            {
                Directory.Delete(environment["CLINIKOIDP_PG_DATA"], recursive: true);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Owned by the postgres user or still closing; the temporary directory is cleaned by the OS eventually.
            }
        }

        private void Run(string command)
        {
            var start = new System.Diagnostics.ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(command);
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"postgres.sh {command} failed ({process.ExitCode}): {error}");
            }
        }
    }
}
