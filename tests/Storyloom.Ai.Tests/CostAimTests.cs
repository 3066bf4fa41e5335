using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Tests;

/// <summary>Issue 21's cost aim: a standard 32-page AI picture book at the default models and quality for at most US$1.50.</summary>
public sealed class CostAimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_standard_32_page_book_is_estimated_under_the_cost_aim_at_the_default_models_and_quality()
    {
        var options = new AiOptions();
        options.ImageModel.ShouldBe("gpt-image-1");
        options.ImageQuality.ShouldBe("medium");
        options.SheetQuality.ShouldBe("low");
        var estimate = CostEstimator.Estimate(new BookSpec { Theme = "friendship", Pages = 32 }, options);
        estimate.Total.ShouldBeLessThanOrEqualTo(1.50m);
        // Sheets at the pages' quality would put it back over the aim.
        CostEstimator.Estimate(new BookSpec { Theme = "friendship", Pages = 32 }, options with { SheetQuality = "medium" }).Total.ShouldBeGreaterThan(1.50m);
        AiOptions.FromEnvironment(n => n == "STORYLOOM_AI_SHEET_QUALITY" ? "high" : null).SheetQuality.ShouldBe("high");
    }

    [Fact]
    public async Task Sheets_are_asked_at_low_quality_and_the_vision_model_sees_pictures_scaled_down()
    {
        await using var fake = await FakeProvider.StartAsync(tune: o => o with { ImageSize = "1024x1024" });
        var meter = fake.Meter();
        var spec = new BookSpec { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 12, Seed = 3 };
        var m = (await new OpenAiStoryWriter(fake.Provider, fake.Cache, meter).WriteAsync(spec, "en", Ct)).Manuscript;
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, Ct);
        book.References.Count.ShouldBeGreaterThan(0);

        var sheets = meter.Records.Where(r => r.Step.StartsWith("reference ", StringComparison.Ordinal)).ToList();
        sheets.Count.ShouldBe(book.References.Count);
        sheets.ShouldAllBe(r => r.Cost == fake.Options.Prices.For("gpt-image-1").ForImage("low", "1024x1024"));
        meter.Records.Where(r => r.Step.StartsWith("picture of page", StringComparison.Ordinal))
            .ShouldAllBe(r => r.Cost == fake.Options.Prices.For("gpt-image-1").ForImage("medium", "1024x1024"));

        // A 1024-px picture and two sheets whole would be three times 1,659 tokens; scaled to 768 and 512 px, about a third.
        var looks = meter.Records.Where(r => r.Model == fake.Options.VisionModel).ToList();
        looks.Count.ShouldBe(book.Pages.Count + 1);
        looks.ShouldAllBe(r => r.InputTokens >= PictureChecker.PictureTokens && r.InputTokens < 2 * FakeLooker.ImageTokens);
        PngResampler.Fit(book.Pages.Values.First(), PictureChecker.PicturePx).Length.ShouldBeLessThan(book.Pages.Values.First().Length);
        FakeLooker.TokensOf(PngResampler.Fit(book.Pages.Values.First(), PictureChecker.PicturePx)).ShouldBe(PictureChecker.PictureTokens);
        FakeLooker.TokensOf(PngResampler.Fit(book.References.Values.First(), PictureChecker.SheetPx)).ShouldBe(PictureChecker.SheetTokens);
    }
}
