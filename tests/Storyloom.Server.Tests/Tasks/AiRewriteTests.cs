using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Storyloom.Fakes.OpenAi;
using Storyloom.Server.Books;
using Storyloom.Server.Engines;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Engines;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>regenerate-text on a book the model wrote: the model writes the new words, in the book's language, paid once.</summary>
public abstract class AiRewriteTests(AiTaskApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    /// <summary>A word in every line the fake writes for a page asked again, and in none of the lines of the books it writes.</summary>
    private static readonly string[] RewriteWords = ["looked", "breeze", "waved", "glad", "counted", "flower", "hummed", "calm", "breath", "bee", "smiled", "lovely"];

    private FakeOpenAiServer Fake => fixture.Fake;

    private async Task<HttpClient> WithOwnKeyAsync(StoryloomApp host)
    {
        var client = host.CreateClient(await host.CreateUserAsync());
        await SaveSettingsAsync(client, null);
        return client;
    }

    private async Task SaveSettingsAsync(HttpClient client, decimal? monthlyBudget) =>
        (await (await client.PutAsJsonAsync("/api/v1/settings/ai", new { apiKey = "sk-user-rewrite-test", baseUrl = Fake.BaseUrl, monthlyBudgetUsd = monthlyBudget }, ApiCalls.Json, Ct))
            .ReadAsync<AiSettingsDto>()).Effective.KeySource.ShouldBe("yours");

    /// <summary>A new brief each time: answers are shared by content, so a same brief would cost nothing.</summary>
    private static async Task<BookDto> GeneratedAiBookAsync(HttpClient client, params (string Key, object? Value)[] more)
    {
        var book = await client.CreateBookAsync([("title", $"Pip {Guid.NewGuid():N}"[..20]), ("theme", $"friends {Guid.NewGuid():N}"[..16]), ("pageCount", 24),
            ("ageGroup", "3-5"), ("textEngine", "openai"), .. more]);
        var made = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);
        made.Status.ShouldBe("succeeded", made.Error);
        return book;
    }

    private static async Task<List<PageDto>> PagesAsync(HttpClient client, Guid bookId) =>
        await (await client.GetAsync($"/api/v1/books/{bookId}/pages", Ct)).ReadAsync<List<PageDto>>();

    private static async Task<TaskDto> RewriteAsync(HttpClient client, Guid bookId, int number)
    {
        var queued = await (await client.PostAsync($"/api/v1/books/{bookId}/pages/{number}/regenerate-text", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        return await client.WaitForAsync(queued.Id, Patience);
    }

    private List<JournalEntry> Chats() => [.. Fake.Journal.Entries.Where(e => e.Endpoint == "chat/completions" && e.Status == 200)];

    [Fact]
    public async Task A_page_of_a_book_the_model_wrote_gets_new_words_from_the_model_in_the_books_language()
    {
        var client = await WithOwnKeyAsync(fixture.Server);
        var book = await GeneratedAiBookAsync(client, ("language", "es"), ("theme", $"la amistad {Guid.NewGuid():N}"[..20]));
        var pages = await PagesAsync(client, book.Id);
        var target = pages.Where(p => p.Role == "story").Skip(3).First();
        Fake.Journal.Clear();

        var first = await RewriteAsync(client, book.Id, target.Number);
        first.Status.ShouldBe("succeeded", first.Error);
        first.Engine.ShouldNotBeNull().ShouldContain("gpt-4o-mini");
        first.Usage.PaidCalls.ShouldBeGreaterThanOrEqualTo(1);
        first.Usage.CostUsd.ShouldBeGreaterThan(0m);
        var asked = Chats().ShouldHaveSingleItem("one paid text step: the story is not written again");
        asked.Prompt.ShouldNotBeNull().ShouldContain($"Write new words for page {target.Number}");
        asked.Prompt.ShouldContain($"Current words: {target.Text}");
        asked.Prompt.ShouldContain("Language: es");

        var now = await PagesAsync(client, book.Id);
        var rewritten = now.Single(p => p.Number == target.Number);
        rewritten.Text.ShouldNotBeNullOrWhiteSpace();
        rewritten.Text.ShouldNotBe(target.Text);
        rewritten.Text.ShouldMatch(@"\b(el|la|las|los|con|una|y|se|en|tan)\b", "the model writes in the book's language");
        rewritten.Text.ShouldNotMatch(@"\b(the|and|was|with)\b", "not the offline engine's English");
        rewritten.Illustration.ToString().ShouldBe(target.Illustration.ToString(), "the picture does not change");
        now.Where(p => p.Number != target.Number).Select(p => p.Text).ShouldBe(pages.Where(p => p.Number != target.Number).Select(p => p.Text));
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("outdated");

        // Asking again is a new request (another seed), with other words.
        var second = await RewriteAsync(client, book.Id, target.Number);
        second.Status.ShouldBe("succeeded", second.Error);
        second.Usage.PaidCalls.ShouldBeGreaterThanOrEqualTo(1);
        Chats().Count.ShouldBe(2);
        var again = (await PagesAsync(client, book.Id)).Single(p => p.Number == target.Number);
        again.Text.ShouldNotBe(rewritten.Text);
        again.Text.ShouldNotBe(target.Text);
        again.Illustration.ToString().ShouldBe(target.Illustration.ToString());
    }

    [Fact]
    public async Task Flagged_new_words_fail_the_task_in_plain_words_and_a_retry_pays_nothing_again()
    {
        // A host of its own: a fresh answer store, so no verdict on the same words from another test is reused.
        await using var host = await fixture.StartHostAsync();
        var client = await WithOwnKeyAsync(host);
        var book = await GeneratedAiBookAsync(client);
        var target = (await PagesAsync(client, book.Id)).Where(p => p.Role == "story").Skip(2).First();
        RewriteWords.ShouldAllBe(w => !Regex.IsMatch(target.Text ?? "", $@"\b{w}\b"), "the flag words are only in rewritten lines");
        var faults = Fake.Faults;
        Fake.Faults = faults with { FlagWords = RewriteWords.ToDictionary(w => w, _ => "violence") };
        try
        {
            Fake.Journal.Clear();
            var failed = await RewriteAsync(client, book.Id, target.Number);
            failed.Status.ShouldBe("failed");
            failed.Error.ShouldNotBeNull().ShouldContain($"moderation flagged the new words for page {target.Number} (violence)");
            failed.Error.ShouldContain("ask for new text again");
            failed.Usage.PaidCalls.ShouldBe(1);
            (await PagesAsync(client, book.Id)).Single(p => p.Number == target.Number).Text.ShouldBe(target.Text, "nothing is saved");
            (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready");
            var calls = Fake.Journal.Entries.Count;

            // The same task again asks the same question: the answer and the verdict come from the store, nothing is paid twice.
            (await client.PostAsync($"/api/v1/tasks/{failed.Id}/retry", null, Ct)).IsSuccessStatusCode.ShouldBeTrue();
            var retried = await client.WaitForAsync(failed.Id, Patience);
            retried.Status.ShouldBe("failed");
            retried.Error.ShouldNotBeNull().ShouldContain("moderation flagged");
            Fake.Journal.Entries.Count.ShouldBe(calls);
            retried.Usage.PaidCalls.ShouldBe(1);
            retried.Usage.CachedAnswers.ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            Fake.Faults = faults;
        }
    }

    [Fact]
    public async Task A_rewrite_stopped_by_the_budget_says_so_and_leaves_the_book_as_it_was()
    {
        var client = await WithOwnKeyAsync(fixture.Server);
        var book = await GeneratedAiBookAsync(client, ("artEngine", "openai"));
        var target = (await PagesAsync(client, book.Id)).Where(p => p.Role == "story").Skip(1).First();
        await SaveSettingsAsync(client, 0.01m);
        Fake.Journal.Clear();

        var stopped = await RewriteAsync(client, book.Id, target.Number);
        stopped.Status.ShouldBe("budget-reached", stopped.Error);
        stopped.Error.ShouldNotBeNull().ShouldContain("you reached your monthly budget of $0.01");
        Chats().ShouldBeEmpty();
        (await PagesAsync(client, book.Id)).Single(p => p.Number == target.Number).Text.ShouldBe(target.Text);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready", "one page's task does not pause the book");
    }
}

public sealed class SqliteAiRewriteTests(SqliteAiTaskApp app) : AiRewriteTests(app), IClassFixture<SqliteAiTaskApp>;

public sealed class PostgresAiRewriteTests(PostgresAiTaskApp app) : AiRewriteTests(app), IClassFixture<PostgresAiTaskApp>;
