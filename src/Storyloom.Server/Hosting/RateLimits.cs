using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Storyloom.Server.Accounts;
using Storyloom.Server.Cluster;

namespace Storyloom.Server.Hosting;

/// <summary>
/// Requests per minute: per user (per IP when anonymous) on the whole API, and a stricter per-IP limit on the
/// endpoints that take a password or refresh token. Over a limit: 429 problem+json with Retry-After. With Redis each budget
/// is one for the whole cluster (<see cref="SharedWindowLimiter"/>); without it, or while it is away, each node counts its own.
/// </summary>
internal static class RateLimits
{
    public const string AuthPolicy = "auth";

    public static IServiceCollection AddStoryloomRateLimits(this IServiceCollection services, StoryloomOptions options)
    {
        var limits = options.Limits;
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RedisLink>((o, link) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? PerMinute(link, CallerKey(context), limits.RequestsPerMinute)
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(AuthPolicy, context => PerMinute(link, "auth-ip:" + Ip(context), limits.AuthRequestsPerMinute));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(RedisLink link, string key, int permits) => link.IsConfigured
        ? RateLimitPartition.Get(key, k => new SharedWindowLimiter(link, k, permits, TimeSpan.FromMinutes(1)))
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string CallerKey(HttpContext context) =>
        context.User.FindFirstValue(CurrentUser.IdClaim) is { } sub ? "user:" + sub : "ip:" + Ip(context);

    private static string Ip(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Slow down: try again in {seconds} second(s).",
            },
        });
    }
}
