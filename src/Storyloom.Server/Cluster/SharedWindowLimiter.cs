using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Storyloom.Server.Cluster;

/// <summary>
/// A fixed window of <c>permits</c> per <c>window</c> for one caller, counted in Redis so that every node spends the same
/// budget. One Lua script takes a permit atomically (INCR on the window's key, on Redis's own clock), so the count is exact
/// under any concurrency. While Redis is away the node's own window counts instead, as it does without Redis.
/// </summary>
internal sealed class SharedWindowLimiter(RedisLink link, string key, int permits, TimeSpan window) : RateLimiter
{
    // KEYS[1]: the caller's key; ARGV[1]: window in ms. Returns {count in this window, ms until the window ends}.
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local w = tonumber(@window)
        local k = @key .. ':' .. math.floor(now / w)
        local n = redis.call('INCR', k)
        if n == 1 then redis.call('PEXPIRE', k, w) end
        return {n, w - (now % w)}
        """);

    private readonly FixedWindowRateLimiter _local = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
    });

    private readonly RedisKey _key = link.Key("rl:" + key);

    public override TimeSpan? IdleDuration => _local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    // The middleware tries this synchronous path first and waits on AcquireAsync only when it fails: with Redis up, it must
    // fail (a permit is taken only in Redis); without Redis the node's own count answers at once.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        link.Database is null ? _local.AttemptAcquire(permitCount) : Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (link.Database is { } db)
        {
            try
            {
                var answer = (RedisResult[])(await db.ScriptEvaluateAsync(Take, new { key = _key, window = (long)window.TotalMilliseconds }))!;
                var count = (long)answer[0];
                return count <= permits ? Lease.Granted : new Lease(TimeSpan.FromMilliseconds((long)answer[1]));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis went away mid-request: this request, and the next ones until it is back, count on this node.
            }
        }
        return await _local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);
        public static readonly Lease NotYet = new(TimeSpan.Zero);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = after;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
