using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Data.PostgreSql;

/// <summary>
/// The same model as <see cref="IdpDbContext"/> on PostgreSQL, with its own migration set
/// (<c>Data/Migrations/PostgreSql</c>). Code everywhere else asks for <see cref="IdpDbContext"/>.
/// </summary>
public sealed class PostgreSqlIdpDbContext(DbContextOptions<PostgreSqlIdpDbContext> options) : IdpDbContext(options)
{
    // PostgreSQL compares and orders timestamptz natively, so times stay readable to a person running psql or pg_dump
    // (the SQLite model stores them as sortable numbers).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}
