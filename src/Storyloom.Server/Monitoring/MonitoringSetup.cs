using Storyloom.Server.Hosting;

namespace Storyloom.Server.Monitoring;

/// <summary>The "Storyloom:Monitoring" section.</summary>
public sealed class MonitoringOptions
{
    /// <summary>How often the task and worker numbers are sampled for /metrics and the alert rules evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How long a webhook may take to answer.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems()
    {
        if (EvaluationInterval < TimeSpan.FromMilliseconds(50) || EvaluationInterval > TimeSpan.FromMinutes(10))
        {
            yield return "Storyloom:Monitoring:EvaluationInterval must be between 50 milliseconds and 10 minutes";
        }
    }
}

public static class MonitoringSetup
{
    public const string WebhookClient = "alert-webhooks";

    /// <summary>The admin monitoring numbers, the task and worker gauges on /metrics, and the alert rules' evaluator (API nodes only).</summary>
    public static IServiceCollection AddStoryloomMonitoring(this IServiceCollection services, StoryloomOptions options)
    {
        services.AddSingleton<SystemSampler>();
        services.AddSingleton<MetricsReader>();
        services.AddHttpClient(WebhookClient, c => c.Timeout = options.Monitoring.WebhookTimeout)
            // The guarded client: no redirects, no private addresses unless allowed, a small answer.
            .ConfigurePrimaryHttpMessageHandler(() => Storyloom.Ai.Network.OutboundHttp.Handler(options.Network.Policy(), options.Network.MaxWebhookResponseBytes));
        services.AddHostedService<AlertEvaluator>();
        return services;
    }
}
