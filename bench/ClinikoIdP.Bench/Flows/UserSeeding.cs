using Microsoft.Data.Sqlite;

namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// Many sign-in users fast. The admin CLI creates one user (a process and a password hash each, ~4 CPU s), so on SQLite
/// that user's row is copied under new names while the server is stopped: every copy holds the same real
/// PBKDF2-HMAC-SHA512 hash, which the server verifies in full at each sign-in. Each copy then enrols its own
/// authenticator through the real enrolment pages.
/// </summary>
public static class UserSeeding
{
    public static async Task CopyUser(string sqliteFile, string templateEmail, IReadOnlyList<string> emails)
    {
        await using var connection = new SqliteConnection($"Data Source={sqliteFile}");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(\"AspNetUsers\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(1));
            }
        }

        var replaced = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Id"] = "lower(hex(randomblob(16)))",
            ["UserName"] = "$email",
            ["NormalizedUserName"] = "upper($email)",
            ["Email"] = "$email",
            ["NormalizedEmail"] = "upper($email)",
            ["SecurityStamp"] = "hex(randomblob(16))",
            ["ConcurrencyStamp"] = "lower(hex(randomblob(16)))",
        };
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            $"""
            INSERT INTO "AspNetUsers" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", columns.Select(c => replaced.GetValueOrDefault(c, $"\"{c}\"")))}
            FROM "AspNetUsers" WHERE "NormalizedEmail" = upper($template)
            """;
        insert.Parameters.AddWithValue("$template", templateEmail);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        foreach (var address in emails)
        {
            email.Value = address;
            if (await insert.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException($"the template user {templateEmail} was not found to copy");
            }
        }

        await transaction.CommitAsync();
    }
}
