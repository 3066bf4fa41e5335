using System.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Monitoring;

/// <summary>
/// The "Storyloom:Telemetry" section. Traces are always made (their ids stand in every log line); they and the metrics
/// leave the process only when an OTLP endpoint is set, here or with the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The collector's base address, e.g. http://otel-collector:4318 (http/protobuf) or :4317 (grpc); empty: nothing is exported.</summary>
    public string? OtlpEndpoint { get; set; }
    /// <summary>"http/protobuf" (default) or "grpc"; OTEL_EXPORTER_OTLP_PROTOCOL when empty.</summary>
    public string? OtlpProtocol { get; set; }
    /// <summary>service.name of every span and metric; OTEL_SERVICE_NAME, else storyloom-api or storyloom-worker.</summary>
    public string? ServiceName { get; set; }
    /// <summary>How often metrics are pushed and finished spans sent in a batch.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && EndpointProblem(OtlpEndpoint, "Storyloom:Telemetry:OtlpEndpoint") is { } endpoint)
        {
            yield return endpoint;
        }
        if (!string.IsNullOrWhiteSpace(OtlpProtocol) && ProtocolOf(OtlpProtocol) is null)
        {
            yield return $"Storyloom:Telemetry:OtlpProtocol is '{OtlpProtocol}'; use http/protobuf or grpc";
        }
        if (ExportInterval < TimeSpan.FromMilliseconds(100) || ExportInterval > TimeSpan.FromMinutes(10))
        {
            yield return "Storyloom:Telemetry:ExportInterval must be between 100 milliseconds and 10 minutes";
        }
    }

    internal static string? EndpointProblem(string value, string setting) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : $"{setting} is '{value}'; give the collector's address, like http://127.0.0.1:4318";

    internal static OtlpExportProtocol? ProtocolOf(string value) => value.Trim().ToLowerInvariant() switch
    {
        "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        "grpc" => OtlpExportProtocol.Grpc,
        _ => null,
    };
}

/// <summary>Storyloom's spans: one per task run and one per step, continuing the trace of the request that queued the task.</summary>
public static class StoryloomTelemetry
{
    public const string TasksSource = "Storyloom.Tasks";

    public static readonly ActivitySource Tasks = new(TasksSource, "1.0");

    /// <summary>
    /// A task's span on the worker, a child of the request that queued it (its W3C traceparent, stored on the task), so
    /// the request, every step and every provider call share one trace id, and so does every log line written meanwhile.
    /// </summary>
    public static Activity? StartTask(Guid taskId, string kind, string? traceParent, string worker)
    {
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent);
        var span = Tasks.StartActivity($"task {kind}", ActivityKind.Consumer, parent);
        span?.SetTag("storyloom.task.id", taskId.ToString());
        span?.SetTag("storyloom.task.kind", kind);
        span?.SetTag("storyloom.worker", worker);
        return span;
    }

    /// <summary>One saved step of a task (story, safety, art-p3, layout …); provider calls made by the step are its children.</summary>
    public static Activity? StartStep(string step, int position, ILogger log)
    {
        var span = Tasks.StartActivity($"step {step}");
        span?.SetTag("storyloom.step", step);
        span?.SetTag("storyloom.step.position", position);
        log.LogDebug("Step {Step} ({Position}) starts", step, position);
        return span;
    }

    /// <summary>Marks the current span failed; called where a task ends in error so a trace shows where it broke.</summary>
    public static void Failed(Activity? span, string reason) => span?.SetStatus(ActivityStatusCode.Error, reason);

    /// <summary>
    /// Traces (requests, task steps, HttpClient calls to OpenAI and Canva) always; OTLP export of traces and of every
    /// Storyloom meter when an endpoint is configured. <paramref name="role"/> is "api" or "worker".
    /// </summary>
    public static IServiceCollection AddStoryloomTelemetry(this IServiceCollection services, StoryloomOptions options, IConfiguration configuration, string role)
    {
        var settings = options.Telemetry;
        var endpoint = Blank(settings.OtlpEndpoint) ?? Blank(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var protocol = Blank(settings.OtlpProtocol) ?? Blank(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "http/protobuf";
        var problems = new[]
        {
            endpoint is null ? null : TelemetryOptions.EndpointProblem(endpoint, "OTEL_EXPORTER_OTLP_ENDPOINT"),
            TelemetryOptions.ProtocolOf(protocol) is null ? $"OTEL_EXPORTER_OTLP_PROTOCOL is '{protocol}'; use http/protobuf or grpc" : null,
        }.OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }
        var serviceName = Blank(settings.ServiceName) ?? Blank(configuration["OTEL_SERVICE_NAME"]) ?? $"storyloom-{role}";
        var interval = (int)settings.ExportInterval.TotalMilliseconds;

        void Otlp(OtlpExporterOptions o, string signal)
        {
            o.Protocol = TelemetryOptions.ProtocolOf(protocol)!.Value;
            // Set in code, the address is used as given: http/protobuf needs the signal's path added, as the OTEL_ variable would.
            var root = endpoint!.TrimEnd('/');
            o.Endpoint = new Uri(o.Protocol == OtlpExportProtocol.HttpProtobuf ? $"{root}/v1/{signal}" : root);
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(StoryloomTelemetry).Assembly.GetName().Version?.ToString(),
                    serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}")
                .AddAttributes([new("storyloom.role", role)]))
            .WithTracing(t =>
            {
                t.AddSource(TasksSource).AddHttpClientInstrumentation();
                if (role == "api")
                {
                    // Probes and scrapes every few seconds would bury the requests people look for.
                    t.AddAspNetCoreInstrumentation(o => o.Filter = c =>
                        !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/metrics"));
                }
                if (endpoint is not null)
                {
                    t.AddOtlpExporter(o =>
                    {
                        Otlp(o, "traces");
                        o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = Math.Min(interval, 5000);
                    });
                }
            });
        if (endpoint is not null)
        {
            otel.WithMetrics(m => m
                .AddMeter(StoryloomMetrics.MeterName, StoryloomMetrics.MeterName + ".*")
                .AddOtlpExporter((o, reader) =>
                {
                    Otlp(o, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }));
        }
        return services;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
