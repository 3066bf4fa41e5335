using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Tests;

public sealed class PictureCheckTests
{
    private static readonly BookSpec Spec = new() { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 12, Seed = 3 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Manuscript> WriteAsync(FakeProvider fake, CostMeter meter) =>
        (await new OpenAiStoryWriter(fake.Provider, fake.Cache, meter).WriteAsync(Spec, "en", Ct)).Manuscript;

    private static List<JournalEntry> Paid(FakeProvider fake, string endpoint) =>
        [.. fake.Server.Journal.Entries.Where(e => e.Endpoint.StartsWith(endpoint, StringComparison.Ordinal) && e.Status == 200)];

    private static List<JournalEntry> Looks(FakeProvider fake) => [.. Paid(fake, "chat/completions").Where(e => e.ReferenceImages > 0)];

    [Fact]
    public async Task Every_picture_is_looked_at_with_its_characters_sheets_and_a_good_one_is_not_redrawn()
    {
        await using var fake = await FakeProvider.StartAsync();
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, Ct);

        var reviews = book.Reviews.ShouldNotBeNull();
        reviews.Count.ShouldBe(book.Pages.Count + 1);
        reviews.ShouldAllBe(r => r.Passed && r.Redraws == 0 && r.Problems.Count == 0);
        var looks = Looks(fake);
        looks.Count.ShouldBe(book.Pages.Count + 1);
        looks.ShouldAllBe(e => e.Model == "gpt-4.1-mini" && e.Prompt!.Contains("Characters:") && e.Prompt.Contains(OpenAiPainter.StyleLine(m.ArtStyle)));
        foreach (var page in m.Pages.Where(p => book.Pages.ContainsKey(p.Number)))
        {
            var look = looks.Single(e => e.Prompt!.Contains($"a picture for page {page.Number} "));
            look.ReferenceImages.ShouldBe(1 + page.Illustration!.Characters.Select(c => c.CharacterId).Distinct().Count());
        }
        meter.Records.Where(r => r.Model == "gpt-4.1-mini").ShouldAllBe(r => r.Cost > 0 && r.InputTokens > FakeLooker.TokensOf(book.Pages.Values.First()));
    }

    [Fact]
    public async Task A_resumed_build_that_paints_nothing_still_has_the_content_report_of_the_process_that_painted()
    {
        var faults = new FakeFaults { VerdictFailRate = 0.5, VerdictSeed = 11 };
        await using var fake = await FakeProvider.StartAsync(faults);
        var cache = Path.Combine(Path.GetTempPath(), "storyloom-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = new Engines.AiEngines(fake.Options, cache);
            var m = await new OpenAiStoryWriter(first.Provider, first.Cache, first.Meter).WriteAsync(Spec, "en", Ct);
            var manuscript = m.Manuscript;
            var art = first.Art();
            var frame = new Core.Art.ArtFrame(612, 612, null, new Core.Art.FrameRect(0, 0, 612, 612));
            foreach (var page in manuscript.Pages.Where(p => p.Role == PageRole.Story)) art.DrawStoryPage(manuscript, page, frame);
            art.DrawCover(manuscript, frame);
            var painted = art.ContentOf(manuscript).ShouldNotBeNull();
            painted.Redrawn.ShouldBeGreaterThan(0);

            // Another process: the manuscript read back from manuscript.json, the same cache folder, nothing drawn.
            var calls = fake.Server.Journal.Entries.Count;
            var json = System.Text.Json.JsonSerializer.Serialize(manuscript, Core.Pipeline.BookBuilder.Json);
            var reread = System.Text.Json.JsonSerializer.Deserialize<Manuscript>(json, Core.Pipeline.BookBuilder.Json)!;
            var resumed = new Engines.AiEngines(fake.Options, cache).Art().ContentOf(reread).ShouldNotBeNull();
            fake.Server.Journal.Entries.Count.ShouldBe(calls, "the report is read, nothing is asked again");
            System.Text.Json.JsonSerializer.Serialize(resumed).ShouldBe(System.Text.Json.JsonSerializer.Serialize(painted));
            resumed.Resolution.Count.ShouldBe(manuscript.Pages.Count(p => p.Role == PageRole.Story) + 1);

            // Another book (other pictures) has no report to borrow.
            var other = reread with { Pages = [.. reread.Pages.Select(p => p.Illustration is null ? p : p with { Illustration = p.Illustration with { Description = p.Illustration.Description + " Other." } })] };
            new Engines.AiEngines(fake.Options, cache).Art().ContentOf(other).ShouldBeNull();
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_check_redraws_with_the_critique_and_the_redraw_that_passes_is_kept()
    {
        var faults = new FakeFaults { VerdictFailRate = 0.5, VerdictSeed = 11 };
        await using var fake = await FakeProvider.StartAsync(faults);
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, Ct);

        var fixedOnes = book.Reviews!.Where(r => r is { Passed: true, Redraws: > 0 }).ToList();
        fixedOnes.ShouldNotBeEmpty();
        foreach (var r in fixedOnes)
        {
            r.Critiques.Count.ShouldBe(r.Redraws);
            var png = r.Page is { } n ? book.Pages[n] : book.Cover!;
            FakeLooker.Fails(png, faults).ShouldBeFalse();
        }
        // Every picture printed either passed its last look or is reported as failing: none slips through.
        foreach (var (n, png) in book.Pages)
            book.Reviews!.Single(r => r.Page == n).Passed.ShouldBe(!FakeLooker.Fails(png, faults));
        var redraws = Paid(fake, "images/edits").Where(e => e.Prompt!.Contains("Corrections after checks of earlier tries:")).ToList();
        redraws.Count.ShouldBe(book.Reviews!.Sum(r => r.Redraws));
        redraws.ShouldAllBe(e => e.ReferenceImages > 0 || e.Prompt!.Contains("cover"));
        Looks(fake).Count.ShouldBe(book.Reviews!.Count + redraws.Count);
    }

    [Fact]
    public async Task A_picture_that_still_fails_after_two_redraws_is_kept_and_reported()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { VerdictFailRate = 1.0 });
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, Ct);

        book.Cover.ShouldNotBeNull();
        book.Reviews!.Count.ShouldBe(book.Pages.Count + 1);
        book.Reviews!.ShouldAllBe(r => !r.Passed && r.Redraws == 2 && r.Problems.Count > 0 && r.Critiques.Count == 2);
        Paid(fake, "images/").Count.ShouldBe(m.Cast.Count + 3 * (book.Pages.Count + 1));
        Looks(fake).Count.ShouldBe(3 * (book.Pages.Count + 1));
    }

    [Fact]
    public async Task Budget_reached_during_redraws_stops_cleanly_and_resumes_without_paying_twice()
    {
        var faults = new FakeFaults { VerdictFailRate = 1.0 };
        int fullImages, fullLooks;
        await using (var whole = await FakeProvider.StartAsync(faults))
        {
            var meter = whole.Meter();
            await new OpenAiPainter(whole.Provider, whole.Cache, meter).PaintAsync(await WriteAsync(whole, meter), Ct);
            (fullImages, fullLooks) = (Paid(whole, "images/").Count, Looks(whole).Count);
        }

        await using var fake = await FakeProvider.StartAsync(faults, o => o with { MaxConcurrentImages = 2 });
        var first = fake.Meter();
        var m = await WriteAsync(fake, first);
        // Enough for every first picture and look and a few redraws, not for all of them.
        var firstRound = m.Cast.Count + m.Pages.Count(p => p.Illustration is not null) + 1;
        var cap = first.Spent + CostEstimator.ImageStep(fake.Options) * (firstRound + 4) + CostEstimator.CheckStep(fake.Options, 4) * firstRound * 2;
        first.RaiseCap(cap);
        var stop = await Should.ThrowAsync<BudgetReachedException>(() => new OpenAiPainter(fake.Provider, fake.Cache, first).PaintAsync(m, Ct));
        first.Spent.ShouldBeLessThanOrEqualTo(cap);
        stop.Cap.ShouldBe(cap);
        Paid(fake, "images/edits").ShouldContain(e => e.Prompt!.Contains("Corrections after checks"));
        Paid(fake, "images/").Count.ShouldBeLessThan(fullImages);

        // A new run (as a resumed task has) with a higher cap and the same stored answers.
        var second = new CostMeter(fake.Options.Prices, cap + 5m, first.Spent);
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, second).PaintAsync(m, Ct);
        book.Reviews!.ShouldAllBe(r => !r.Passed && r.Redraws == 2);
        var images = Paid(fake, "images/");
        images.GroupBy(e => (e.Prompt, e.ReferenceImages)).ShouldAllBe(g => g.Count() == 1);
        images.Count.ShouldBe(fullImages);
        Looks(fake).Count.ShouldBe(fullLooks);
        second.Records.ShouldContain(r => r.FromCache);
    }
}
