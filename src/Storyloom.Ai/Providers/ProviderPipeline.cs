using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Storyloom.Ai.Providers;

/// <summary>
/// The one retry layer for a provider (the SDK's own retries are off): a total timeout, exponential backoff with jitter
/// that waits at least as long as the server asked (Retry-After, x-ratelimit-reset-*), a circuit breaker, and per attempt a
/// client-side rate limiter (requests, and pictures, per minute) and an attempt timeout. One instance per provider and
/// settings per process, so every book on a node shares the limits and the breaker.
/// </summary>
internal sealed class ProviderPipeline
{
    private static readonly ConcurrentDictionary<string, ProviderPipeline> Shared = new(StringComparer.Ordinal);

    private readonly ResiliencePipeline _pipeline;
    private readonly RateLimiter _requests;
    private readonly RateLimiter _images;
    private readonly TimeSpan _attemptTimeout;

    private ProviderPipeline(AiOptions o)
    {
        _attemptTimeout = o.AttemptTimeout;
        _requests = PerMinute(o.RequestsPerMinute, 1);
        // Pages wait a whole picture's time on their sheets, then all want to start: the account's limit is pictures per minute,
        // so any minute may hold that many (a rolling window, as the provider counts), not one every 60/rate s.
        _images = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.ImagesPerMinute),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 12,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        var transient = new PredicateBuilder()
            .Handle<OpenAiException>(e => e.IsTransient)
            .Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder().AddTimeout(o.TotalTimeout);
        if (o.MaxRetries > 0) builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<OpenAiException>(e => e.IsTransient && (e.RetryAfter is null || e.RetryAfter <= o.MaxRetryAfter))
                    .Handle<TimeoutRejectedException>().Handle<BrokenCircuitException>(),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.MaxRetryAfter,
                // Polly's own delay is the floor; the server's word wins when it asks for longer.
                DelayGenerator = args =>
                {
                    TimeSpan? asked = args.Outcome.Exception switch
                    {
                        OpenAiException { RetryAfter: { } ra } => ra,
                        BrokenCircuitException { RetryAfter: { } ra } => ra,
                        _ => null,
                    };
                    return ValueTask.FromResult(asked);
                },
            });
        _pipeline = builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSampling,
                BreakDuration = o.BreakerBreak,
            })
            .Build();
    }

    public static ProviderPipeline For(AiOptions o) =>
        Shared.GetOrAdd(
            string.Join('|', o.BaseUrl.TrimEnd('/'), o.RequestsPerMinute, o.ImagesPerMinute, o.AttemptTimeout, o.TotalTimeout, o.MaxRetries,
                o.RetryBaseDelay, o.MaxRetryAfter, o.BreakerFailureRatio, o.BreakerMinimumThroughput, o.BreakerSampling, o.BreakerBreak),
            _ => new ProviderPipeline(o));

    /// <summary>Runs one provider call with retries; <paramref name="isImage"/> also takes a picture from the per-minute picture budget on every attempt.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, bool isImage, CancellationToken ct)
    {
        return await _pipeline.ExecuteAsync(async token =>
        {
            using var request = await Acquire(_requests, token);
            using var image = isImage ? await Acquire(_images, token) : null;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
            attempt.CancelAfter(_attemptTimeout);
            try
            {
                return await call(attempt.Token);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                throw new TimeoutRejectedException($"the provider did not answer within {_attemptTimeout.TotalSeconds:0.#} s");
            }
            catch (System.ClientModel.ClientResultException e)
            {
                throw OpenAiException.From(e);
            }
        }, ct);
    }

    private static async Task<RateLimitLease> Acquire(RateLimiter limiter, CancellationToken ct)
    {
        var lease = await limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired) throw new OpenAiException(FailureKind.RateLimited, 0, "client_rate_limit", "the client-side rate limiter queue is full");
        return lease;
    }

    /// <summary>A steady rate with at most <paramref name="burst"/> calls saved up while idle (1: the last of N calls starts (N-1)/rate after the first).</summary>
    private static TokenBucketRateLimiter PerMinute(int perMinute, int burst) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
