using Microsoft.Data.Sqlite;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>
/// Fills the SQLite file with users and token rows straight in SQL (the server is stopped meanwhile), to see how
/// latency grows with data. Columns the benchmark does not know get a neutral value so that schema changes don't break it.
/// </summary>
public static class DataGrowth
{
    public static async Task<long> CountTokens(string sqliteFile)
    {
        await using var connection = new SqliteConnection($"Data Source={sqliteFile}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM OpenIddictTokens";
        return (long)(await count.ExecuteScalarAsync() ?? 0L);
    }

    public static async Task Fill(string sqliteFile, int users, int tokens)
    {
        var now = DateTime.UtcNow;
        await using var connection = new SqliteConnection($"Data Source={sqliteFile}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await Insert(connection, "AspNetUsers", users, new Dictionary<string, string>
        {
            ["Id"] = "'bench-user-' || i",
            ["UserName"] = "'user' || i || '@bench.example'",
            ["NormalizedUserName"] = "'USER' || i || '@BENCH.EXAMPLE'",
            ["Email"] = "'user' || i || '@bench.example'",
            ["NormalizedEmail"] = "'USER' || i || '@BENCH.EXAMPLE'",
            ["SecurityStamp"] = "hex(randomblob(16))",
            ["ConcurrencyStamp"] = "hex(randomblob(16))",
        });
        await Insert(connection, "OpenIddictTokens", tokens, new Dictionary<string, string>
        {
            ["Id"] = "'bench-token-' || i",
            ["Subject"] = $"'bench-user-' || (i % {Math.Max(1, users)})",
            ["Type"] = "'refresh_token'",
            ["Status"] = "CASE WHEN i % 4 = 0 THEN 'redeemed' ELSE 'valid' END",
            ["CreationDate"] = $"'{now.AddDays(-1):yyyy-MM-dd HH:mm:ss}'",
            ["ExpirationDate"] = $"'{now.AddDays(13):yyyy-MM-dd HH:mm:ss}'",
            ["ReferenceId"] = "hex(randomblob(16))",
            ["ConcurrencyToken"] = "hex(randomblob(8))",
        });
        await transaction.CommitAsync();
    }

    private static async Task Insert(SqliteConnection connection, string table, int rows, Dictionary<string, string> known)
    {
        var columns = new List<(string Name, string Value)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (name, type, notNull, hasDefault) = (reader.GetString(1), reader.GetString(2), reader.GetInt64(3) == 1, !reader.IsDBNull(4));
                if (known.TryGetValue(name, out var value))
                {
                    columns.Add((name, value));
                }
                else if (notNull && !hasDefault)
                {
                    columns.Add((name, type.Contains("INT", StringComparison.OrdinalIgnoreCase) ? "0" : type.Contains("BLOB", StringComparison.OrdinalIgnoreCase) ? "x''" : "''"));
                }
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText =
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))})
            SELECT {string.Join(", ", columns.Select(c => c.Value))} FROM n
            """;
        insert.CommandTimeout = 600;
        await insert.ExecuteNonQueryAsync();
    }
}
