using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>
/// Failed sign-ins slow down the one who fails, never the account's owner: the count is kept per email and source address, so
/// a stranger guessing from elsewhere cannot lock the owner out, and an unknown email is counted exactly like a known one (the
/// answers cannot tell them apart). The first Auth.MaxFailedLogins failures are free; each later one doubles the wait, from one
/// second up to Auth.LockoutDuration. Registration attempts that hit a taken email count the same way per address, so probing
/// for accounts through /register is no faster. With Redis the count is one for the whole cluster (a guesser gains nothing by
/// spreading tries over nodes); without it, or while it is away, each node keeps its own in memory.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock, StoryloomOptions options, Cluster.RedisLink link)
{
    // KEYS[1]: failures, KEYS[2]: the wait; ARGV: free failures, lockout ms. The same doubling as Next, on Redis's side.
    private static readonly StackExchange.Redis.LuaScript Fail = StackExchange.Redis.LuaScript.Prepare("""
        local n = redis.call('INCR', @count)
        local lockout = tonumber(@lockout)
        redis.call('PEXPIRE', @count, lockout * 2)
        local over = n - tonumber(@free)
        if over > 0 then
          local delay = math.min(1000 * 2 ^ math.min(over - 1, 30), lockout)
          redis.call('SET', @wait, 1, 'PX', math.floor(delay))
        end
        return n
        """);

    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private readonly record struct Entry(int Failures, DateTimeOffset Until, DateTimeOffset Seen);

    public static string Key(string email, HttpContext http) => $"{email}\n{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    public static string RegisterKey(HttpContext http) => Key("register:", http);

    /// <summary>How long the caller must wait before trying <paramref name="key"/> again; null when it may try now.</summary>
    public async ValueTask<TimeSpan?> WaitAsync(string key)
    {
        if (link.Database is { } db)
        {
            try
            {
                var left = await db.KeyTimeToLiveAsync(RedisKey("w", key));
                return left is { } l && l > TimeSpan.Zero ? l : null;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Redis went away: this node's own count answers.
            }
        }
        return Wait(key);
    }

    public async ValueTask FailedAsync(string key)
    {
        // Counted here as well, so that the node's own count is there if Redis goes away.
        Failed(key);
        if (link.Database is { } db)
        {
            try
            {
                await db.ScriptEvaluateAsync(Fail, new
                {
                    count = RedisKey("n", key),
                    wait = RedisKey("w", key),
                    free = options.Auth.MaxFailedLogins,
                    lockout = (long)options.Auth.LockoutDuration.TotalMilliseconds,
                });
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Counted on this node only.
            }
        }
    }

    public async ValueTask SucceededAsync(string key)
    {
        Succeeded(key);
        if (link.Database is { } db)
        {
            try
            {
                await db.KeyDeleteAsync([RedisKey("n", key), RedisKey("w", key)]);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // The count there expires by itself.
            }
        }
    }

    // Hashed: the key holds an email and an address, which have no business sitting in Redis in the clear.
    private StackExchange.Redis.RedisKey RedisKey(string part, string key) =>
        link.Key($"signin:{part}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))}");

    private TimeSpan? Wait(string key)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(key, out var e) && e.Until > now ? e.Until - now : null;
    }

    private void Failed(string key)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries) Prune(now);
        _entries.AddOrUpdate(key, _ => Next(0, now), (_, e) => Next(e.Failures, now));
    }

    private void Succeeded(string key) => _entries.TryRemove(key, out _);

    private Entry Next(int failures, DateTimeOffset now)
    {
        var n = failures + 1;
        var over = n - options.Auth.MaxFailedLogins;
        var delay = over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over - 1, 30)), options.Auth.LockoutDuration.TotalSeconds));
        return new Entry(n, now + delay, now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
        {
            if (e.Until < now && now - e.Seen > options.Auth.LockoutDuration) _entries.TryRemove(key, out _);
        }
    }

    /// <summary>429 with Retry-After, the same words whatever the email: the rate limiter's answer, understood by every client.</summary>
    public static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed attempts",
            detail: $"Wait {seconds} second(s) before trying again from here.", extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds });
    }
}
