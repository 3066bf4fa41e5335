using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Tests;

public sealed class PageRewriteTests
{
    private static readonly BookSpec Spec = new() { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 16, Seed = 7, Author = "Ana Test" };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<JournalEntry> Chats(FakeProvider fake) => [.. fake.Server.Journal.Entries.Where(e => e.Endpoint == "chat/completions")];

    [Fact]
    public async Task A_story_page_gets_other_words_for_the_same_picture_in_one_paid_step_and_the_same_seed_is_served_from_the_cache()
    {
        await using var fake = await FakeProvider.StartAsync();
        var meter = fake.Meter();
        var writer = new OpenAiStoryWriter(fake.Provider, fake.Cache, meter);
        var book = (await writer.WriteAsync(Spec, "en", Ct)).Manuscript;
        var page = book.Pages.Where(p => p.Role == PageRole.Story).Skip(2).First();
        var before = Chats(fake).Count;

        var first = (await writer.RewritePageAsync(Spec, book, page.Number, 11, "en", Ct)).ShouldNotBeNull();
        first.Findings.ShouldBeEmpty();
        first.Page.Number.ShouldBe(page.Number);
        first.Page.Role.ShouldBe(PageRole.Story);
        first.Page.Illustration.ShouldBeSameAs(page.Illustration);
        first.Page.Text.ShouldNotBeNullOrWhiteSpace();
        first.Page.Text.ShouldNotBe(page.Text);
        OpenAiStoryWriter.PageProblem(first.Page.Text, ReadabilityTarget.For(Spec.Age)).ShouldBeNull();
        book.Pages.Where(p => p.Number != page.Number).ShouldAllBe(p => p.Text == null || !p.Text.Contains(first.Page.Text));
        var asked = Chats(fake).Skip(before).ShouldHaveSingleItem();
        asked.Prompt.ShouldNotBeNull().ShouldContain("Variation: 11");
        asked.Prompt.ShouldContain(page.Illustration!.Description);
        asked.Prompt.ShouldContain($"Current words: {page.Text}");
        asked.Prompt.ShouldContain(book.Title);
        meter.Records.ShouldContain(r => r.Step == $"rewrite-page {page.Number}" && !r.FromCache && r.Cost > 0);

        // The same request (a resumed task) is answered from the cache: the same words, nothing paid.
        var calls = fake.Server.Journal.Entries.Count;
        var resumed = (await writer.RewritePageAsync(Spec, book, page.Number, 11, "en", Ct)).ShouldNotBeNull();
        resumed.Page.Text.ShouldBe(first.Page.Text);
        fake.Server.Journal.Entries.Count.ShouldBe(calls, "no chat and no moderation call");
        meter.Records.ShouldContain(r => r.Step == $"rewrite-page {page.Number}" && r.FromCache);

        // Another seed is another request, with other words.
        var other = (await writer.RewritePageAsync(Spec, book, page.Number, 12, "en", Ct)).ShouldNotBeNull();
        other.Page.Text.ShouldNotBe(first.Page.Text);
        Chats(fake).Count.ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_spanish_book_is_rewritten_in_spanish_and_front_matter_is_not_rewritten()
    {
        await using var fake = await FakeProvider.StartAsync();
        var writer = new OpenAiStoryWriter(fake.Provider, fake.Cache, fake.Meter());
        var book = (await writer.WriteAsync(Spec, "es", Ct)).Manuscript;
        var page = book.Pages.First(p => p.Role == PageRole.Story);

        var rewritten = (await writer.RewritePageAsync(Spec, book, page.Number, 3, "es", Ct)).ShouldNotBeNull();
        rewritten.Page.Text.ShouldNotBeNull().ShouldMatch(@"\b(el|la|las|los|con|una|y|se|en|tan)\b");
        rewritten.Page.Text.ShouldNotBe(page.Text);

        var calls = fake.Server.Journal.Entries.Count;
        (await writer.RewritePageAsync(Spec, book, 1, 3, "es", Ct)).ShouldBeNull("the title page is not a story page");
        fake.Server.Journal.Entries.Count.ShouldBe(calls);
    }

    [Fact]
    public async Task Flagged_new_words_come_back_with_the_findings()
    {
        await using var fake = await FakeProvider.StartAsync();
        var writer = new OpenAiStoryWriter(fake.Provider, fake.Cache, fake.Meter());
        var book = (await writer.WriteAsync(Spec, "en", Ct)).Manuscript;
        var page = book.Pages.First(p => p.Role == PageRole.Story);
        string[] rewriteWords = ["looked", "breeze", "waved", "glad", "counted", "flower", "hummed", "calm", "breath", "bee", "smiled", "lovely"];
        fake.Server.Faults = new FakeFaults { FlagWords = rewriteWords.ToDictionary(w => w, _ => "violence") };

        var rewritten = (await writer.RewritePageAsync(Spec, book, page.Number, 5, "en", Ct)).ShouldNotBeNull();
        rewritten.Findings.ShouldNotBeEmpty();
        rewritten.Findings.ShouldAllBe(f => f.Where == $"page {page.Number}" && f.Reasons.Contains("violence"));
    }
}
