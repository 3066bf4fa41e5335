using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Tests;

public sealed class PainterTests
{
    private static readonly BookSpec Spec = new() { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 12, Seed = 3 };

    private static async Task<Manuscript> WriteAsync(FakeProvider fake, CostMeter meter) =>
        (await new OpenAiStoryWriter(fake.Provider, fake.Cache, meter).WriteAsync(Spec, "en", TestContext.Current.CancellationToken)).Manuscript;

    [Fact]
    public async Task Every_page_picture_after_the_reference_sheets_carries_the_references()
    {
        await using var fake = await FakeProvider.StartAsync();
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, TestContext.Current.CancellationToken);

        book.References.Keys.Order().ShouldBe(m.Cast.Select(c => c.Id).Order());
        var illustrated = m.Pages.Where(p => p.Illustration is not null && p.Role is PageRole.Story or PageRole.AboutTheAuthor).ToList();
        book.Pages.Keys.Order().ShouldBe(illustrated.Select(p => p.Number).Order());
        book.Pages.Values.ShouldAllBe(png => png.Length > 8 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G');
        book.Cover.ShouldNotBeNull();

        var images = fake.Server.Journal.Entries.Where(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal)).ToList();
        var sheets = images.Where(e => e.Endpoint == "images/generations").ToList();
        var edits = images.Where(e => e.Endpoint == "images/edits").ToList();
        sheets.Count.ShouldBe(m.Cast.Count);
        sheets.ShouldAllBe(e => e.Prompt!.Contains("reference sheet") && e.Model == "gpt-image-1");
        foreach (var page in illustrated)
        {
            var edit = edits.Single(e => e.Prompt == OpenAiPainter.PagePrompt(m, page.Illustration!));
            // A page starts as soon as the sheets of its own characters are back, not after every sheet.
            foreach (var id in page.Illustration!.Characters.Select(c => c.CharacterId).Distinct())
                edit.Sequence.ShouldBeGreaterThan(sheets.Single(s => s.Prompt == OpenAiPainter.ReferencePrompt(m, m.Cast.Single(c => c.Id == id))).Sequence);
            edit.ReferenceImages.ShouldBe(page.Illustration!.Characters.Select(c => c.CharacterId).Distinct().Count());
            edit.ReferenceContentTypes.ShouldNotBeNull().ShouldAllBe(t => t == "image/png");
            edit.InputFidelity.ShouldBe("high");
        }
        images.ShouldAllBe(e => e.Prompt!.Contains(OpenAiPainter.NoText) && e.Prompt.Contains(OpenAiPainter.StyleLine(m.ArtStyle)));
        meter.Records.Count(r => r.Images == 1).ShouldBe(images.Count);
    }

    [Fact]
    public async Task Budget_cap_stops_at_a_step_boundary_and_a_higher_cap_resumes_without_paying_twice()
    {
        await using var fake = await FakeProvider.StartAsync();
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var picture = CostEstimator.ImageStep(fake.Options);
        // The sheets are asked at the (cheaper) sheet quality, the pages at the pictures'.
        var sheet = CostEstimator.ImageStep(fake.Options, null, fake.Options.SheetQuality);
        var cap = meter.Spent + sheet * m.Cast.Count + picture * 2 + picture / 2;
        meter.RaiseCap(cap);
        var painter = new OpenAiPainter(fake.Provider, fake.Cache, meter);

        var stop = await Should.ThrowAsync<BudgetReachedException>(() => painter.PaintAsync(m, TestContext.Current.CancellationToken));
        stop.Cap.ShouldBe(cap);
        meter.Spent.ShouldBeLessThanOrEqualTo(cap);
        var paidBefore = fake.Server.Journal.Entries.Count(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200);
        paidBefore.ShouldBe(m.Cast.Count + 2);

        meter.RaiseCap(cap + 1m);
        var book = await painter.PaintAsync(m, TestContext.Current.CancellationToken);
        book.Cover.ShouldNotBeNull();
        var paid = fake.Server.Journal.Entries.Where(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200).ToList();
        paid.GroupBy(e => e.Prompt).ShouldAllBe(g => g.Count() == 1);
        paid.Count.ShouldBe(book.References.Count + book.Pages.Count + 1);
        meter.Records.Count(r => r.FromCache).ShouldBeGreaterThanOrEqualTo(paidBefore);
    }

    [Fact]
    public async Task Flaky_provider_every_call_succeeds_and_no_picture_is_bought_twice()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { ServerErrorRate = 0.20, RateLimitRate = 0.05, RetryAfterSeconds = 1 });
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, TestContext.Current.CancellationToken);

        book.Pages.Count.ShouldBe(m.Pages.Count(p => p.Illustration is not null && p.Role is PageRole.Story or PageRole.AboutTheAuthor));
        var journal = fake.Server.Journal.Entries;
        journal.Count(e => e.Fault == "500").ShouldBeGreaterThan(0);
        journal.Count(e => e.Fault == "429").ShouldBeGreaterThan(0);
        journal.Where(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200)
            .GroupBy(e => e.Prompt).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task Moderated_picture_prompt_is_reported_and_not_painted()
    {
        await using var fake = await FakeProvider.StartAsync();
        var meter = fake.Meter();
        var m = await WriteAsync(fake, meter);
        var page = m.Pages.First(p => p.Role == PageRole.Story);
        var bad = m with { Pages = [.. m.Pages.Select(p => p.Number == page.Number ? p with { Illustration = p.Illustration! with { Description = "A knife on the table." } } : p)] };
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(bad, TestContext.Current.CancellationToken);
        book.Findings.ShouldContain(f => f.Where == $"picture of page {page.Number}");
        book.Pages.ContainsKey(page.Number).ShouldBeFalse();
        fake.Server.Journal.Entries.ShouldNotContain(e => e.Endpoint == "images/edits" && e.Prompt!.Contains("knife"));
    }
}
