using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClinikoIdP.Server.Features.RegistrationCache;

/// <summary>
/// Copies every mapped column of an entity into a new, untracked instance. Cached registrations are handed out as
/// copies, so no request can change another's, and a copy that reaches an update carries every column (a column added
/// to the model later is copied too, because the list comes from the model, not from this file).
/// </summary>
public sealed class EntityCopy<TEntity>
    where TEntity : class, new()
{
    private readonly PropertyInfo[] columns;

    public EntityCopy(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entityType = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        columns = [.. entityType.GetProperties().Select(p => p.PropertyInfo).OfType<PropertyInfo>().Where(p => p.CanWrite)];
    }

    /// <summary>
    /// The request's own instance of a cached entity: the one its context already tracks, or a copy attached to the
    /// context as unchanged, so that later look-ups by key find it without a query and an update in the same request
    /// works (with the cached concurrency token, so a change made meanwhile elsewhere is refused, not overwritten).
    /// </summary>
    public TEntity TrackedIn(DbContext context, TEntity cached, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Set<TEntity>().Local.FindEntry(key) is { } tracked)
        {
            return tracked.Entity;
        }

        var copy = Copy(cached);
        context.Attach(copy);
        return copy;
    }

    public TEntity Copy(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var copy = new TEntity();
        foreach (var column in columns)
        {
            column.SetValue(copy, column.GetValue(entity));
        }

        return copy;
    }
}
