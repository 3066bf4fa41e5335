using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Polly;
using Polly.Retry;

namespace Storyloom.Canva;

/// <summary>
/// The one retry layer for Canva: exponential backoff with jitter on 429 too_many_requests and 5xx (Canva sends no
/// Retry-After, so the wait grows on its own; a proxy's Retry-After is the floor when present), and before every attempt a
/// client-side pace per Canva user and one for the whole integration, so a book of 40 pages does not run into Canva's limits.
/// Shared per process: every book of every user on a node counts against the same integration pace.
/// </summary>
internal sealed class CanvaPipeline
{
    private static readonly ConcurrentDictionary<string, CanvaPipeline> Shared = new(StringComparer.Ordinal);

    private readonly ResiliencePipeline _pipeline;
    private readonly RateLimiter _integration;
    private readonly ConcurrentDictionary<string, RateLimiter> _users = new(StringComparer.Ordinal);
    private readonly CanvaOptions _options;

    private CanvaPipeline(CanvaOptions o)
    {
        _options = o;
        _integration = PerMinute(o.RequestsPerMinutePerIntegration);
        var builder = new ResiliencePipelineBuilder();
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<CanvaException>(e => e.IsTransient),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is CanvaException { RetryAfter: { } ra } ? ra : (TimeSpan?)null),
            });
        }
        _pipeline = builder.Build();
    }

    public static CanvaPipeline For(CanvaOptions o) =>
        Shared.GetOrAdd(
            string.Join('|', o.ApiBaseUrl.TrimEnd('/'), o.ClientId, o.RequestsPerMinutePerUser, o.RequestsPerMinutePerIntegration, o.MaxRetries,
                o.RetryBaseDelay, o.MaxRetryDelay, o.AttemptTimeout),
            _ => new CanvaPipeline(o));

    /// <summary>Runs one Canva call for <paramref name="userKey"/> (the Storyloom user, or "" for calls made before one is known).</summary>
    public async Task<T> RunAsync<T>(string userKey, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var user = _users.GetOrAdd(userKey, _ => PerMinute(_options.RequestsPerMinutePerUser));
        return await _pipeline.ExecuteAsync(async token =>
        {
            using var userLease = await user.AcquireAsync(1, token);
            using var integrationLease = await _integration.AcquireAsync(1, token);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
            attempt.CancelAfter(_options.AttemptTimeout);
            try
            {
                return await call(attempt.Token);
            }
            catch (OperationCanceledException e) when (!token.IsCancellationRequested)
            {
                throw new CanvaException(CanvaFailure.Transient, 0, "timeout", $"Canva did not answer within {_options.AttemptTimeout.TotalSeconds:0.#} s", inner: e);
            }
            catch (HttpRequestException e)
            {
                throw new CanvaException(CanvaFailure.Transient, 0, "network", $"Canva could not be reached: {e.Message}", inner: e);
            }
        }, ct);
    }

    /// <summary>A steady pace with a small burst: the first few calls go at once, then one per 60/rate seconds.</summary>
    private static TokenBucketRateLimiter PerMinute(int perMinute) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, Math.Min(5, perMinute)),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
