using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// A transaction that begins at a unit of work's first <c>SaveChanges</c> on its context rather than at its start, so
/// the reads and the CPU work before it (finding and decrypting the presented token, loading the user) run beside
/// other units' transactions instead of inside them. On SQLite that first write also waits for the process's write turn
/// (<see cref="SqliteWriteTurns"/>), and the turn is held until the transaction ends.
/// </summary>
/// <remarks>
/// What the reads saw may change before the first write; the writes that depend on it carry their own check
/// (OpenIddict redeems and revokes tokens with optimistic concurrency tokens), as they do on PostgreSQL's read
/// committed transactions anyway. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> statements issued before the first
/// <c>SaveChanges</c> run in their own transaction.
/// </remarks>
public sealed class FirstWriteTransaction : SaveChangesInterceptor
{
    public static readonly FirstWriteTransaction Interceptor = new();

    private static readonly AsyncLocal<Scope?> Current = new();

    private FirstWriteTransaction()
    {
    }

    /// <summary>Starts a unit of work on <paramref name="db"/> in this asynchronous flow; dispose it when it ends.</summary>
    /// <param name="deferWrites">
    /// Whether stores that can (the token store of grants) only track their changes, for <see cref="Scope.SaveAndCommitAsync"/>
    /// to write at the end, instead of saving them as they go.
    /// </param>
    public static Scope Begin(IdpDbContext db, SqliteWriteTurns writeTurns, bool deferWrites = false) =>
        Current.Value = new Scope(db, writeTurns, deferWrites);

    /// <summary>Whether a unit of work on <paramref name="context"/> in this flow asked for its writes to be deferred.</summary>
    public static bool DefersWritesOf(DbContext context) => ScopeOf(context) is { DefersWrites: true };

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (ScopeOf(eventData.Context) is { } scope)
        {
            await scope.BeginAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ScopeOf(eventData.Context)?.Begin();
        return result;
    }

    // An ended scope can still be seen by the code after it in the flow that began it (an async method's changes to an
    // AsyncLocal do not flow back to its caller, so DisposeAsync cannot clear it there): it begins nothing.
    private static Scope? ScopeOf(DbContext? context) =>
        Current.Value is { Ended: false } scope && context is not null && ReferenceEquals(scope.Db, context) ? scope : null;

    public sealed class Scope : IAsyncDisposable
    {
        private readonly SqliteWriteTurns writeTurns;
        private IDisposable? turn;
        private IDbContextTransaction? transaction;

        internal Scope(IdpDbContext db, SqliteWriteTurns writeTurns, bool deferWrites)
        {
            Db = db;
            this.writeTurns = writeTurns;
            DefersWrites = deferWrites;
        }

        internal IdpDbContext Db { get; }

        internal bool DefersWrites { get; }

        internal bool Ended { get; private set; }

        /// <summary>Whether anything was written, and so there is a transaction to end.</summary>
        public bool HasBegun => transaction is not null;

        public Task CommitAsync() => transaction?.CommitAsync(CancellationToken.None) ?? Task.CompletedTask;

        /// <summary>
        /// Saves what deferring stores left tracked (the first write, so the transaction begins here if nothing began it
        /// before), then commits. A <see cref="DbUpdateConcurrencyException"/> means a deferred update lost to another
        /// unit of work; nothing is kept.
        /// </summary>
        public async Task SaveAndCommitAsync()
        {
            if (Db.ChangeTracker.HasChanges())
            {
                await Db.SaveChangesAsync(CancellationToken.None);
            }

            await CommitAsync();
        }

        public Task RollbackAsync() => transaction?.RollbackAsync(CancellationToken.None) ?? Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            Ended = true;
            try
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync(); // rolls back what was neither committed nor rolled back
                }
            }
            finally
            {
                turn?.Dispose();
            }
        }

        internal async Task BeginAsync(CancellationToken cancellationToken)
        {
            if (transaction is not null || Db.Database.CurrentTransaction is not null)
            {
                return;
            }

            turn ??= await writeTurns.WaitForTurnAsync(cancellationToken);
            transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        }

        internal void Begin()
        {
            if (transaction is not null || Db.Database.CurrentTransaction is not null)
            {
                return;
            }

            turn ??= writeTurns.WaitForTurn();
            transaction = Db.Database.BeginTransaction();
        }
    }
}
