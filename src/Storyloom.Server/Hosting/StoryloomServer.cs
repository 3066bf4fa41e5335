using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Storyloom.Server.Accounts;
using Storyloom.Server.Canva;
using Storyloom.Server.Cluster;
using Storyloom.Server.Data;
using Storyloom.Server.Engines;
using Storyloom.Server.Monitoring;
using Storyloom.Server.Storage;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Hosting;

/// <summary>Configuration that cannot work; each problem is one line that says what to change.</summary>
public sealed class ConfigurationProblemException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The server's table of contents: what it registers and maps, each implemented beside its feature.</summary>
public static class StoryloomServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the app; <paramref name="configure"/> lets the CLI and the tests add settings or a test server.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        ConfigureLogging(builder.Logging, builder.Configuration);
        // Two lines per request ("Request starting", "Executing endpoint") cost more than the request; start-up lines stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);

        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(options);

        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o));
        builder.Services.AddProblemDetails();
        builder.Services.AddStoryloomData(options);
        builder.Services.AddStoryloomCluster();
        builder.Services.AddStoryloomStorage(options);
        builder.Services.AddStoryloomWeb(options);
        builder.Services.AddStoryloomAuth(options);
        builder.Services.AddStoryloomRateLimits(options);
        builder.Services.AddStoryloomEngines();
        builder.Services.AddStoryloomJobs(options);
        builder.Services.AddStoryloomMonitoring(options);
        builder.Services.AddStoryloomCanva();
        Preflight.PreflightApi.AddStoryloomPreflight(builder.Services);
        builder.Services.AddStoryloomTelemetry(options, builder.Configuration, "api");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return Map(builder.Build());
    }

    /// <summary>SIGTERM: stop taking work, let each running step finish or save, and be gone well within 30 s.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>A worker without HTTP (`storyloom worker`): the database and the job engine only.</summary>
    public static IHost BuildWorker(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ConfigureLogging(builder.Logging, builder.Configuration);
        configure?.Invoke(builder);
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddStoryloomData(options);
        builder.Services.AddStoryloomCluster();
        builder.Services.AddStoryloomEngines();
        builder.Services.AddStoryloomStorage(options);
        builder.Services.AddStoryloomJobs(options);
        WorkerHealth.AddWorkerHealth(builder.Services, options);
        builder.Services.AddStoryloomCanva();
        builder.Services.AddStoryloomTelemetry(options, builder.Configuration, "worker");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return builder.Build();
    }

    /// <summary>
    /// Readable text by default; one JSON object per line with <c>Storyloom:LogFormat=json</c> (<c>--log-format json</c>);
    /// either way each line carries the trace id of the request or task step it belongs to (<see cref="LogFormats"/>).
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        // Every SQL statement, and Quartz's start-up chatter, at Information drowns the useful lines; both speak up on warnings.
        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        logging.AddFilter("Quartz", LogLevel.Warning);
        logging.AddStoryloomConsole(json: string.Equals(configuration["Storyloom:LogFormat"], "json", StringComparison.OrdinalIgnoreCase));
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }

    private static StoryloomOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(StoryloomOptions.Section).Get<StoryloomOptions>() ?? new StoryloomOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }
        return options;
    }

    private static void ConfigureJson(JsonOptions o)
    {
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    private static WebApplication Map(WebApplication app)
    {
        app.UseStoryloomWeb();
        app.UseStoryloomAuth();
        app.MapStoryloomApi();
        return app;
    }

    /// <summary>Brings the database to the latest schema (zero configuration: `serve` on a new data folder just works).</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        await DataSetup.PrepareAsync(db, ct);
        var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();
        await migrator.MigrateAsync(null, ct);
        // Processes starting together would collide seeding the same rows (a unique-key failure, or a deadlock on PostgreSQL,
        // logged as errors): one at a time under the migration lock, the later ones find them there.
        await migrator.LockedAsync(() => Templates.BuiltInTemplates.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct), ct);
    }
}
