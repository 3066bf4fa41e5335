using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>Interior + cover pairs: the good book and broken covers.</summary>
public sealed class CoverPreflightTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PreflightReport> RunAsync(string interior, string? cover = null, PrintOptions? options = null)
    {
        var report = await PreflightRunner.RunAsync(new PreflightRequest(interior, cover, options ?? Books.Options), Ct);
        TestContext.Current.SendDiagnosticMessage(PreflightFormatter.ToText(report));
        return report;
    }

    private static string[] FailedRules(PreflightReport report) => [.. report.Failures.Select(c => c.Rule).Distinct()];

    [Fact]
    public async Task Good_picture_book_passes_every_rule()
    {
        var interior = await Books.InteriorAsync("good-interior");
        var cover = await Books.CoverAsync("good-cover");

        var report = await RunAsync(interior, cover);

        report.Failures.ShouldBeEmpty(PreflightFormatter.ToText(report));
        report.Verdict.ShouldBe("PASS");
        report.Checks.Select(c => c.Rule).ShouldContain("R24");
        report.Checks.Count(c => c.File == "cover").ShouldBeGreaterThan(8);
    }

    [Fact]
    public async Task Spine_text_on_a_thin_book_fails_R28()
    {
        var interior = await Books.InteriorAsync("thin-interior");
        var cover = await Books.CoverAsync("thin-cover", spineText: "FOX");

        var report = await RunAsync(interior, cover);

        FailedRules(report).ShouldBe(["R28"]);
        report.Checks.Single(c => c.Rule == "R28").Detail.ShouldContain("32-page");
    }

    [Fact]
    public async Task Cover_for_another_page_count_fails_R24()
    {
        var interior = await Books.InteriorAsync("cover-width-interior");
        var cover = await Books.CoverAsync("cover-24", Books.Options with { Pages = 24 });

        var report = await RunAsync(interior, cover);

        FailedRules(report).ShouldContain("R24");
        report.Checks.Single(c => c.Rule == "R24").Detail.ShouldContain("expected 1247.407 x 630 pt");
    }

    [Fact]
    public async Task Text_in_the_barcode_box_fails_R30()
    {
        // Barcode box x 459–603, y 27–113.4 pt from the bottom = 516.6–603 pt from the top.
        var interior = await Books.InteriorAsync("barcode-interior");
        var cover = await Books.CoverAsync("barcode-cover", extra: "<div class=\"abs\" style=\"left:470pt;top:540pt;font-size:12pt\">Ages 3-6</div>");

        var report = await RunAsync(interior, cover);

        FailedRules(report).ShouldBe(["R30"]);
        report.Checks.First(c => c.Rule == "R30").Detail.ShouldContain("Ages 3-6");
    }
}
