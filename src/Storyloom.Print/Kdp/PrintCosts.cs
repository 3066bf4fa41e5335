namespace Storyloom.Print.Kdp;

/// <summary>An Amazon marketplace a KDP paperback is sold on, with the price from which it earns 60% instead of 50%.</summary>
public sealed record Marketplace(string Code, string Site, string Currency, decimal SixtyPercentFrom)
{
    /// <summary>Yen are whole; every other currency has cents.</summary>
    public int Decimals => Currency == "JPY" ? 0 : 2;
}

/// <summary>One band of KDP's printing-cost table: pages <c>From</c>–<c>To</c> cost <c>Fixed + pages × PerPage</c>.</summary>
public sealed record CostBand(int From, int To, decimal Fixed, decimal PerPage);

/// <summary>A paperback's printing cost and royalty in one marketplace; <c>Cost</c> is null where KDP does not print that ink.</summary>
public sealed record MarketplaceCost(Marketplace Marketplace, decimal? Cost, decimal? MinimumPrice, decimal? ListPrice, decimal? RoyaltyRate, decimal? Royalty);

/// <summary>
/// KDP's paperback printing costs and royalty (help topics G201834340 "Paperback Printing Cost" and G201834330
/// "Paperback Royalty"), as published for 10 June 2025: printing cost = fixed cost + page count × per-page cost, by
/// marketplace, ink, trim class (large: wider than 6.12 in or taller than 9 in) and page band; the royalty is 60% of
/// the list price (50% below the marketplace's threshold) minus the printing cost.
/// </summary>
public static class PrintCosts
{
    /// <summary>The date of KDP's table these figures are from.</summary>
    public const string PublishedOn = "2025-06-10";

    public const string Source = "https://kdp.amazon.com/en_US/help/topic/G201834340";

    public static readonly IReadOnlyList<Marketplace> Marketplaces =
    [
        new("US", "Amazon.com", "USD", 9.99m),
        new("UK", "Amazon.co.uk", "GBP", 7.99m),
        new("DE", "Amazon.de", "EUR", 9.99m),
        new("FR", "Amazon.fr", "EUR", 9.99m),
        new("ES", "Amazon.es", "EUR", 9.99m),
        new("IT", "Amazon.it", "EUR", 9.99m),
        new("NL", "Amazon.nl", "EUR", 9.99m),
        new("PL", "Amazon.pl", "PLN", 40m),
        new("SE", "Amazon.se", "SEK", 99m),
        new("JP", "Amazon.co.jp", "JPY", 1000m),
        new("CA", "Amazon.ca", "CAD", 13.99m),
        new("AU", "Amazon.com.au", "AUD", 13.99m),
    ];

    public static Marketplace? FindMarketplace(string code) =>
        Marketplaces.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

    // Per currency: (regular trim, large trim) bands. Black ink: 24–108 pages fixed only, 110–828 fixed + per page;
    // premium colour: 24–40 fixed only, 42–828 fixed + per page; standard colour: 72–600 fixed + per page, not sold in JPY or AUD.
    private static readonly Dictionary<(Ink, string), (CostBand[] Regular, CostBand[] Large)> Table = new()
    {
        [(Ink.Bw, "USD")] = (Bw(2.30m, 1.00m, 0.012m), Bw(2.84m, 1.00m, 0.017m)),
        [(Ink.Bw, "GBP")] = (Bw(1.93m, 0.85m, 0.010m), Bw(2.15m, 0.85m, 0.012m)),
        [(Ink.Bw, "EUR")] = (Bw(2.05m, 0.75m, 0.012m), Bw(2.48m, 0.75m, 0.016m)),
        [(Ink.Bw, "PLN")] = (Bw(9.58m, 3.51m, 0.056m), Bw(11.61m, 3.51m, 0.075m)),
        [(Ink.Bw, "SEK")] = (Bw(22.84m, 8.37m, 0.134m), Bw(27.67m, 8.37m, 0.179m)),
        [(Ink.Bw, "JPY")] = (Bw(422m, 206m, 2m), Bw(530m, 206m, 3m)),
        [(Ink.Bw, "CAD")] = (Bw(2.99m, 1.26m, 0.016m), Bw(3.53m, 1.26m, 0.021m)),
        [(Ink.Bw, "AUD")] = (Bw(4.74m, 2.42m, 0.022m), Bw(5.28m, 2.42m, 0.027m)),

        [(Ink.PremiumColor, "USD")] = (Premium(3.60m, 1.00m, 0.065m), Premium(4.20m, 1.00m, 0.080m)),
        [(Ink.PremiumColor, "GBP")] = (Premium(2.59m, 0.85m, 0.0435m), Premium(3.24m, 0.85m, 0.0598m)),
        [(Ink.PremiumColor, "EUR")] = (Premium(2.85m, 0.75m, 0.0525m), Premium(3.61m, 0.75m, 0.0715m)),
        [(Ink.PremiumColor, "PLN")] = (Premium(12.86m, 3.51m, 0.267m), Premium(15.32m, 3.51m, 0.337m)),
        [(Ink.PremiumColor, "SEK")] = (Premium(30.65m, 8.37m, 0.636m), Premium(36.51m, 8.37m, 0.804m)),
        [(Ink.PremiumColor, "JPY")] = (Premium(475m, 206m, 4m), Premium(475m, 206m, 5m)),
        [(Ink.PremiumColor, "CAD")] = (Premium(4.66m, 1.26m, 0.085m), Premium(5.26m, 1.26m, 0.100m)),
        [(Ink.PremiumColor, "AUD")] = (Premium(5.82m, 2.42m, 0.085m), Premium(6.42m, 2.42m, 0.100m)),

        [(Ink.StandardColor, "USD")] = (Standard(1.00m, 0.0255m), Standard(1.00m, 0.0402m)),
        [(Ink.StandardColor, "GBP")] = (Standard(0.85m, 0.020m), Standard(0.85m, 0.027m)),
        [(Ink.StandardColor, "EUR")] = (Standard(0.75m, 0.024m), Standard(0.75m, 0.035m)),
        [(Ink.StandardColor, "PLN")] = (Standard(3.51m, 0.112m), Standard(3.51m, 0.164m)),
        [(Ink.StandardColor, "SEK")] = (Standard(8.37m, 0.268m), Standard(8.37m, 0.3691m)),
        [(Ink.StandardColor, "CAD")] = (Standard(1.26m, 0.037m), Standard(1.26m, 0.052m)),
    };

    private static CostBand[] Bw(decimal flat, decimal @fixed, decimal perPage) => [new(24, 108, flat, 0m), new(110, 828, @fixed, perPage)];
    private static CostBand[] Premium(decimal flat, decimal @fixed, decimal perPage) => [new(24, 40, flat, 0m), new(42, 828, @fixed, perPage)];
    private static CostBand[] Standard(decimal @fixed, decimal perPage) => [new(72, 600, @fixed, perPage)];

    /// <summary>The band a page count falls in, or null where KDP does not print that ink in that marketplace or at that count.</summary>
    public static CostBand? Band(Marketplace marketplace, Ink ink, Trim trim, int pages)
    {
        if (!Table.TryGetValue((ink, marketplace.Currency), out var bands))
        {
            return null;
        }
        return (trim.IsLarge ? bands.Large : bands.Regular).FirstOrDefault(b => pages >= b.From && pages <= b.To);
    }

    /// <summary>Fixed cost + pages × per-page cost, rounded to the currency's smallest coin; null where KDP does not print it.</summary>
    public static decimal? PrintingCost(Marketplace marketplace, Ink ink, Trim trim, int pages) =>
        Band(marketplace, ink, trim, pages) is { } band
            ? Math.Round(band.Fixed + pages * band.PerPage, marketplace.Decimals, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>60% at or above the marketplace's threshold, 50% below it.</summary>
    public static decimal RoyaltyRate(Marketplace marketplace, decimal listPrice) => listPrice >= marketplace.SixtyPercentFrom ? 0.6m : 0.5m;

    /// <summary>Rate × list price − printing cost, never below zero (KDP refuses a list price that earns less).</summary>
    public static decimal Royalty(Marketplace marketplace, decimal listPrice, decimal printingCost) =>
        Math.Max(0m, Math.Round(RoyaltyRate(marketplace, listPrice) * listPrice - printingCost, marketplace.Decimals, MidpointRounding.AwayFromZero));

    /// <summary>The lowest list price whose royalty covers the printing cost, rounded up to the smallest coin.</summary>
    public static decimal MinimumPrice(Marketplace marketplace, decimal printingCost)
    {
        var atSixty = printingCost / 0.6m;
        var price = atSixty >= marketplace.SixtyPercentFrom ? atSixty : Math.Min(printingCost / 0.5m, marketplace.SixtyPercentFrom);
        var coin = marketplace.Decimals == 0 ? 1m : 0.01m;
        return Math.Ceiling(price / coin) * coin;
    }

    /// <summary>Every marketplace's printing cost, minimum price and (where a list price is given) royalty.</summary>
    public static IReadOnlyList<MarketplaceCost> For(Ink ink, Trim trim, int pages, IReadOnlyDictionary<string, decimal>? listPrices = null) =>
        Marketplaces.Select(m =>
        {
            var cost = PrintingCost(m, ink, trim, pages);
            decimal? price = listPrices is not null && listPrices.TryGetValue(m.Code, out var p) && p > 0 ? p : null;
            return new MarketplaceCost(m, cost, cost is { } c ? MinimumPrice(m, c) : null, price,
                price is { } lp ? RoyaltyRate(m, lp) : null,
                cost is { } c2 && price is { } lp2 ? Royalty(m, lp2, c2) : null);
        }).ToList();
}
