using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Storyloom.Ai;
using Storyloom.Fakes.OpenAi;
using Storyloom.Server.Hosting;
using Storyloom.Server.Monitoring;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Ops;

/// <summary>
/// Traces and OTLP: a request, the steps of the task it queued and the provider calls those steps make share one trace id,
/// and so do the log lines (text and JSON) written meanwhile; with an OTLP endpoint, traces and metrics reach a collector.
/// </summary>
public abstract class TelemetryTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traces_and_metrics_reach_an_otlp_collector_with_the_service_name()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var service = $"storyloom-otlp-{Guid.NewGuid():N}"[..28];
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Storyloom:Jobs:RunWorker"] = "false",
            // The standard variable works as well as Storyloom:Telemetry:OtlpEndpoint (environment variables are configuration).
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["Storyloom:Telemetry:ServiceName"] = service,
            ["Storyloom:Telemetry:ExportInterval"] = "00:00:00.2",
        });
        using var client = app.CreateClient(await app.CreateUserAsync());
        (await client.GetAsync($"/api/v1/books/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        bool Arrived(string path, string text) => collector.Posts.Any(p => p.Path == path && Contains(p.Body, service) && Contains(p.Body, text));
        var clock = Stopwatch.StartNew();
        while (!(Arrived("/v1/traces", "/api/v1/books/{id:guid}") && Arrived("/v1/metrics", "storyloom_http_requests")))
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30),
                $"the collector got {string.Join(", ", collector.Posts.Select(p => p.Path))}, none yet with the request span and the request counter");
            await Task.Delay(100, Ct);
        }
        collector.Posts.ShouldAllBe(p => p.ContentType == "application/x-protobuf");
    }

    [Fact]
    public async Task A_request_its_task_steps_and_their_provider_calls_share_one_trace_id_that_stands_in_the_log_lines()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is StoryloomTelemetry.TasksSource or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new FormattedLogs();
        await using var fake = await FakeOpenAiServer.StartAsync(0, null, Ct);
        await using var app = await StoryloomApp.StartAsync(db, null, s =>
        {
            s.AddSingleton(new AiOptions
            {
                ApiKey = null, BaseUrl = "http://127.0.0.1:9/v1", RequestsPerMinute = 60_000, ImagesPerMinute = 60_000,
                RetryBaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(90),
            });
            s.AddSingleton<IBookPrinting>(new InstantPrinting());
            logs.Register(s);
        });
        using var client = app.CreateClient(await app.CreateUserAsync());
        (await client.PutAsJsonAsync("/api/v1/settings/ai", new { apiKey = "sk-test-trace", baseUrl = fake.BaseUrl }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var book = await client.CreateBookAsync(("pageCount", 24), ("textEngine", "openai"), ("artEngine", "offline"));

        // The caller's own trace: the server continues it, so one id from the client finds everything the book caused.
        var traceId = ActivityTraceId.CreateRandom();
        using var generate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/books/{book.Id}/generate");
        generate.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var queued = await (await client.SendAsync(generate, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        var finished = await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(240));
        finished.Status.ShouldBe("succeeded", finished.Error);

        var mine = spans.Where(s => s.TraceId == traceId).ToList();
        // The fake OpenAI server is ASP.NET Core too: its spans continue the trace over the wire (traceparent on each call).
        var request = mine.Where(s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName == "POST /api/v1/books/{id:guid}/generate").ShouldHaveSingleItem();
        var task = mine.Where(s => s.DisplayName == "task generate-book").ShouldHaveSingleItem();
        task.ParentSpanId.ShouldBe(request.SpanId, "the task continues the request that queued it");
        task.GetTagItem("storyloom.task.id").ShouldBe(queued.Id.ToString());
        var steps = mine.Where(s => s.DisplayName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        steps.Select(s => s.DisplayName).ShouldContain("step story");
        steps.Select(s => s.DisplayName).ShouldContain("step package");
        steps.ShouldAllBe(s => s.ParentSpanId == task.SpanId);
        var story = steps.Single(s => s.DisplayName == "step story");
        var calls = mine.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == story.SpanId).ToList();
        calls.ShouldNotBeEmpty("the story step's calls to the provider are its children");
        calls.ShouldContain(c => (c.GetTagItem("url.full") as string ?? "").StartsWith(fake.BaseUrl, StringComparison.Ordinal));

        var hex = traceId.ToHexString();
        logs.Text.ShouldContain(l => l.Contains($"[{hex}]", StringComparison.Ordinal) && l.Contains("Step story (1) starts", StringComparison.Ordinal));
        logs.Json.ShouldContain(l => l.Contains($"\"TraceId\":\"{hex}\"", StringComparison.Ordinal) && l.Contains("\"Step\":\"story\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_step_is_marked_failed_in_the_trace_and_a_retry_without_a_request_starts_a_new_trace()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == StoryloomTelemetry.TasksSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await StoryloomApp.StartAsync(db, null, s => s.AddSingleton<IBookPrinting>(new BrokenPrinting()));
        using var client = app.CreateClient(await app.CreateUserAsync());
        var book = await client.CreateBookAsync(("pageCount", 24));
        var traceId = ActivityTraceId.CreateRandom();
        using var generate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/books/{book.Id}/generate");
        generate.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var queued = await (await client.SendAsync(generate, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(120))).Status.ShouldBe("failed");

        // The step that broke says so in the trace, with the reason; the steps before it did not fail.
        var runs = await TaskSpansAsync(spans, queued.Id, 1);
        var steps = spans.Where(s => s.TraceId == traceId && s.DisplayName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        var layout = steps.Where(s => s.DisplayName == "step layout").ShouldHaveSingleItem();
        layout.Status.ShouldBe(ActivityStatusCode.Error);
        layout.StatusDescription.ShouldBe(BrokenPrinting.Reason);
        steps.Where(s => s != layout).ShouldAllBe(s => s.Status != ActivityStatusCode.Error);
        runs[0].Status.ShouldBe(ActivityStatusCode.Error);

        // `storyloom tasks retry` has no request: the retry is a trace of its own, not more spans in the old one.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<Storyloom.Server.Data.StoryloomDb>();
            var task = await data.GenerationTasks.FindAsync([queued.Id], Ct);
            (await TaskControl.RetryAsync(data, scope.ServiceProvider.GetRequiredService<TaskQueue>(), scope.ServiceProvider.GetRequiredService<StoryloomOptions>(),
                task!, Ct)).ShouldBeNull();
        }
        (await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(120))).Status.ShouldBe("failed");
        runs = await TaskSpansAsync(spans, queued.Id, 2);
        runs[1].TraceId.ShouldNotBe(traceId);
    }

    /// <summary>The task's spans once <paramref name="count"/> have ended (a span ends just after the task's status is saved).</summary>
    private static async Task<List<Activity>> TaskSpansAsync(ConcurrentQueue<Activity> spans, Guid taskId, int count)
    {
        List<Activity> runs = [];
        for (var waited = 0; waited < 100; waited++)
        {
            runs = [.. spans.Where(s => s.DisplayName.StartsWith("task ", StringComparison.Ordinal) && (s.GetTagItem("storyloom.task.id") as string) == taskId.ToString())];
            if (runs.Count >= count)
            {
                break;
            }
            await Task.Delay(50, Ct);
        }
        runs.Count.ShouldBe(count);
        return runs;
    }

    /// <summary>Layout fails as a broken printer would.</summary>
    private sealed class BrokenPrinting : IBookPrinting
    {
        public const string Reason = "the printer is out of paper";

        public Task PrintAsync(Core.Pipeline.BookSteps steps, Core.Books.BookSpec spec, Core.Books.Manuscript manuscript, string artRoot, string outDir, CancellationToken ct) =>
            throw new StepFailedException(Reason);

        public Task PreflightAsync(Core.Books.BookSpec spec, Core.Books.Manuscript manuscript, string interiorPdf, string coverPdf, string preflightJson, CancellationToken ct) =>
            Task.CompletedTask;

        public Task PreviewsAsync(string interiorPdf, string coverPdf, string directory, CancellationToken ct) => Task.CompletedTask;
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>Every server log line (Debug and up) as the console would print it, in both formats.</summary>
    private sealed class FormattedLogs : ILoggerProvider
    {
        private readonly TextLogFormatter _text = new();
        private readonly JsonLogFormatter _json = new();

        public ConcurrentQueue<string> Text { get; } = new();
        public ConcurrentQueue<string> Json { get; } = new();

        public void Register(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(this);
            services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(FormattedLogs).FullName, "Storyloom", LogLevel.Debug, null)));
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(FormattedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
                using var text = new StringWriter();
                logs._text.Write(entry, null, text);
                logs.Text.Enqueue(text.ToString());
                using var json = new StringWriter();
                logs._json.Write(entry, null, json);
                logs.Json.Enqueue(json.ToString());
            }
        }
    }
}

public sealed class SqliteTelemetryTests() : TelemetryTests(Db.Sqlite);

public sealed class PostgresTelemetryTests() : TelemetryTests(Db.Postgres);
