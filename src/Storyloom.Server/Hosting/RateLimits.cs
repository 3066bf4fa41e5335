using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Storyloom.Server.Accounts;

namespace Storyloom.Server.Hosting;

/// <summary>
/// Requests per minute: per user (per IP when anonymous) on the whole API, and a stricter per-IP limit on the
/// endpoints that take a password or refresh token. Over a limit: 429 problem+json with Retry-After.
/// </summary>
internal static class RateLimits
{
    public const string AuthPolicy = "auth";

    public static IServiceCollection AddStoryloomRateLimits(this IServiceCollection services, StoryloomOptions options)
    {
        var limits = options.Limits;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => PerMinute(limits.RequestsPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(AuthPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter("ip:" + Ip(context), _ => PerMinute(limits.AuthRequestsPerMinute)));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

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
