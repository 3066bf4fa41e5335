using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Cluster;

/// <summary>The optional Redis every API node and worker shares (Storyloom:Redis:ConnectionString); empty: each node keeps its own state.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string such as <c>redis:6379</c>; empty (default): no Redis.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Put before every key and the pub/sub channel, so that several deployments (or test runs) can share one Redis.</summary>
    public string Prefix { get; set; } = "storyloom:";

    public bool IsSet => !string.IsNullOrWhiteSpace(ConnectionString);

    public IEnumerable<string> Problems()
    {
        if (!IsSet)
        {
            yield break;
        }
        string? problem = null;
        try
        {
            ConfigurationOptions.Parse(ConnectionString!);
        }
        catch (Exception e) when (e is ArgumentException or RedisConnectionException)
        {
            problem = e.Message;
        }
        if (problem is not null)
        {
            yield return $"Storyloom:Redis:ConnectionString cannot be read ({problem}); use host:port, e.g. redis:6379";
        }
    }
}

/// <summary>
/// The one Redis connection of a process, and the one pub/sub channel all nodes share. Never in a request's way: while Redis
/// is unreachable <see cref="IsUp"/> is false, callers use their per-node state, one warning is logged, and the connection
/// comes back by itself (StackExchange.Redis reconnects and resubscribes); <see cref="OnRestored"/> hooks then drop what
/// may have been missed meanwhile.
/// </summary>
internal sealed class RedisLink : IDisposable
{
    private readonly RedisChannel _channel;
    private readonly string _prefix;

    private readonly ILogger<RedisLink> _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Action<string>>> _handlers = [];
    private readonly List<Action> _restored = [];
    private readonly ConnectionMultiplexer? _redis;
    private int _down;
    private int _subscribed;

    public RedisLink(StoryloomOptions options, ILogger<RedisLink> log)
    {
        _log = log;
        _prefix = options.Redis.Prefix;
        _channel = RedisChannel.Literal(_prefix + "signals");
        if (!options.Redis.IsSet)
        {
            return;
        }
        var config = ConfigurationOptions.Parse(options.Redis.ConnectionString!);
        // Start and keep going without it: a Redis that is down is a warning, not a node that will not start.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        // A request waits at most this long on a Redis that stopped answering before it falls back to per-node state.
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 500);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 500);
        config.ReconnectRetryPolicy = new LinearRetry(500);
        config.ClientName ??= "storyloom";
        _redis = ConnectionMultiplexer.Connect(config);
        _redis.ConnectionFailed += (_, e) => MarkDown(e.FailureType + (e.Exception is { } x ? ": " + x.Message : ""));
        _redis.ConnectionRestored += (_, _) => MarkUp();
        // Subscribed before the node takes requests (the link is made at start-up, RedisStart), or on the first reconnect.
        SubscribeAsync().GetAwaiter().GetResult();
        if (!_redis.IsConnected)
        {
            MarkDown("not reachable at start");
        }
    }

    /// <summary>True when Redis is configured at all (even if it is down now).</summary>
    public bool IsConfigured => _redis is not null;

    /// <summary>True while Redis answers; false without one, or while it is unreachable.</summary>
    public bool IsUp => _redis is { IsConnected: true } && Volatile.Read(ref _down) == 0 && Volatile.Read(ref _subscribed) == 1;

    /// <summary>A key of this deployment: the prefix, then <paramref name="name"/>.</summary>
    public RedisKey Key(string name) => _prefix + name;

    /// <summary>The database, only while it is connected (the pub/sub side may lag behind by a moment).</summary>
    public IDatabase? Database => _redis is { IsConnected: true } ? _redis.GetDatabase() : null;

    /// <summary>Runs <paramref name="handler"/> with the value of every signal of <paramref name="kind"/> sent by any node (this one too).</summary>
    public void On(string kind, Action<string> handler)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(kind, out var list))
            {
                _handlers[kind] = list = [];
            }
            list.Add(handler);
        }
    }

    /// <summary>Runs <paramref name="action"/> each time Redis is back after an outage: signals sent meanwhile were lost.</summary>
    public void OnRestored(Action action)
    {
        lock (_gate)
        {
            _restored.Add(action);
        }
    }

    /// <summary>Tells every node (this one included); false when Redis is not there to carry it (the caller's own fallback applies).</summary>
    public async Task<bool> SignalAsync(string kind, string value)
    {
        if (!IsUp)
        {
            return false;
        }
        try
        {
            await _redis!.GetSubscriber().PublishAsync(_channel, kind + ":" + value);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            MarkDown(e.Message);
            return false;
        }
    }

    /// <summary>For the health check and doctor: a round trip, or why there is none.</summary>
    public async Task<(bool Up, string Detail)> ProbeAsync()
    {
        if (_redis is null)
        {
            return (true, "not configured: rate limits, the book cache and revocations are kept per node");
        }
        try
        {
            var rtt = await _redis.GetDatabase().PingAsync();
            return IsUp
                ? (true, $"answers in {rtt.TotalMilliseconds:0.0} ms: rate limits, book cache, revocations and task events are shared")
                : (false, "reconnecting: rate limits, the book cache and revocations are per node until it is back");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return (false, $"unreachable ({e.Message.Split('\n')[0]}): rate limits, the book cache and revocations are per node until it is back");
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _redis!.GetSubscriber().SubscribeAsync(_channel, (_, message) => Dispatch(message));
            Volatile.Write(ref _subscribed, 1);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Tried again when the connection is back (MarkUp).
            _log.LogDebug("Redis subscription postponed: {Reason}", e.Message);
        }
    }

    private void Dispatch(RedisValue message)
    {
        var text = (string?)message ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }
        List<Action<string>>? handlers;
        lock (_gate)
        {
            handlers = _handlers.TryGetValue(text[..colon], out var list) ? [.. list] : null;
        }
        foreach (var handler in handlers ?? [])
        {
            try
            {
                handler(text[(colon + 1)..]);
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "A Redis signal handler failed for {Signal}", text);
            }
        }
    }

    private void MarkDown(string reason)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            _log.LogWarning("Redis is unreachable ({Reason}): rate limits, the book cache, revocations and task events are per node until it is back", reason);
        }
    }

    private void MarkUp()
    {
        if (_redis is not { IsConnected: true })
        {
            return;
        }
        if (Volatile.Read(ref _subscribed) == 0)
        {
            SubscribeAsync().GetAwaiter().GetResult();
        }
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            _log.LogInformation("Redis is back: rate limits, the book cache, revocations and task events are shared again");
            List<Action> hooks;
            lock (_gate)
            {
                hooks = [.. _restored];
            }
            foreach (var hook in hooks)
            {
                hook();
            }
        }
    }

    public void Dispose() => _redis?.Dispose();
}

/// <summary>Redis in <c>/health/ready</c>: degraded (still ready, with the reason) while it is away, since every node keeps working without it.</summary>
internal sealed class RedisCheck(RedisLink link) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (up, detail) = await link.ProbeAsync();
        return up ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Degraded(detail);
    }
}

/// <summary>Makes the link (connect and subscribe) when the host starts, not on the first request that needs it.</summary>
internal sealed class RedisStart(RedisLink link) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(link.IsConfigured);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class ClusterSetup
{
    public static IServiceCollection AddStoryloomCluster(this IServiceCollection services)
    {
        services.AddSingleton<RedisLink>();
        services.AddHostedService<RedisStart>();
        services.AddSingleton<ChangeSignals>();
        return services;
    }
}
