using System.Net;
using Storyloom.Server.Books;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

public abstract class GenerationTests(TaskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private async Task<HttpClient> SignedInAsync() => fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());

    [Fact]
    public async Task A_book_is_made_through_the_API_step_by_step_with_live_events_and_its_files_download()
    {
        var client = await SignedInAsync();
        var title = $"Pip Makes a Book {Guid.NewGuid():N}"[..30];
        var book = await client.CreateBookAsync(("title", title), ("pageCount", 24));
        var queued = await client.GenerateAsync(book.Id);
        queued.Status.ShouldBe("queued");
        queued.BookId.ShouldBe(book.Id);

        var live = await client.ReadEventsAsync(queued.Id);
        var task = await client.GetTaskAsync(queued.Id);
        task.Status.ShouldBe("succeeded", task.Error);
        task.Percent.ShouldBe(100);
        task.Error.ShouldBeNull();
        task.Engine.ShouldNotBeNull().ShouldContain("offline");
        task.Seconds.ShouldNotBeNull().ShouldBeGreaterThan(0);

        var steps = task.Steps.ShouldNotBeNull();
        steps.ShouldAllBe(s => s.Status == "done");
        var names = steps.Select(s => s.Name).ToList();
        names[..2].ShouldBe(["story", "safety"]);
        names[^4..].ShouldBe(["layout", "preflight", "previews", "package"]);
        names[2..^4].ShouldAllBe(n => n.StartsWith("art-", StringComparison.Ordinal));
        names.ShouldContain("art-cover");
        names.Count(n => n.StartsWith("art-p", StringComparison.Ordinal)).ShouldBeGreaterThan(10);
        steps.Select(s => s.Position).ShouldBeInOrder();
        task.StepsDone.ShouldBe(steps.Count);
        task.StepsTotal.ShouldBe(steps.Count);

        // The live stream: queued, started, one event per step in the steps' order, succeeded; ids only grow.
        live.Select(e => e.Type).ShouldBe(["queued", "started", .. names.Select(_ => "step"), "succeeded"]);
        live.Where(e => e.Type == "step").Select(e => e.Data.Step).ShouldBe(names);
        live.Select(e => long.Parse(e.Id, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Ascending);
        live.Select(e => e.Data.Percent).ShouldBeInOrder(SortDirection.Ascending);

        // A reconnect with Last-Event-ID gets exactly what came after it.
        var resumed = await client.ReadEventsAsync(queued.Id, live[5].Id);
        resumed.Select(e => e.Id).ShouldBe(live.Skip(6).Select(e => e.Id));

        var pdf = await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        (await client.GetAsync($"/api/v1/books/{book.Id}/files/preflight.json", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>();
        read.Status.ShouldBe("ready");
        read.Pages.Count.ShouldBe(24);
        fixture.Art.Calls.Where(c => c.Key.Title == title).ShouldAllBe(c => c.Value == 1);

        // Someone else sees nothing of it.
        var stranger = await SignedInAsync();
        (await stranger.GetAsync($"/api/v1/tasks/{task.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/tasks/{task.Id}/events", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/tasks/{task.Id}/cancel", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await (await client.GetAsync("/api/v1/tasks", Ct)).ReadAsync<PagedList<TaskDto>>();
        mine.Items.Select(t => t.Id).ShouldBe([task.Id]);
    }

    [Fact]
    public async Task A_failed_picture_fails_the_task_in_words_and_retry_goes_on_from_that_step()
    {
        var client = await SignedInAsync();
        var title = $"Pip Fails Once {Guid.NewGuid():N}"[..30];
        fixture.Art.FailOnce = $"{title}|9";
        var book = await client.CreateBookAsync(("title", title), ("pageCount", 24));
        var task = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);

        task.Status.ShouldBe("failed");
        task.Step.ShouldBe("art-p009");
        task.Error.ShouldNotBeNull().ShouldStartWith("Drawing page 9 failed unexpectedly");
        task.Steps.ShouldNotBeNull().ShouldContain(s => s.Name == "art-p009" && s.Status == "failed");
        var doneBefore = task.Steps!.Count(s => s.Status == "done");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("failed");
        (await (await client.PostAsync($"/api/v1/tasks/{task.Id}/cancel", null, Ct)).ProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("failed already");

        var retried = await (await client.PostAsync($"/api/v1/tasks/{task.Id}/retry", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        retried.Status.ShouldBe("queued");
        task = await client.WaitForAsync(task.Id, Patience);
        task.Status.ShouldBe("succeeded", task.Error);
        task.Steps.ShouldNotBeNull().ShouldAllBe(s => s.Status == "done");
        task.Steps!.Count.ShouldBeGreaterThan(doneBefore);
        fixture.Art.Calls.Where(c => c.Key.Title == title).ShouldAllBe(c => c.Value == 1);
        var events = await client.ReadEventsAsync(task.Id);
        events.Select(e => e.Type).Where(t => t is not "step").ShouldBe(["queued", "started", "failed", "queued", "started", "succeeded"]);
        events.Where(e => e.Type == "started").Last().Data.Message.ShouldStartWith("Resumed after");
        var failed = events.Single(e => e.Type == "failed");
        failed.Data.Message.ShouldContain("Drawing page 9 failed");
        (await client.ReadEventsAsync(task.Id, failed.Id)).Select(e => e.Id).ShouldBe(events.SkipWhile(e => e != failed).Skip(1).Select(e => e.Id));
    }

    [Fact]
    public async Task Cancel_stops_a_running_book_after_its_step_and_retry_finishes_it_without_drawing_twice()
    {
        var client = await SignedInAsync();
        var title = $"Pip Stops {Guid.NewGuid():N}"[..30];
        var book = await client.CreateBookAsync(("title", title), ("pageCount", 24));
        fixture.Art.Delay = TimeSpan.FromMilliseconds(150);
        try
        {
            var queued = await client.GenerateAsync(book.Id);
            (await (await client.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct)).ProblemAsync(HttpStatusCode.Conflict))
                .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("being made already");
            await client.WaitForAsync(queued.Id, Patience, t => t.StepsDone >= 5);
            (await client.PostAsync($"/api/v1/tasks/{queued.Id}/cancel", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var cancelled = await client.WaitForAsync(queued.Id, Patience);
            cancelled.Status.ShouldBe("cancelled");
            cancelled.StepsDone.ShouldBeLessThan(cancelled.StepsTotal);
        }
        finally
        {
            fixture.Art.Delay = TimeSpan.Zero;
        }
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("draft");

        var task = (await (await client.GetAsync("/api/v1/tasks", Ct)).ReadAsync<PagedList<TaskDto>>()).Items.Single();
        (await client.PostAsync($"/api/v1/tasks/{task.Id}/retry", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        task = await client.WaitForAsync(task.Id, Patience);
        task.Status.ShouldBe("succeeded", task.Error);
        fixture.Art.Calls.Where(c => c.Key.Title == title).ShouldAllBe(c => c.Value == 1);
        fixture.Art.Calls.Count(c => c.Key.Title == title).ShouldBeGreaterThanOrEqualTo(task.Steps!.Count(s => s.Name.StartsWith("art-", StringComparison.Ordinal)));
    }
}

[Collection("tasks")]
public sealed class SqliteGenerationTests(SqliteTaskApp fixture) : GenerationTests(fixture), IClassFixture<SqliteTaskApp>;

[Collection("tasks")]
public sealed class PostgresGenerationTests(PostgresTaskApp fixture) : GenerationTests(fixture), IClassFixture<PostgresTaskApp>;
