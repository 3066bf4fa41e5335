using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Storyloom.Server.Hosting;

/// <summary>
/// `storyloom worker` has no API; with Storyloom:WorkerHealthUrl (e.g. http://*:8081/) it answers GET /health/live and
/// /health/ready there, with the same checks as the API, so an orchestrator can probe workers too.
/// </summary>
internal sealed class WorkerHealth(StoryloomOptions options, HealthCheckService health, ILogger<WorkerHealth> log) : BackgroundService
{
    public static IServiceCollection AddWorkerHealth(IServiceCollection services, StoryloomOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.WorkerHealthUrl))
        {
            services.AddStoryloomHealth();
            services.AddHostedService<WorkerHealth>();
        }
        return services;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new HttpListener();
        var prefix = options.WorkerHealthUrl!.EndsWith('/') ? options.WorkerHealthUrl : options.WorkerHealthUrl + "/";
        listener.Prefixes.Add(prefix);
        listener.Start();
        log.LogInformation("Worker health on {Prefix}health/live and health/ready", prefix);
        await using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && stoppingToken.IsCancellationRequested)
            {
                return;
            }
            _ = AnswerAsync(context, stoppingToken);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken ct)
    {
        using var response = context.Response;
        try
        {
            object body;
            switch (context.Request.Url?.AbsolutePath)
            {
                case "/health/live":
                    body = new { status = "live" };
                    break;
                case "/health/ready":
                    var report = await health.CheckHealthAsync(c => c.Tags.Contains(Health.Ready), ct);
                    // Degraded (Redis away) is still ready, as on the API: the worker goes on with per-node state meanwhile.
                    response.StatusCode = report.Status == HealthStatus.Unhealthy ? 503 : 200;
                    body = new
                    {
                        status = report.Status == HealthStatus.Unhealthy ? "not ready" : "ready",
                        // No detail here: nobody signs in on this port, and the details name the data folder and the store.
                        checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant() }),
                        detail = "each check's detail: storyloom doctor on this machine, or /health/ready of an API node as an administrator",
                    };
                    break;
                default:
                    response.StatusCode = 404;
                    body = new { status = "not found", detail = "this worker answers /health/live and /health/ready only" };
                    break;
            }
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(response.OutputStream, body, cancellationToken: ct);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException)
        {
            // The prober hung up or the worker is stopping.
        }
    }
}
