using System.Text.Json;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Safety;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Tests;

public sealed class StoryWriterTests
{
    private static readonly BookSpec Spec = new() { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 16, Seed = 7, Author = "Ana Test" };

    private static async Task<(WrittenStory Story, FakeProvider Fake)> WriteAsync(string language, BookSpec? spec = null, FakeFaults? faults = null)
    {
        var fake = await FakeProvider.StartAsync(faults);
        var writer = new OpenAiStoryWriter(fake.Provider, fake.Cache, fake.Meter());
        return (await writer.WriteAsync(spec ?? Spec, language, TestContext.Current.CancellationToken), fake);
    }

    [Fact]
    public async Task English_story_has_the_offline_manuscript_shape_and_reads_in_the_age_band()
    {
        var (story, fake) = await WriteAsync("en");
        await using var _ = fake;
        var m = story.Manuscript;
        m.Pages.Count.ShouldBe(16);
        m.Pages.Select(p => p.Number).ShouldBe(Enumerable.Range(1, 16));
        m.Pages[0].Role.ShouldBe(PageRole.Title);
        m.Pages[1].Role.ShouldBe(PageRole.Copyright);
        m.Pages[^2].Role.ShouldBe(PageRole.TheEnd);
        m.Pages[^1].Role.ShouldBe(PageRole.AboutTheAuthor);
        var storyPages = m.Pages.Where(p => p.Role == PageRole.Story).ToList();
        storyPages.Count.ShouldBe(12);
        storyPages.ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.Text) && p.Illustration != null && p.Illustration.Characters.Count > 0);
        m.Cast.Count.ShouldBeGreaterThanOrEqualTo(2);
        m.Cast.Select(c => c.Id).ShouldBe(Enumerable.Range(1, m.Cast.Count).Select(i => $"c{i}"));
        m.Cast.ShouldAllBe(c => c.BodyColor.StartsWith('#') && c.VisualDescription.Length > 0);
        storyPages.ShouldAllBe(p => p.Illustration!.Characters.All(c => m.Cast.Any(x => x.Id == c.CharacterId)));
        m.Readability.ShouldNotBeNull().InBand.ShouldBeTrue();
        m.Listing.Keywords.Count.ShouldBe(7);
        story.Findings.ShouldBeEmpty();
        var chats = fake.Server.Journal.Entries.Where(e => e.Endpoint == "chat/completions").ToList();
        chats.Count.ShouldBeInRange(2, 3);
        chats.ShouldAllBe(e => e.Model == "gpt-4o-mini" && e.Status == 200);
        fake.Server.Journal.Entries.ShouldContain(e => e.Endpoint == "moderations");
    }

    [Fact]
    public async Task Spanish_story_is_written_in_spanish()
    {
        var (story, fake) = await WriteAsync("es");
        await using var _ = fake;
        var text = string.Join(" ", story.Manuscript.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
        story.Language.ShouldBe("es");
        text.ShouldMatch(@"\b(el|la|los|con|una|y)\b");
        story.Manuscript.Readability.ShouldNotBeNull().InBand.ShouldBeTrue();
    }

    [Fact]
    public async Task Arabic_story_keeps_its_right_to_left_text_through_json()
    {
        var (story, fake) = await WriteAsync("ar");
        await using var _ = fake;
        var pages = story.Manuscript.Pages.Where(p => p.Role == PageRole.Story).ToList();
        pages.ShouldAllBe(p => p.Text!.Any(ch => ch >= '\u0600' && ch <= '\u06FF'));
        story.Manuscript.Title.Any(ch => ch >= '\u0600' && ch <= '\u06FF').ShouldBeTrue();
        var json = JsonSerializer.Serialize(story.Manuscript);
        var back = JsonSerializer.Deserialize<Manuscript>(json)!;
        back.Pages.Select(p => p.Text).ShouldBe(story.Manuscript.Pages.Select(p => p.Text));
    }

    [Fact]
    public async Task A_story_that_passes_the_story_check_is_not_sent_back()
    {
        var (story, fake) = await WriteAsync("en");
        await using var _ = fake;
        var check = story.Manuscript.Check.ShouldNotBeNull();
        check.Passed.ShouldBeTrue(string.Join("; ", check.Findings.Select(f => $"{f.Level} p{f.Page} {f.Message}")));
        check.Revision.ShouldNotBeNull().Pages.ShouldBeEmpty();
        story.Manuscript.Premise.ShouldNotBeNull().Keys.ShouldContain("friend");
        check.ThemeCoverage.ShouldBe(1);
        fake.Server.Journal.Entries.ShouldNotContain(e => e.Prompt != null && e.Prompt.Contains("An editor checked the story"));
        BookSteps.StoryCheckOf(story.Manuscript).ShouldBeSameAs(check);
    }

    [Fact]
    public async Task A_flawed_story_is_revised_once_with_the_findings_and_then_passes()
    {
        var (story, fake) = await WriteAsync("en", faults: new FakeFaults { FlawedStory = "once" });
        await using var _ = fake;
        var check = story.Manuscript.Check.ShouldNotBeNull();
        var revision = check.Revision.ShouldNotBeNull();
        // The draft named a friend who was not in the picture (the second story page, 4) and moved to another place without
        // saying how (the third, 5).
        revision.DraftFindings.ShouldContain(f => f.Rule == "names-not-in-scene" && f.Level == StoryCheck.Must && f.Page == 4);
        revision.DraftFindings.ShouldContain(f => f.Rule == "travel" && f.Level == StoryCheck.Must && f.Page == 5);
        revision.Pages.ShouldContain(4);
        revision.Pages.ShouldContain(5);
        var asks = fake.Server.Journal.Entries.Where(e => e.Prompt != null && e.Prompt.Contains("An editor checked the story")).ToList();
        asks.Count.ShouldBe(1);
        asks[0].Prompt!.ShouldContain("Page 4\nFindings: MUST the words name");
        asks[0].Prompt!.ShouldContain($"Revise exactly {revision.Pages.Count} pages");
        check.Passed.ShouldBeTrue(string.Join("; ", check.Findings.Select(f => $"{f.Level} p{f.Page} {f.Message}")));
        var page4 = story.Manuscript.Pages.Single(p => p.Number == 4);
        page4.Illustration!.Characters.Count.ShouldBe(2, "the revised picture holds both characters its words name");
        // The revised words were moderated like every other page.
        fake.Server.Journal.Entries.Last(e => e.Endpoint == "moderations").Sequence.ShouldBeGreaterThan(asks[0].Sequence);
    }

    [Fact]
    public async Task A_story_still_flawed_after_its_revision_is_kept_and_reported_not_passed()
    {
        var (story, fake) = await WriteAsync("en", faults: new FakeFaults { FlawedStory = "always" });
        await using var _ = fake;
        var check = story.Manuscript.Check.ShouldNotBeNull();
        check.Passed.ShouldBeFalse();
        check.Revision.ShouldNotBeNull().Pages.ShouldNotBeEmpty();
        check.Findings.ShouldContain(f => f.Level == StoryCheck.Must && f.Rule == "names-not-in-scene");
        fake.Server.Journal.Entries.Count(e => e.Prompt != null && e.Prompt.Contains("An editor checked the story")).ShouldBe(1, "revised once, not in a loop");
        // Kept for the user (the pictures, the report and the summary say what is wrong), not stopped as an engine defect.
        BookSteps.CheckSafety(Spec, story.Manuscript).Passed.ShouldBeTrue();
        BookSteps.StoryCheckOf(story.Manuscript).ShouldNotBeNull().Passed.ShouldBeFalse();
        var json = JsonSerializer.Serialize(story.Manuscript, Storyloom.Core.Pipeline.BookBuilder.Json);
        json.ShouldContain("\"revision\"");
    }

    [Fact]
    public void The_offline_check_still_stops_its_own_failing_story()
    {
        var m = new Storyloom.Core.Story.OfflineStoryEngine().Write(Spec);
        var broken = m with { Check = m.Check! with { Passed = false, Findings = [new StoryFinding("travel", StoryCheck.Must, 5, "moved")] } };
        BookSteps.CheckSafety(Spec, broken).Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Flagged_brief_is_refused_with_the_reason_before_any_writing()
    {
        var fake = await FakeProvider.StartAsync();
        await using var _ = fake;
        var writer = new OpenAiStoryWriter(fake.Provider, fake.Cache, fake.Meter());
        var refused = await Should.ThrowAsync<ContentRefusedException>(() =>
            writer.WriteAsync(Spec with { Theme = "a knife fight with blood" }, "en", TestContext.Current.CancellationToken));
        refused.Findings.ShouldContain(f => f.Where == "theme" && f.Reasons.Contains("violence") && f.Source == "moderation");
        refused.Message.ShouldContain("violence");
        fake.Server.Journal.Entries.ShouldNotContain(e => e.Endpoint == "chat/completions");
    }

    [Fact]
    public async Task Same_brief_twice_is_served_from_the_cache()
    {
        var fake = await FakeProvider.StartAsync();
        await using var _ = fake;
        var writer = new OpenAiStoryWriter(fake.Provider, fake.Cache, fake.Meter());
        var first = await writer.WriteAsync(Spec, "en", TestContext.Current.CancellationToken);
        var calls = fake.Server.Journal.Entries.Count;
        var second = await writer.WriteAsync(Spec, "en", TestContext.Current.CancellationToken);
        fake.Server.Journal.Entries.Count.ShouldBe(calls, "no chat and no moderation call the second time");
        JsonSerializer.Serialize(second.Manuscript).ShouldBe(JsonSerializer.Serialize(first.Manuscript));
    }

    [Fact]
    public async Task Flagged_page_is_rewritten_once_and_reported_when_still_flagged()
    {
        var (story, fake) = await WriteAsync("en", faults: new FakeFaults { FlagWords = new Dictionary<string, string> { ["kite"] = "violence" } });
        await using var _ = fake;
        var rewrites = fake.Server.Journal.Entries.Where(e => e.Endpoint == "chat/completions" && e.Prompt!.Contains("was flagged")).ToList();
        rewrites.ShouldNotBeEmpty();
        rewrites.Select(e => e.Prompt).Distinct().Count().ShouldBe(rewrites.Count);
        story.Findings.ShouldAllBe(f => f.Where.StartsWith("page ") && f.Reasons.Contains("violence"));
        story.Findings.Count.ShouldBeLessThanOrEqualTo(rewrites.Count);
    }

    [Fact]
    public async Task A_language_that_is_not_built_in_gets_its_software_notice_from_the_model()
    {
        var (story, fake) = await WriteAsync("it");
        await using var _ = fake;
        var words = story.Manuscript.Words.ShouldNotBeNull();
        var ask = fake.Server.Journal.Entries.Single(e => e.Endpoint == "chat/completions" && e.Prompt!.Contains("software_both:"));
        ask.Prompt!.ShouldContain("Language: it");
        // The fake answers the English lines it was given; a real model translates them and keeps the placeholders.
        words.SoftwareBoth.ShouldBe(BookWords.English.SoftwareBoth);
        words.AiModel.ShouldContain("{tool}");
    }

    [Theory]
    [InlineData("es", "un modelo de IA", "No se utilizó ningún modelo de IA.")]
    [InlineData("de", "ein KI-Modell", "Es wurde kein KI-Modell verwendet.")]
    [InlineData("he", "מודל בינה מלאכותית", "לא נעשה שימוש במודל בינה מלאכותית.")]
    public void Software_notice_speaks_the_book_language(string language, string aiModel, string noAi)
    {
        var words = BookWords.For(language).ShouldNotBeNull();
        var ai = new ContentCredit("OpenAI gpt-image-1", IsAiModel: true);
        var offline = new ContentCredit("Storyloom's offline story engine", IsAiModel: false);
        words.SoftwareNotice(offline, ai).ShouldContain($"OpenAI gpt-image-1, {aiModel}");
        words.SoftwareNotice(offline, ai).ShouldNotContain(noAi);
        words.SoftwareNotice(offline, offline).ShouldContain(noAi);
        words.SoftwareNotice(offline, offline).ShouldNotContain("{");
    }

    [Fact]
    public void Page_problem_names_what_is_out_of_the_band()
    {
        var t = Storyloom.Core.Story.ReadabilityTarget.For(AgeBand.Age3To5);
        OpenAiStoryWriter.PageProblem("Pip ran.", t).ShouldBe("2 words, fewer than 4");
        OpenAiStoryWriter.PageProblem("Pip ran up the hill. Luna sat. The sun was warm. They had fun. Pip hopped. Luna hid. They sang.", t).ShouldStartWith("7 sentences");
        OpenAiStoryWriter.PageProblem("Pip ran up the green hill to see Luna.", t).ShouldBeNull();
    }
}
