using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Data.CompiledModels.PostgreSql;
using ClinikoIdP.Server.Data.CompiledModels.Sqlite;
using ClinikoIdP.Server.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClinikoIdP.UnitTests.Data;

/// <summary>
/// The server runs on the compiled models in Data/CompiledModels (EF Core finds them by an assembly attribute), not on
/// OnModelCreating. A model change that is not followed by <c>bash tools/model-changed.sh</c> fails here.
/// </summary>
public class CompiledModelTests
{
    private const string Regenerate = "The compiled model is out of date: run `bash tools/model-changed.sh` and commit Data/CompiledModels.";

    [Fact]
    public void SqliteRunsOnItsCompiledModelAndItMatchesTheModelTheCodeBuilds()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.IsType<IdpDbContextModel>(db.Model);
        AssertSameSchema(db);
    }

    [Fact]
    public void PostgreSqlRunsOnItsCompiledModelAndItMatchesTheModelTheCodeBuilds()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.IsType<PostgreSqlIdpDbContextModel>(db.Model);
        AssertSameSchema(db);
    }

    [Fact]
    public void TheComparisonSeesAChangedModel()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgres = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        // The providers' models differ in column types and in how times are stored, so this must not compare equal.
        Assert.NotEqual(Schema(sqlite.Model), Schema(postgres.GetService<IDesignTimeModel>().Model));
    }

    private static void AssertSameSchema(IdpDbContext db)
    {
        var compiled = Schema(db.Model);
        var built = Schema(db.GetService<IDesignTimeModel>().Model);

        var missing = built.Except(compiled).ToList();
        var extra = compiled.Except(built).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{Regenerate}\nOnly in the code's model:\n{string.Join("\n", missing)}\nOnly in the compiled model:\n{string.Join("\n", extra)}");
    }

    // What the running server relies on: tables, columns and their types and conversions, keys, relationships,
    // concurrency tokens and query filters. Indexes matter only to migrations, which are built from the code's model.
    private static List<string> Schema(IModel model) => [.. model.GetEntityTypes().SelectMany(EntityLines).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> EntityLines(IEntityType entity)
    {
        var name = entity.Name;
        yield return $"{name}: table {entity.GetSchema()}.{entity.GetTableName()} filter {entity.GetDeclaredQueryFilters().Count}";
        foreach (var property in entity.GetProperties())
        {
            yield return $"{name}.{property.Name}: {property.ClrType.Name} column {property.GetColumnName()} {property.GetColumnType()} "
                + $"null {property.IsNullable} max {property.GetMaxLength()} generated {property.ValueGenerated} "
                + $"concurrency {property.IsConcurrencyToken} converter {property.GetValueConverter()?.GetType().Name}";
        }

        foreach (var key in entity.GetKeys())
        {
            yield return $"{name} key ({Names(key.Properties)}) primary {key.IsPrimaryKey()}";
        }

        foreach (var foreignKey in entity.GetForeignKeys())
        {
            yield return $"{name} foreign key ({Names(foreignKey.Properties)}) to {foreignKey.PrincipalEntityType.Name} "
                + $"({Names(foreignKey.PrincipalKey.Properties)}) required {foreignKey.IsRequired} unique {foreignKey.IsUnique} "
                + $"delete {foreignKey.DeleteBehavior}";
        }
    }

    private static string Names(IEnumerable<IProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
