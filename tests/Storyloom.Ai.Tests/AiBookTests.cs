using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Ai.Engines;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Tools;

namespace Storyloom.Ai.Tests;

/// <summary>A whole book through the fake OpenAI server with the AI engines behind the pipeline's interfaces, as `book new --engine openai` makes it.</summary>
/// <remarks>Runs alone: Chromium and the resampler load both cores, which would upset the retry-timing tests.</remarks>
[Collection(nameof(AiBookTests))]
[CollectionDefinition(nameof(AiBookTests), DisableParallelization = true)]
public sealed partial class AiBookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Spanish_picture_book_is_written_painted_with_references_and_credits_the_ai()
    {
        await using var fake = await FakeProvider.StartAsync();
        var spec = new BookSpec { Theme = "la amistad", Age = AgeBand.Age3To5, Pages = 24, Seed = 7, Author = "Ana Prueba", ReviewedByAuthor = true, Credit = true };
        var ai = new AiEngines(fake.Options);
        var story = ai.Story("es");
        var art = ai.Art();
        var dir = Path.Combine(Path.GetTempPath(), "storyloom-ai-book-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await new BookBuilder(story, art).BuildAsync(spec, dir, ct: Ct);

            var interior = Path.Combine(dir, "interior.pdf");
            File.Exists(interior).ShouldBeTrue();
            var info = (await ExternalTool.RunCheckedAsync("pdfinfo", [interior], Ct)).StdoutText;
            int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(24);
            story.Last!.Language.ShouldBe("es");
            result.Preflight.Passed.ShouldBeTrue(string.Join("; ", result.Preflight.Failures.Select(f => f.Detail)));

            var images = fake.Server.Journal.Entries.Where(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200).ToList();
            var sheets = result.Manuscript.Cast.Count;
            // One generation per sheet; every page is an edit that starts once the sheets it attaches are back
            // (a page with only the hero may start before a friend's sheet is done).
            var generations = images.Where(e => e.Endpoint == "images/generations").ToList();
            generations.Count.ShouldBe(sheets);
            generations.ShouldAllBe(e => e.ReferenceImages == 0);
            var edits = images.Where(e => e.Endpoint != "images/generations").ToList();
            edits.ShouldNotBeEmpty();
            edits.ShouldAllBe(e => e.Endpoint == "images/edits" && e.ReferenceImages > 0 && e.ReferenceImages <= sheets);
            edits.ShouldAllBe(e => generations.Count(g => g.Sequence < e.Sequence) >= e.ReferenceImages);
            images.Select(e => e.Prompt).ShouldBeUnique();
            ai.Meter.Records.Count(r => r.Images == 1).ShouldBe(images.Count);

            var copyright = (await ExternalTool.RunCheckedAsync("pdftotext", ["-f", "2", "-l", "2", interior, "-"], Ct)).StdoutText;
            // The software notice and the review the user said they did (both asked for in the brief) speak the book's language.
            var notice = Regex.Replace(copyright, @"\s+", " ");
            notice.ShouldContain($"{fake.Options.TextModel} (with Storyloom), un modelo de IA");
            notice.ShouldContain($"{fake.Options.ImageModel} (with Storyloom), un modelo de IA");
            notice.ShouldContain("El autor revisó el texto y cada ilustración.");
            notice.ShouldContain("Hecho con Storyloom");
            notice.ShouldNotContain("an AI model");
            var listing = await File.ReadAllTextAsync(Path.Combine(dir, "listing.json"), Ct);
            listing.ShouldContain(fake.Options.ImageModel);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_book_stopped_by_its_budget_resumes_without_buying_a_picture_twice()
    {
        await using var fake = await FakeProvider.StartAsync();
        var spec = new BookSpec { Theme = "the sea", Age = AgeBand.Age3To5, Pages = 24, Seed = 3 };
        var dir = Path.Combine(Path.GetTempPath(), "storyloom-ai-budget-" + Guid.NewGuid().ToString("N"));
        var cache = Path.Combine(dir, "build", "ai-cache");
        try
        {
            var capped = new AiEngines(fake.Options with { BudgetPerBook = 0.20m }, cache);
            var stop = await Should.ThrowAsync<BuildException>(() => new BookBuilder(capped.Story("en"), capped.Art()).BuildAsync(spec, dir, ct: Ct));
            stop.Message.ShouldContain("STORYLOOM_AI_BUDGET");
            File.Exists(Path.Combine(dir, "interior.pdf")).ShouldBeFalse();
            var paidBefore = fake.Server.Journal.Entries.Count(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200);
            paidBefore.ShouldBeGreaterThan(0);

            var raised = new AiEngines(fake.Options with { BudgetPerBook = 5m }, cache);
            var result = await new BookBuilder(raised.Story("en"), raised.Art()).BuildAsync(spec, dir, ct: Ct);

            result.Preflight.Passed.ShouldBeTrue();
            var paid = fake.Server.Journal.Entries.Where(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200).ToList();
            paid.Select(e => e.Prompt).ShouldBeUnique();
            raised.Meter.Records.Count(r => r.FromCache).ShouldBeGreaterThanOrEqualTo(paidBefore);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
