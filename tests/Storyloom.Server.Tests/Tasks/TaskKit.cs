using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>Counts every call of the real offline art engine, per picture: book title, page ("cover" for the cover) and frame.</summary>
public sealed class CountingArtEngine : IArtEngine
{
    private readonly OfflineArtEngine _inner = new();

    public ConcurrentDictionary<(string Title, string What, string Frame), int> Calls { get; } = new();

    /// <summary>Each picture takes this long, so a test can act in the middle of a book.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>"title|page": that picture fails once, like a provider's bad answer.</summary>
    public string? FailOnce { get; set; }

    public ContentCredit Credit => _inner.Credit;

    public int CallsFor(string title) => Calls.Where(c => c.Key.Title == title).Sum(c => c.Value);

    public string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) =>
        Count(manuscript, page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), frame, () => _inner.DrawStoryPage(manuscript, page, frame));

    public string DrawCover(Manuscript manuscript, ArtFrame frame) => Count(manuscript, "cover", frame, () => _inner.DrawCover(manuscript, frame));

    public string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) =>
        Count(manuscript, page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), frame, () => _inner.DrawColoringPage(manuscript, page, frame));

    private string Count(Manuscript m, string what, ArtFrame frame, Func<string> draw)
    {
        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }
        if (FailOnce == $"{m.Title}|{what}")
        {
            FailOnce = null;
            throw new InvalidOperationException("the art engine broke (test)");
        }
        var svg = draw();
        Calls.AddOrUpdate((m.Title, what, frame.ToString()), 1, (_, n) => n + 1);
        return svg;
    }
}

/// <summary>Stands in for Chromium, qpdf and poppler where a test is about the queue, not the PDFs: tiny files, at once.</summary>
public sealed class InstantPrinting : IBookPrinting
{
    public async Task PrintAsync(BookSteps steps, BookSpec spec, Manuscript manuscript, string artRoot, string outDir, CancellationToken ct)
    {
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "interior.pdf"), $"%PDF-1.4 interior of {manuscript.Title}", ct);
        await File.WriteAllTextAsync(Path.Combine(outDir, "cover.pdf"), $"%PDF-1.4 cover of {manuscript.Title}", ct);
    }

    public Task PreflightAsync(BookSpec spec, Manuscript manuscript, string interiorPdf, string coverPdf, string preflightJson, CancellationToken ct) =>
        File.WriteAllTextAsync(preflightJson, """{"verdict":"not checked (test)"}""", ct);

    /// <summary>The stand-in PDFs have no pages to render.</summary>
    public Task PreviewsAsync(string interiorPdf, string coverPdf, string directory, CancellationToken ct) => Task.CompletedTask;
}

public sealed record SseEvent(string Id, string Type, TaskEventDto Data);

public static class TaskCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TaskDto> GenerateAsync(this HttpClient client, Guid bookId)
    {
        var response = await client.PostAsync($"/api/v1/books/{bookId}/generate", null, Ct);
        return await response.ReadAsync<TaskDto>(HttpStatusCode.Accepted);
    }

    public static async Task<TaskDto> GetTaskAsync(this HttpClient client, Guid taskId) =>
        await (await client.GetAsync($"/api/v1/tasks/{taskId}", Ct)).ReadAsync<TaskDto>();

    /// <summary>Polls until <paramref name="done"/> holds (default: the task finished); fails with the last state after the timeout.</summary>
    public static async Task<TaskDto> WaitForAsync(this HttpClient client, Guid taskId, TimeSpan timeout, Func<TaskDto, bool>? done = null)
    {
        done ??= t => TaskStatuses.IsFinished(t.Status);
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var task = await client.GetTaskAsync(taskId);
            if (done(task))
            {
                return task;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"task {taskId} is still {task.Status} at {task.Step} ({task.Percent}%) after {timeout}: {JsonSerializer.Serialize(task)}");
            }
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Reads the event stream to its end (or until <paramref name="stopAfter"/> events).</summary>
    public static async Task<List<SseEvent>> ReadEventsAsync(this HttpClient client, Guid taskId, string? lastEventId = null, int stopAfter = int.MaxValue)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{taskId}/events");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var events = new List<SseEvent>();
        string? id = null, type = null, data = null;
        while (events.Count < stopAfter && await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    events.Add(new SseEvent(id!, type!, JsonSerializer.Deserialize<TaskEventDto>(data, ApiCalls.Json)!));
                }
                id = type = data = null;
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = (line[..colon], line[(colon + 1)..].TrimStart());
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = value; break;
            }
        }
        return events;
    }
}
