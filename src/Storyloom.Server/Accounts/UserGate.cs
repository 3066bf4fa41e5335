using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Storyloom.Server.Data;

namespace Storyloom.Server.Accounts;

/// <summary>What every authenticated request needs to know about its user, cached briefly so reads stay fast.</summary>
internal sealed record UserState(Guid Id, string Role, bool IsDisabled, DateTime TokensValidAfter)
{
    /// <summary>An access token is good while the user is enabled and it was issued under the current TokensValidAfter (or later).</summary>
    public bool Accepts(long tokensValidAfterMs) => !IsDisabled && tokensValidAfterMs >= UnixMs(TokensValidAfter);

    public static long UnixMs(DateTime utc) => (long)Math.Floor((utc - DateTime.UnixEpoch).TotalMilliseconds);
}

/// <summary>
/// Looks up <see cref="UserState"/> for the access-token and API-key checks. Entries live <see cref="Lifetime"/>;
/// a change made through this server calls <see cref="Forget"/>, and <see cref="RevocationWatcher"/> calls
/// <see cref="ForgetAll"/> within a second or two of a change made elsewhere (the CLI, another server).
/// </summary>
internal sealed class UserGate
{
    private readonly IMemoryCache _cache;
    private readonly Cluster.RedisLink _link;

    public UserGate(IMemoryCache cache, Cluster.RedisLink link)
    {
        _cache = cache;
        _link = link;
        // A change on any node (disable, role, password) drops the entry on every node at once; after an outage, all of them.
        link.On("user", id => { if (Guid.TryParse(id, out var userId)) ForgetHere(userId); });
        link.OnRestored(ForgetAll);
    }

    /// <summary>The longest a change can go unseen if the watcher cannot reach the database.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private int _generation;

    /// <summary>The DbContext is taken from <paramref name="services"/> only on a miss: a hit costs no database work at all.</summary>
    public async ValueTask<UserState?> FindAsync(Guid userId, IServiceProvider services, CancellationToken ct)
    {
        var key = CacheKey(userId);
        if (_cache.TryGetValue(key, out UserState? state))
        {
            return state;
        }
        var db = services.GetRequiredService<StoryloomDb>();
        state = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserState(u.Id, u.Role, u.IsDisabled, u.TokensValidAfter))
            .FirstOrDefaultAsync(ct);
        // A missing user is cached too: a deleted account should not cost a query per request.
        _cache.Set(key, state, Lifetime);
        return state;
    }

    /// <summary>Drops the entry here and, through Redis, on every other node (the watcher covers the rest without Redis).</summary>
    public async Task ForgetAsync(Guid userId)
    {
        ForgetHere(userId);
        await _link.SignalAsync("user", userId.ToString());
    }

    public void ForgetHere(Guid userId) => _cache.Remove(CacheKey(userId));

    /// <summary>Every cached entry is ignored from now on (the old ones simply expire).</summary>
    public void ForgetAll() => Interlocked.Increment(ref _generation);

    private (string, int, Guid) CacheKey(Guid userId) => ("user-gate", Volatile.Read(ref _generation), userId);
}
