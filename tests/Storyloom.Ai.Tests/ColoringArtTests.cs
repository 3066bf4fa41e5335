using System.Text.RegularExpressions;
using Storyloom.Ai.Art;
using Storyloom.Ai.Engines;
using Storyloom.Fakes.OpenAi;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Tests;

public sealed partial class ColoringArtTests
{
    private static readonly ArtFrame Page = new(612, 792, null, new FrameRect(36, 36, 540, 720));

    [Fact]
    public void Line_art_is_traced_to_black_paths_on_white_with_no_grey()
    {
        var png = FakePng.Paint("Coloring page line art for children aged 3-5: a dinosaur", 512, 512, []);
        var traced = LineArt.Trace(png, Page, ColoringLevel.Simple, TestContext.Current.CancellationToken);
        traced.Problems.ShouldBeEmpty();
        traced.SolidShare.ShouldBeLessThan(LineArt.MaxSolidShare);
        traced.BlackShare.ShouldBeInRange(0.005, 0.2);
        traced.Svg.ShouldContain("<path");
        // Only black ink and the white page: no grey, no colour, no raster left in the design.
        Fills().Matches(traced.Svg).Select(m => m.Groups[1].Value).Distinct().Order().ShouldBe(["black", "white"]);
        traced.Svg.ShouldNotContain("<image");
        traced.Svg.ShouldContain("viewBox=\"0 0 612 792\"");
    }

    [Fact]
    public void A_solid_black_fill_is_a_problem_for_young_children_but_not_for_the_detailed_level()
    {
        // A dark shape filled solid, as a model that ignores "outlines only" draws it.
        var png = FakePng.Paint("a picture of a big dark ball", 256, 256, []);
        var simple = LineArt.Trace(png, Page, ColoringLevel.Simple, TestContext.Current.CancellationToken);
        simple.SolidShare.ShouldBeGreaterThan(0.05);
        simple.Problems.ShouldContain(p => p.Contains("solid black fills", StringComparison.Ordinal));
        LineArt.Trace(png, Page, ColoringLevel.Detailed, TestContext.Current.CancellationToken).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coloring_book_is_drawn_by_the_image_model_as_traced_line_art_and_checked()
    {
        await using var fake = await FakeProvider.StartAsync();
        var spec = new BookSpec { Kind = BookKind.Coloring, Theme = "dinosaurs", Age = AgeBand.Age3To5, Pages = 24, Seed = 5 };
        var m = ColoringBookWriter.Write(spec);
        var ai = new AiEngines(fake.Options);
        var art = ai.Art();
        var designs = m.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();
        designs.Count.ShouldBeGreaterThan(5);
        foreach (var page in designs)
        {
            var svg = art.DrawColoringPage(m, page, Page);
            svg.ShouldContain("<path");
            Fills().Matches(svg).Select(x => x.Groups[1].Value).Distinct().ShouldBeSubsetOf(["black", "white"]);
        }
        art.DrawCover(m, Page).ShouldContain("data:image/png");

        var images = fake.Server.Journal.Entries.Where(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Status == 200).ToList();
        // One picture a design and the cover; no reference sheets, nothing attached.
        images.Count.ShouldBe(designs.Count + 1);
        images.ShouldAllBe(e => e.ReferenceImages == 0);
        foreach (var page in designs)
            images.ShouldContain(e => e.Prompt!.Contains("Coloring page line art") && e.Prompt.Contains(page.Illustration!.Description));
        images.Select(e => e.Prompt).ShouldBeUnique();
        var content = art.ContentOf(m).ShouldNotBeNull();
        content.Checked.ShouldBe(designs.Count + 1);
        content.StillFailing.ShouldBe(0);
        content.Resolution.ShouldAllBe(r => r.Picture == "cover", "traced designs are vector outlines, not source pixels");
        var estimate = Costs.CostEstimator.Estimate(spec, fake.Options);
        estimate.Images.ShouldBe(designs.Count + 1 + estimate.Redraws, "the estimate counts a picture a design, the cover and the expected redraws, no sheets");
        estimate.Checks.ShouldBe(designs.Count + 1 + estimate.Redraws);
        estimate.ImageCost.ShouldBeGreaterThan(0);
        // The check asks for the design's things, not the brief's level tags.
        fake.Server.Journal.Entries.Where(e => e.ReferenceImages > 0 && e.Endpoint == "chat/completions").ShouldAllBe(e => !e.Prompt!.Contains("level:"));
    }

    [Fact]
    public void An_outline_with_a_gap_is_reported_open_and_a_hairline_gap_is_bridged_in_the_traced_design()
    {
        const string prompt = "Coloring page line art for children aged 3-5: a turtle";
        var ct = TestContext.Current.CancellationToken;
        var closed = LineArt.Trace(FakePng.Paint(prompt, 256, 256, []), Page, ColoringLevel.Simple, ct);
        closed.OpenShare.ShouldBe(0);
        closed.BridgedShare.ShouldBe(0);
        closed.Problems.ShouldBeEmpty();

        // A gap of 8 px (3 % of the side) through every outline: the shapes' insides leak to the page.
        var broken = LineArt.Trace(FakePng.Paint(prompt, 256, 256, [], gap: 8), Page, ColoringLevel.Simple, ct);
        broken.OpenShare.ShouldBeGreaterThan(0.1);
        broken.Problems.ShouldContain(p => p.StartsWith("outlines left open", StringComparison.Ordinal));
        LineArt.Inspect(FakePng.Paint(prompt, 256, 256, [], gap: 8), ColoringLevel.Detailed).ShouldContain(p => p.StartsWith("outlines left open", StringComparison.Ordinal));

        // A hairline gap is closed in the traced design (measured as bridged), nothing left to report.
        var hairline = LineArt.Trace(FakePng.Paint(prompt, 256, 256, [], gap: 2), Page, ColoringLevel.Simple, ct);
        hairline.BridgedShare.ShouldBeGreaterThan(0.1);
        hairline.OpenShare.ShouldBe(0);
        hairline.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_design_drawn_with_open_outlines_is_redrawn_until_they_are_closed()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { OpenOutlines = true });
        var m = ColoringBookWriter.Write(new BookSpec { Kind = BookKind.Coloring, Theme = "farm animals", Age = AgeBand.Age3To5, Pages = 12, Seed = 2 });
        var art = new AiEngines(fake.Options).Art();
        var designs = m.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();
        foreach (var page in designs) art.DrawColoringPage(m, page, Page);
        var content = art.ContentOf(m).ShouldNotBeNull();
        content.StillFailing.ShouldBe(0);
        var redrawn = content.Pictures.Where(p => p.Page is not null).ToList();
        redrawn.Count.ShouldBe(designs.Count);
        redrawn.ShouldAllBe(p => p.Redraws == 1 && p.Critiques[0].Contains("Close every outline", StringComparison.Ordinal));
        fake.Server.Journal.Entries.Count(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Prompt!.Contains("outlines left open", StringComparison.Ordinal)).ShouldBe(designs.Count);
    }

    [GeneratedRegex("fill=\"([^\"]+)\"")]
    private static partial Regex Fills();
}
