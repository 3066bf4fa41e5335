using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Fakes.OpenAi;
using Storyloom.Print.Tools;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Engines;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Engines;

/// <summary>Books made with the openai engines through the API, against the fake OpenAI server: usage, budgets, moderation and the user's key.</summary>
public abstract partial class AiEnginesApiTests(AiTaskApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private const string Key = "sk-user-SECRET-VALUE-9f3a7c";

    private StoryloomApp App => fixture.Server;
    private FakeOpenAiServer Fake => fixture.Fake;

    private async Task<HttpClient> WithOwnKeyAsync(decimal? monthlyBudget = null, StoryloomApp? host = null)
    {
        host ??= App;
        var client = host.CreateClient(await host.CreateUserAsync());
        var saved = await (await client.PutAsJsonAsync("/api/v1/settings/ai", new { apiKey = Key, baseUrl = Fake.BaseUrl, monthlyBudgetUsd = monthlyBudget }, ApiCalls.Json, Ct))
            .ReadAsync<AiSettingsDto>();
        saved.Effective.KeySource.ShouldBe("yours");
        return client;
    }

    /// <summary>A new brief each time (title and theme): answers are shared by content across books, so a same brief would cost nothing.</summary>
    private static Task<BookDto> AiBookAsync(HttpClient client, params (string Key, object? Value)[] more) =>
        client.CreateBookAsync([("title", $"Pip {Guid.NewGuid():N}"[..20]), ("theme", $"friends {Guid.NewGuid():N}"[..16]), ("pageCount", 24), ("textEngine", "openai"), ("artEngine", "openai"), .. more]);

    /// <summary>Chat completions and pictures the fake answered: the calls that cost money.</summary>
    private List<JournalEntry> Paid() => [.. Fake.Journal.Entries.Where(e => e.Status == 200 && e.Endpoint is "chat/completions" or "images/generations" or "images/edits")];

    [Fact]
    public async Task A_book_made_with_openai_through_the_API_completes_and_records_usage()
    {
        Fake.Journal.Clear();
        await using var printing = await fixture.StartHostAsync(realPrinting: true);
        var client = await WithOwnKeyAsync(host: printing);
        var book = await AiBookAsync(client, ("language", "es"), ("theme", "la amistad"), ("credit", true));
        book.TextEngine.ShouldBe("openai");
        book.Language.ShouldBe("es");

        var estimate = await (await client.GetAsync($"/api/v1/books/{book.Id}/estimate", Ct)).ReadAsync<CostEstimateDto>();
        estimate.KeySource.ShouldBe("yours");
        estimate.Images.ShouldBeGreaterThan(20);
        estimate.TotalUsd.ShouldBeGreaterThan(0.5m);
        estimate.Problem.ShouldBeNull();
        estimate.Summary.ShouldContain("pictures with gpt-image-1");

        var queued = await client.GenerateAsync(book.Id);
        queued.Estimate.ShouldNotBeNull().TotalUsd.ShouldBe(estimate.TotalUsd);
        var task = await client.WaitForAsync(queued.Id, Patience);

        task.Status.ShouldBe("succeeded", task.Error);
        task.Engine.ShouldNotBeNull().ShouldContain("gpt-4o-mini");
        task.Engine.ShouldContain("gpt-image-1");
        var paid = Paid();
        task.Usage.PaidCalls.ShouldBe(paid.Count);
        task.Usage.Images.ShouldBe(paid.Count(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal)));
        task.Usage.InputTokens.ShouldBeGreaterThan(0);
        task.Usage.OutputTokens.ShouldBeGreaterThan(0);
        task.Usage.CostUsd.ShouldBeGreaterThan(0.5m);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready");
        var listing = await client.GetStringAsync($"/api/v1/books/{book.Id}/files/listing.json", Ct);
        listing.ShouldContain("gpt-4o-mini");
        listing.ShouldContain("gpt-image-1");

        // Printed by Chromium and preflighted: the PDF has the book's pages and its copyright page speaks Spanish, with the software
        // notice the user asked for (credit) and no claim of a review nobody said they did.
        var preflight = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/preflight.json", Ct)).RootElement;
        preflight.GetProperty("passed").GetBoolean().ShouldBeTrue(preflight.GetProperty("verdict").GetString());
        var pdf = Path.Combine(Path.GetTempPath(), $"storyloom-ai-{book.Id:N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(pdf, await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct), Ct);
            var info = (await ExternalTool.RunCheckedAsync("pdfinfo", [pdf], Ct)).StdoutText;
            PagesLine().Match(info).Groups[1].Value.ShouldBe("24");
            var copyright = Regex.Replace((await ExternalTool.RunCheckedAsync("pdftotext", ["-f", "2", "-l", "2", pdf, "-"], Ct)).StdoutText, @"\s+", " ");
            copyright.ShouldContain("gpt-image-1 (with Storyloom), un modelo de IA");
            copyright.ShouldContain("Todos los derechos reservados");
            copyright.ShouldNotContain("revisó");
        }
        finally
        {
            File.Delete(pdf);
        }

        // The key went to the provider and nowhere else: not in a log line, a task, the database in clear, or the audit log.
        fixture.Logs.Lines.ShouldNotContain(l => l.Contains(Key, StringComparison.Ordinal));
        var settings = await client.GetStringAsync("/api/v1/settings/ai", Ct);
        settings.ShouldNotContain(Key);
        settings.ShouldContain($"\"apiKeyLast4\":\"{Key[^4..]}\"");
        (await client.GetStringAsync($"/api/v1/tasks/{task.Id}", Ct)).ShouldNotContain(Key);
        await using var scope = printing.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var owner = await db.GenerationTasks.Where(t => t.Id == task.Id).Select(t => t.OwnerId).SingleAsync(Ct);
        var row = await db.AiSettings.AsNoTracking().SingleAsync(s => s.UserId == owner, Ct);
        row.ApiKeyProtected.ShouldNotBeNull().ShouldNotContain(Key);
        row.ApiKeyLast4.ShouldBe(Key[^4..]);
        (await db.AuditLog.AsNoTracking().Where(a => a.Action == "ai-key.set").ToListAsync(Ct))
            .ShouldAllBe(a => (a.Detail ?? "").Contains(Key) == false && (a.Target ?? "").Contains(Key) == false);
    }

    [Fact]
    public async Task A_second_server_on_the_same_store_makes_the_same_book_without_a_provider_call()
    {
        (string, object?) title = ("title", $"Shared {Guid.NewGuid():N}"[..20]), theme = ("theme", "kites and friends");
        var first = await WithOwnKeyAsync();
        var paid = await first.WaitForAsync((await first.GenerateAsync((await AiBookAsync(first, title, theme)).Id)).Id, Patience);
        paid.Status.ShouldBe("succeeded", paid.Error);
        paid.Usage.PaidCalls.ShouldBeGreaterThan(20);
        var calls = Fake.Journal.Entries.Count;

        // Another host (its own database, process-local caches and worker) whose file store is the first one's folder, as on a shared volume or bucket.
        await using var other = await fixture.StartHostAsync(App.DataDirectory);
        var client = other.CreateClient(await other.CreateUserAsync());
        await client.PutAsJsonAsync("/api/v1/settings/ai", new { apiKey = Key, baseUrl = Fake.BaseUrl }, ApiCalls.Json, Ct);
        var book = await AiBookAsync(client, title, theme);
        var again = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);

        again.Status.ShouldBe("succeeded", again.Error);
        Fake.Journal.Entries.Skip(calls).Select(e => e.Endpoint).ShouldBeEmpty("moderation, chat and pictures all come from the shared answers");
        again.Usage.PaidCalls.ShouldBe(0);
        again.Usage.CachedAnswers.ShouldBe(paid.Usage.PaidCalls);
        again.Usage.CostUsd.ShouldBe(0);
    }

    [Fact]
    public async Task A_run_stopped_by_the_book_budget_resumes_with_a_higher_cap_without_paying_twice_and_carries_the_spend_over()
    {
        Fake.Journal.Clear();
        var client = await WithOwnKeyAsync();
        var book = await AiBookAsync(client, ("budgetUsd", 0.2m));
        book.BudgetUsd.ShouldBe(0.2m);
        var queued = await client.GenerateAsync(book.Id);
        queued.Estimate.ShouldNotBeNull().WithinBudget.ShouldBeFalse();

        var stopped = await client.WaitForAsync(queued.Id, Patience);
        stopped.Status.ShouldBe("budget-reached", stopped.Error);
        stopped.Error.ShouldNotBeNull().ShouldContain("the book reached its budget of $0.20");
        stopped.Error.ShouldContain("raise the book's budget (budgetUsd) and retry the task");
        stopped.Steps.ShouldNotBeNull().Where(s => s.Status == "done").Select(s => s.Name).ShouldBe(["story", "safety"]);
        stopped.Usage.CostUsd.ShouldBeInRange(0.01m, 0.2m);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("paused");
        var paidBefore = Paid();
        stopped.Usage.PaidCalls.ShouldBe(paidBefore.Count);
        var events = await client.ReadEventsAsync(queued.Id);
        events[^1].Type.ShouldBe("budget-reached");

        var estimate = await (await client.GetAsync($"/api/v1/books/{book.Id}/estimate", Ct)).ReadAsync<CostEstimateDto>();
        // The estimate rounds the full spend to 4 places, the task's usage shows it rounded to 6: rounding that again to 4
        // can land one step away at a midpoint (0.1694 against 0.1695 in one run), so they agree to within that step.
        estimate.BookSpentUsd.ShouldBe(stopped.Usage.CostUsd, 0.0001m);
        (await client.PatchAsJsonAsync($"/api/v1/books/{book.Id}", new { budgetUsd = 5m }, ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/api/v1/tasks/{queued.Id}/retry", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var done = await client.WaitForAsync(queued.Id, Patience);

        done.Status.ShouldBe("succeeded", done.Error);
        var paid = Paid();
        paid.Count.ShouldBeGreaterThan(paidBefore.Count);
        // Nothing paid for was asked for twice: every paid prompt is unique, and the run before the stop is all cached.
        paid.Select(e => $"{e.Endpoint}|{e.Prompt}").ShouldBeUnique();
        done.Usage.PaidCalls.ShouldBe(paid.Count);
        done.Usage.CachedAnswers.ShouldBeGreaterThanOrEqualTo(paidBefore.Count(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal)));
        done.Usage.CostUsd.ShouldBeGreaterThan(stopped.Usage.CostUsd);
        done.Usage.CostUsd.ShouldBeLessThanOrEqualTo(5m);
    }

    [Fact]
    public async Task A_run_stops_at_the_users_monthly_budget_in_plain_words()
    {
        var client = await WithOwnKeyAsync(monthlyBudget: 0.05m);
        var book = await AiBookAsync(client);
        var task = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);

        task.Status.ShouldBe("budget-reached", task.Error);
        task.Error.ShouldNotBeNull().ShouldContain("you reached your monthly budget of $0.05");
        task.Error.ShouldContain("raise it in Settings and retry the task");
        var settings = await (await client.GetAsync("/api/v1/settings/ai", Ct)).ReadAsync<AiSettingsDto>();
        settings.SpentThisMonthUsd.ShouldBe(task.Usage.CostUsd);
        settings.SpentThisMonthUsd.ShouldBeLessThanOrEqualTo(0.05m);
    }

    [Fact]
    public async Task A_flagged_brief_is_refused_at_the_book_with_the_reason_and_nothing_is_queued()
    {
        Fake.Journal.Clear();
        var client = await WithOwnKeyAsync();
        var book = await AiBookAsync(client, ("theme", "hate at the fair"));

        var problem = await (await client.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("title").GetString().ShouldBe("The brief was refused");
        problem.FieldError("theme").ShouldContain("flagged as unsuitable for a children's book (hate; moderation)");
        Fake.Journal.Entries.ShouldContain(e => e.Endpoint == "moderations");
        Paid().ShouldBeEmpty();
        (await (await client.GetAsync($"/api/v1/tasks?bookId={book.Id}", Ct)).ReadAsync<PagedList<TaskDto>>()).Total.ShouldBe(0);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("draft");
    }

    [Fact]
    public async Task The_settings_are_the_callers_own_and_the_key_is_write_only()
    {
        var owner = await WithOwnKeyAsync(monthlyBudget: 12.5m);
        var mine = await (await owner.GetAsync("/api/v1/settings/ai", Ct)).ReadAsync<AiSettingsDto>();
        mine.ApiKeySet.ShouldBeTrue();
        mine.ApiKeyLast4.ShouldBe(Key[^4..]);
        mine.BaseUrl.ShouldBe(Fake.BaseUrl);
        mine.MonthlyBudgetUsd.ShouldBe(12.5m);
        mine.ServerKeyAvailable.ShouldBeFalse();

        // Another user, and an admin, read their own settings: nothing of the owner's.
        foreach (var role in new[] { Roles.User, Roles.Admin })
        {
            var other = App.CreateClient(await App.CreateUserAsync(role));
            var text = await other.GetStringAsync("/api/v1/settings/ai", Ct);
            text.ShouldNotContain(Key[^4..]);
            text.ShouldNotContain(Fake.BaseUrl);
            var theirs = await (await other.GetAsync("/api/v1/settings/ai", Ct)).ReadAsync<AiSettingsDto>();
            theirs.ApiKeySet.ShouldBeFalse();
            theirs.Effective.KeySource.ShouldBe("none");
        }

        // Null keeps the key; the other fields are replaced (null: the server's default); "" removes the key.
        var kept = await (await owner.PutAsJsonAsync("/api/v1/settings/ai", new { baseUrl = Fake.BaseUrl, textModel = "gpt-4.1-mini" }, ApiCalls.Json, Ct)).ReadAsync<AiSettingsDto>();
        kept.ApiKeySet.ShouldBeTrue();
        kept.MonthlyBudgetUsd.ShouldBeNull();
        kept.Effective.TextModel.ShouldBe("gpt-4.1-mini");
        var removed = await (await owner.PutAsJsonAsync("/api/v1/settings/ai", new { apiKey = "" }, ApiCalls.Json, Ct)).ReadAsync<AiSettingsDto>();
        removed.ApiKeySet.ShouldBeFalse();
        removed.ApiKeyLast4.ShouldBeNull();
        removed.BaseUrl.ShouldBeNull();
    }

    [Fact]
    public async Task Settings_saved_from_an_older_read_are_refused_with_412_and_the_new_version_is_given()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        async Task<HttpResponseMessage> PutAsync(object body, string? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/settings/ai") { Content = JsonContent.Create(body, options: ApiCalls.Json) };
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await client.SendAsync(request, Ct);
        }
        var read = await client.GetAsync("/api/v1/settings/ai", Ct);
        var first = read.Headers.ETag!.ToString();
        (await read.ReadAsync<AiSettingsDto>()).ETag.ShouldBe(first);

        var saved = await PutAsync(new { monthlyBudgetUsd = 10 }, first);
        var now = (await saved.ReadAsync<AiSettingsDto>()).ETag;
        saved.Headers.ETag!.ToString().ShouldBe(now);
        now.ShouldNotBe(first);
        (await client.GetAsync("/api/v1/settings/ai", Ct)).Headers.ETag!.ToString().ShouldBe(now);

        var stale = await PutAsync(new { monthlyBudgetUsd = 99 }, first);
        (await stale.ProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("detail").GetString()!.ShouldStartWith("Your AI settings were changed after you opened them");
        (await (await client.GetAsync("/api/v1/settings/ai", Ct)).ReadAsync<AiSettingsDto>()).MonthlyBudgetUsd.ShouldBe(10m);
        (await PutAsync(new { monthlyBudgetUsd = 99 }, now)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PutAsync(new { monthlyBudgetUsd = 5 }, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_settings_and_engine_choices_say_what_to_change_without_echoing_the_key()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        async Task<System.Text.Json.JsonElement> PutAsync(object body) =>
            await (await client.PutAsJsonAsync("/api/v1/settings/ai", body, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        (await PutAsync(new { baseUrl = Fake.BaseUrl })).FieldError("baseUrl").ShouldContain("needs your own API key");
        var spaced = await PutAsync(new { apiKey = "sk with spaces SECRET" });
        spaced.FieldError("apiKey").ShouldContain("printable characters");
        spaced.ToString().ShouldNotContain("SECRET");
        (await PutAsync(new { apiKey = Key, baseUrl = "ftp://example.test/v1" })).FieldError("baseUrl").ShouldContain("http(s) URL");
        (await PutAsync(new { apiKey = Key, baseUrl = "https://user:pw@example.test/v1" })).FieldError("baseUrl").ShouldContain("without credentials");
        (await PutAsync(new { imageModel = "dall-e-2" })).FieldError("imageModel").ShouldContain("gpt-image-1");
        (await PutAsync(new { textModel = "gpt 4o" })).FieldError("textModel").ShouldContain("model name");
        (await PutAsync(new { monthlyBudgetUsd = -1 })).FieldError("monthlyBudgetUsd").ShouldContain("0 to");

        async Task<System.Text.Json.JsonElement> CreateAsync(params (string, object?)[] fields) =>
            await (await client.PostAsJsonAsync("/api/v1/books", ApiCalls.Brief(fields), ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        (await CreateAsync(("textEngine", "gpt"))).FieldError("textEngine").ShouldContain("use offline or openai");
        (await CreateAsync(("language", "es"))).FieldError("language").ShouldContain("needs the AI writer");
        (await CreateAsync(("language", "not a tag!"), ("textEngine", "openai"))).FieldError("language").ShouldContain("BCP-47");
        (await CreateAsync(("kind", "coloring"), ("textEngine", "openai"))).FieldError("textEngine").ShouldContain("drawn by the image model");
        (await CreateAsync(("budgetUsd", -2))).FieldError("budgetUsd").ShouldContain("0.01 to");

        // The model plans a coloring book it also draws, and writes concept books on the offline structure.
        (await client.CreateBookAsync(("kind", "coloring"), ("textEngine", "openai"), ("artEngine", "openai"))).TextEngine.ShouldBe("openai");
        (await client.CreateBookAsync(("educationalFocus", "abc"), ("textEngine", "openai"))).TextEngine.ShouldBe("openai");

        // A coloring book may still have its pictures made by the provider; a budget of 0 removes the book's own cap.
        var coloring = await client.CreateBookAsync(("kind", "coloring"), ("artEngine", "openai"), ("budgetUsd", 3));
        coloring.BudgetUsd.ShouldBe(3m);
        var cleared = await (await client.PatchAsJsonAsync($"/api/v1/books/{coloring.Id}", new { budgetUsd = 0 }, ApiCalls.Json, Ct)).ReadAsync<BookDto>();
        cleared.BudgetUsd.ShouldBeNull();
        cleared.ArtEngine.ShouldBe("openai");

        // Without a key of its own on a server without one, an AI book is not queued, and the answer says where to set one.
        var ai = await AiBookAsync(client);
        var noKey = await (await client.PostAsync($"/api/v1/books/{ai.Id}/generate", null, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        noKey.FieldError("textEngine").ShouldContain("save yours in Settings");
    }

    [Fact]
    public async Task A_brief_is_estimated_before_it_is_saved()
    {
        var client = await WithOwnKeyAsync();
        var offline = await (await client.PostAsJsonAsync("/api/v1/books/estimate", ApiCalls.Brief(), ApiCalls.Json, Ct)).ReadAsync<CostEstimateDto>();
        offline.TotalUsd.ShouldBe(0);
        offline.Summary.ShouldStartWith("Free");
        var painted = await (await client.PostAsJsonAsync("/api/v1/books/estimate", ApiCalls.Brief(("artEngine", "openai"), ("budgetUsd", 0.5)), ApiCalls.Json, Ct))
            .ReadAsync<CostEstimateDto>();
        painted.Images.ShouldBeGreaterThan(20);
        painted.TextCostUsd.ShouldBe(0);
        painted.ImageCostUsd.ShouldBeGreaterThan(0.5m);
        painted.BookBudgetUsd.ShouldBe(0.5m);
        painted.WithinBudget.ShouldBeFalse();
        painted.Summary.ShouldContain("will stop at the cap");
        (await (await client.GetAsync("/api/v1/books", Ct)).ReadAsync<PagedList<BookSummaryDto>>()).Total.ShouldBe(0);
    }
}

public abstract partial class AiEnginesApiTests
{
    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}

[Collection(nameof(AiEnginesApiTests))]
public sealed class SqliteAiEnginesApiTests(SqliteAiTaskApp app) : AiEnginesApiTests(app), IClassFixture<SqliteAiTaskApp>;

[Collection(nameof(AiEnginesApiTests))]
public sealed class PostgresAiEnginesApiTests(PostgresAiTaskApp app) : AiEnginesApiTests(app), IClassFixture<PostgresAiTaskApp>;

[CollectionDefinition(nameof(AiEnginesApiTests), DisableParallelization = true)]
public sealed class AiEnginesCollection;
