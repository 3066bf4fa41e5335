using Storyloom.Print.Kdp;

namespace Storyloom.Print.Tests.Kdp;

/// <summary>The numbers behind each rule of kdp-print-spec.md §10 and the messages PrintOptions.Validate gives.</summary>
public sealed class KdpRulesTests
{
    [Fact]
    public void R1_all_sixteen_standard_trims_are_known_in_decimal_inches()
    {
        Trims.All.Count.ShouldBe(16);
        Trims.TryParse("6.14x9.21")!.Name.ShouldBe("6.14x9.21");
        Trims.TryParse("8.5 X 11").ShouldBe(Trims.Letter);
        Trims.TryParse("6.125x9.25").ShouldBeNull();
        Trims.TryParse("").ShouldBeNull();
        Trims.Find(6m, 9m)!.IsLarge.ShouldBeFalse();
        Trims.Square85.IsLarge.ShouldBeTrue();
        Trims.Square85.WidthPt.ShouldBe(612);
    }

    [Fact]
    public void R2_cream_paper_with_colour_is_rejected()
    {
        var problems = new PrintOptions(Trims.Find(6m, 9m)!, Ink.PremiumColor, Paper.Cream, 100, false).Validate();
        problems.ShouldHaveSingleItem().ShouldContain("cream paper is only printed with black ink");
    }

    [Fact]
    public void R2_standard_colour_is_not_offered_on_a4()
    {
        var a4 = Trims.Find(8.27m, 11.69m)!;
        new PrintOptions(a4, Ink.StandardColor, Paper.White, 100, false).Validate()
            .ShouldContain(p => p.Contains("not offered", StringComparison.Ordinal));
        KdpRules.PageRange(a4, Ink.StandardColor, Paper.White).ShouldBe((0, 0));
    }

    [Fact]
    public void R3_standard_colour_needs_72_pages()
    {
        var problems = new PrintOptions(Trims.Square85, Ink.StandardColor, Paper.White, 32, true).Validate();
        problems.ShouldHaveSingleItem().ShouldBe("standard color needs at least 72 pages; choose premium-color or add pages (you asked for 32)");
    }

    [Fact]
    public void R3_8_5_square_allows_at_most_590_pages()
    {
        var problems = new PrintOptions(Trims.Square85, Ink.PremiumColor, Paper.White, 600, true).Validate();
        problems.ShouldHaveSingleItem().ShouldContain("allows 24–590 pages; you asked for 600");
        problems[0].ShouldContain("or a smaller trim");
    }

    [Theory]
    [InlineData(TrimGroup.Standard, Ink.Bw, Paper.White, 24, 828)]
    [InlineData(TrimGroup.Standard, Ink.Bw, Paper.Cream, 24, 776)]
    [InlineData(TrimGroup.Wide825, Ink.PremiumColor, Paper.White, 24, 800)]
    [InlineData(TrimGroup.Wide825, Ink.Bw, Paper.Cream, 24, 750)]
    [InlineData(TrimGroup.Wide85, Ink.PremiumColor, Paper.White, 24, 590)]
    [InlineData(TrimGroup.Wide85, Ink.Bw, Paper.Cream, 24, 550)]
    [InlineData(TrimGroup.Wide85, Ink.StandardColor, Paper.White, 72, 600)]
    [InlineData(TrimGroup.A4, Ink.PremiumColor, Paper.White, 24, 590)]
    [InlineData(TrimGroup.A4, Ink.Bw, Paper.White, 24, 780)]
    public void R3_page_ranges_follow_the_trim_table(TrimGroup group, Ink ink, Paper paper, int min, int max)
    {
        var trim = Trims.All.First(t => t.Group == group);
        KdpRules.PageRange(trim, ink, paper).ShouldBe((min, max));
    }

    [Fact]
    public void R3_too_few_pages_are_rejected()
    {
        new PrintOptions(Trims.Square85, Ink.PremiumColor, Paper.White, 20, true).Validate()
            .ShouldHaveSingleItem().ShouldContain("allows 24–590 pages; you asked for 20");
    }

    [Fact]
    public void R4_odd_page_count_is_reported_with_a_fix()
    {
        var problems = new PrintOptions(Trims.Square85, Ink.PremiumColor, Paper.White, 33, true).Validate();
        problems.ShouldHaveSingleItem().ShouldContain("page count 33 is odd");
        problems[0].ShouldContain("use 34 or 32");
    }

    [Fact]
    public void Negative_page_count_is_reported_alone()
    {
        new PrintOptions(Trims.Square85, Ink.PremiumColor, Paper.White, -2, true).Validate()
            .ShouldHaveSingleItem().ShouldContain("is negative");
    }

    [Theory]
    [InlineData(24, 0.375)]
    [InlineData(150, 0.375)]
    [InlineData(151, 0.5)]
    [InlineData(300, 0.5)]
    [InlineData(301, 0.625)]
    [InlineData(500, 0.625)]
    [InlineData(501, 0.75)]
    [InlineData(700, 0.75)]
    [InlineData(701, 0.875)]
    [InlineData(828, 0.875)]
    public void R9_gutter_grows_with_page_count(int pages, double gutterIn) => KdpRules.GutterIn(pages).ShouldBe(gutterIn);

    [Fact]
    public void R10_outside_margin_depends_on_bleed()
    {
        KdpRules.OutsideMarginIn(bleed: false).ShouldBe(0.25);
        KdpRules.OutsideMarginIn(bleed: true).ShouldBe(0.375);
    }

    [Fact]
    public void R15_to_R20_limits()
    {
        KdpRules.MinImagePpi.ShouldBe(300);
        KdpRules.MinTextPt.ShouldBe(7.0);
        KdpRules.MinStrokePt.ShouldBe(0.75);
        KdpRules.MaxFileBytes.ShouldBe(650L * 1024 * 1024);
        KdpRules.RecommendedCoverBytes.ShouldBe(40L * 1024 * 1024);
    }

    [Theory]
    [InlineData(Ink.Bw, Paper.White, 0.002252)]
    [InlineData(Ink.Bw, Paper.Cream, 0.0025)]
    [InlineData(Ink.StandardColor, Paper.White, 0.002252)]
    [InlineData(Ink.PremiumColor, Paper.White, 0.002347)]
    public void R23_spine_factor_has_no_added_constant(Ink ink, Paper paper, double factor)
    {
        KdpRules.SpineFactor(ink, paper).ShouldBe(factor);
        KdpRules.SpineWidthIn(100, ink, paper).ShouldBe(100 * factor, 1e-12);
    }

    [Fact]
    public void R28_spine_text_from_80_pages()
    {
        KdpRules.SpineTextAllowed(79).ShouldBeFalse();
        KdpRules.SpineTextAllowed(80).ShouldBeTrue();
    }

    [Fact]
    public void Ink_and_paper_names_round_trip()
    {
        foreach (var ink in Enum.GetValues<Ink>())
        {
            InkPaperNames.ParseInk(ink.ToCli()).ShouldBe(ink);
        }
        InkPaperNames.ParsePaper("creme").ShouldBe(Paper.Cream);
        InkPaperNames.ParseInk("purple").ShouldBeNull();
    }
}
