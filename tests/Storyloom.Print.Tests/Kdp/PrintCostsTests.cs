using Storyloom.Print.Kdp;

namespace Storyloom.Print.Tests.Kdp;

/// <summary>KDP's published printing costs and royalty (G201834340, G201834330, 10 June 2025), checked against its own figures.</summary>
public sealed class PrintCostsTests
{
    private static Marketplace M(string code) => PrintCosts.FindMarketplace(code)!;
    private static readonly Trim SixByNine = Trims.Find(6m, 9m)!;

    [Fact]
    public void Black_ink_up_to_108_pages_costs_the_fixed_cost_only_per_marketplace_and_trim_class()
    {
        // The first table of the page, every row: regular then large trim.
        (string Code, decimal Regular, decimal Large)[] rows =
            [("CA", 2.99m, 3.53m), ("JP", 422m, 530m), ("UK", 1.93m, 2.15m), ("US", 2.30m, 2.84m), ("AU", 4.74m, 5.28m), ("DE", 2.05m, 2.48m), ("NL", 2.05m, 2.48m)];
        foreach (var (code, regular, large) in rows)
        {
            PrintCosts.PrintingCost(M(code), Ink.Bw, SixByNine, 24).ShouldBe(regular, code);
            PrintCosts.PrintingCost(M(code), Ink.Bw, SixByNine, 108).ShouldBe(regular, code);
            PrintCosts.PrintingCost(M(code), Ink.Bw, Trims.Letter, 108).ShouldBe(large, code);
        }
    }

    [Fact]
    public void Black_ink_from_110_pages_adds_the_per_page_cost()
    {
        // KDP's worked example after June 2025: a 300-page black-ink 6x9 sold on Amazon.com costs $1.00 + 300 × $0.012 = $4.60.
        PrintCosts.PrintingCost(M("US"), Ink.Bw, SixByNine, 300).ShouldBe(4.60m);
        PrintCosts.PrintingCost(M("US"), Ink.Bw, Trims.Letter, 110).ShouldBe(2.87m);   // 1.00 + 110 × 0.017
        PrintCosts.PrintingCost(M("UK"), Ink.Bw, SixByNine, 200).ShouldBe(2.85m);      // 0.85 + 200 × 0.010
        PrintCosts.PrintingCost(M("JP"), Ink.Bw, SixByNine, 120).ShouldBe(446m);       // 206 + 120 × 2
    }

    [Fact]
    public void Premium_color_is_fixed_to_40_pages_then_per_page_and_a_square_picture_book_is_a_large_trim()
    {
        PrintCosts.PrintingCost(M("US"), Ink.PremiumColor, Trims.Square85, 32).ShouldBe(4.20m);
        PrintCosts.PrintingCost(M("US"), Ink.PremiumColor, SixByNine, 40).ShouldBe(3.60m);
        PrintCosts.PrintingCost(M("US"), Ink.PremiumColor, Trims.Square85, 42).ShouldBe(4.36m);  // 1.00 + 42 × 0.080
        PrintCosts.PrintingCost(M("FR"), Ink.PremiumColor, SixByNine, 42).ShouldBe(2.96m);       // 0.75 + 42 × 0.0525 = 2.955, rounded half up
    }

    [Fact]
    public void Standard_color_is_not_printed_for_Japan_or_Australia_nor_below_72_pages()
    {
        PrintCosts.PrintingCost(M("JP"), Ink.StandardColor, Trims.Letter, 100).ShouldBeNull();
        PrintCosts.PrintingCost(M("AU"), Ink.StandardColor, Trims.Letter, 100).ShouldBeNull();
        PrintCosts.PrintingCost(M("US"), Ink.StandardColor, Trims.Letter, 70).ShouldBeNull();
        PrintCosts.PrintingCost(M("US"), Ink.StandardColor, Trims.Letter, 100).ShouldBe(5.02m);  // 1.00 + 100 × 0.0402
        PrintCosts.PrintingCost(M("US"), Ink.Bw, Trims.Letter, 830).ShouldBeNull();
    }

    [Fact]
    public void Royalty_is_60_percent_from_the_threshold_and_50_below_it_minus_the_printing_cost()
    {
        // KDP's example: printing cost $4.60 at a list price of $8.00 now earns 50%, nothing; the minimum list price is $9.20.
        PrintCosts.RoyaltyRate(M("US"), 8.00m).ShouldBe(0.5m);
        PrintCosts.Royalty(M("US"), 8.00m, 4.60m).ShouldBe(0m);
        PrintCosts.MinimumPrice(M("US"), 4.60m).ShouldBe(9.20m);
        PrintCosts.Royalty(M("US"), 12.99m, 4.20m).ShouldBe(3.59m);   // 0.6 × 12.99 − 4.20 = 3.594
        PrintCosts.RoyaltyRate(M("UK"), 7.99m).ShouldBe(0.6m);
        PrintCosts.MinimumPrice(M("US"), 7.00m).ShouldBe(11.67m);     // 7.00 / 0.6, rounded up
        PrintCosts.MinimumPrice(M("US"), 5.50m).ShouldBe(9.99m);      // 11.00 at 50%, but 9.99 already earns 60%
        PrintCosts.MinimumPrice(M("JP"), 475m).ShouldBe(950m);
    }

    [Fact]
    public void For_lists_all_twelve_marketplaces_with_a_royalty_only_where_a_price_is_given()
    {
        var rows = PrintCosts.For(Ink.PremiumColor, Trims.Square85, 32, new Dictionary<string, decimal> { ["US"] = 12.99m });
        rows.Select(r => r.Marketplace.Code).ShouldBe(["US", "UK", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "JP", "CA", "AU"]);
        rows[0].Royalty.ShouldBe(3.59m);
        rows[1].Royalty.ShouldBeNull();
        rows[1].Cost.ShouldBe(3.24m);
    }
}
