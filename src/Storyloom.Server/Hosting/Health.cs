using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;

namespace Storyloom.Server.Hosting;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (it can do its work: database, storage, Chromium, and
/// whatever other parts register a check tagged "ready", such as the job store). A not-ready answer is 503 with the reason
/// for each failing check.
/// </summary>
internal static class Health
{
    public const string Ready = "ready";

    public static IServiceCollection AddStoryloomHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<StorageCheck>("storage", tags: [Ready])
            .AddCheck<ChromiumCheck>("chromium", tags: [Ready])
            .AddCheck<JobStoreCheck>("jobs", tags: [Ready])
            .AddCheck<Cluster.RedisCheck>("redis", tags: [Ready]);
        return services;
    }

    public static WebApplication MapStoryloomHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        }).WithMetadata(new HttpMethodMetadata(["GET"])).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Anyone (a load balancer, an orchestrator) gets the verdict and each check's status; only an administrator's token or
    /// key also gets each check's detail, which names the data folder, the store, the Chromium path and database errors.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var admin = context.User.IsAdmin();
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            // Degraded (Redis away) is still ready: the node works on its own state meanwhile, and says so per check.
            status = report.Status == HealthStatus.Unhealthy ? "not ready" : "ready",
            checks = report.Entries.ToDictionary(e => e.Key, e => new CheckAnswer(
                e.Value.Status.ToString().ToLowerInvariant(),
                admin ? e.Value.Description : null,
                Math.Round(e.Value.Duration.TotalMilliseconds, 1))),
            detail = admin ? null : "each check's detail is shown to administrators (send an admin's token), or run storyloom doctor on the server",
        }, Answer, cancellationToken: context.RequestAborted);
    }

    private sealed record CheckAnswer(string Status, string? Detail, double Ms);

    private static readonly JsonSerializerOptions Answer = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed class DatabaseCheck(IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
                var pending = (await scope.ServiceProvider.GetRequiredService<Migrator>().StatusAsync(cancellationToken)).Count(s => s.AppliedAt is null);
                _ = await db.Users.AsNoTracking().AnyAsync(cancellationToken);
                return pending == 0
                    ? HealthCheckResult.Healthy($"{db.Database.ProviderName?.Split('.').Last()} answers; schema up to date")
                    : HealthCheckResult.Unhealthy($"{pending} migration(s) pending: run storyloom db migrate");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"the database does not answer: {e.Message.Split('\n')[0]}");
            }
        }
    }

    /// <summary>The store (folder or bucket) takes a write; a folder also needs room.</summary>
    private sealed class StorageCheck(Storage.IFileStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var probe = await store.ProbeAsync(cancellationToken);
            return probe.Problem is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : probe.FreeBytes < 256L << 20
                    ? HealthCheckResult.Unhealthy($"only {probe.FreeBytes >> 20} MiB free in {probe.Location}")
                    : HealthCheckResult.Healthy(probe.Detail);
        }
    }

    /// <summary>The job store answers; a worker node also needs its scheduler running (an API-only node has none).</summary>
    private sealed class JobStoreCheck(Quartz.ISchedulerFactory schedulers, IServiceScopeFactory scopes, StoryloomOptions options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(cancellationToken);
                var meta = await scheduler.GetMetadata(cancellationToken);
                // Reads the store's own table: a job store that cannot be reached (or was never migrated) fails here.
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<StoryloomDb>().Database
                        .ExecuteSqlRawAsync("SELECT 1 FROM qrtz_locks LIMIT 1", cancellationToken);
                }
                if (!options.Jobs.RunWorker)
                {
                    return HealthCheckResult.Healthy("job store answers; API-only node (no worker here)");
                }
                return meta.Status == Quartz.SchedulerStatus.Running
                    ? HealthCheckResult.Healthy($"worker running, {meta.ThreadPoolSize} at a time{(meta.JobStoreClustered ? ", clustered" : "")}")
                    : HealthCheckResult.Unhealthy($"the worker is {meta.Status.ToString().ToLowerInvariant()} (starting up or stopping)");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"the job store does not answer: {e.Message.Split('\n')[0]}");
            }
        }
    }

    private sealed class ChromiumCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var path = new Storyloom.Print.Printing.ChromiumOptions().ExecutablePath;
            return Task.FromResult(File.Exists(path)
                ? HealthCheckResult.Healthy(path)
                : HealthCheckResult.Unhealthy($"Chromium is not at {path}: install the Debian package chromium or set STORYLOOM_CHROMIUM"));
        }
    }
}
