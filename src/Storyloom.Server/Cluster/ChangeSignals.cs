using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Cluster;

/// <summary>
/// After a commit, tells who cares what changed: a book's cached answer is dropped (here, in Redis and on every node) and the
/// event streams of a task with a new event wake up (here at once, elsewhere through Redis). Signals wait for the commit, so
/// whoever they wake reads what was committed; <see cref="StoryloomDb"/> collects them while it saves.
/// </summary>
internal sealed class ChangeSignals(RedisLink link, IServiceProvider services, ILogger<ChangeSignals> log)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StoryloomDb { Database.CurrentTransaction: null } db)
        {
            await FlushAsync(db);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is StoryloomDb { Database.CurrentTransaction: null } db)
        {
            FlushAsync(db).GetAwaiter().GetResult();
        }
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StoryloomDb db)
        {
            await FlushAsync(db);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is StoryloomDb db)
        {
            FlushAsync(db).GetAwaiter().GetResult();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as StoryloomDb)?.PendingSignals.Clear();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as StoryloomDb)?.PendingSignals.Clear();

    private async Task FlushAsync(StoryloomDb db)
    {
        if (db.PendingSignals.Count == 0)
        {
            return;
        }
        var pending = db.PendingSignals.ToList();
        db.PendingSignals.Clear();
        var books = services.GetService<BookReadCache>();
        var tasks = services.GetService<TaskEventSignals>();
        foreach (var (kind, id) in pending)
        {
            if (kind == BookReadCache.Signal)
            {
                books?.Forget(id);
                if (link.Database is { } redis)
                {
                    try
                    {
                        await redis.KeyDeleteAsync(link.Key("book:" + id.ToString("N")));
                    }
                    catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
                    {
                        // The stamp check still refuses the stale entry; it expires by itself.
                        log.LogDebug("Could not drop book {Book} from Redis: {Reason}", id, e.Message);
                    }
                }
            }
            else
            {
                tasks?.Wake(id);
            }
            await link.SignalAsync(kind, id.ToString());
        }
    }
}
