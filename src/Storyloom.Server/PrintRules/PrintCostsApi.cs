using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Print.Kdp;

namespace Storyloom.Server.PrintRules;

public sealed record MarketplaceCostDto(string Code, string Site, string Currency, decimal? PrintingCost, decimal? MinimumPrice,
    decimal SixtyPercentFrom, decimal? ListPrice, decimal? RoyaltyRate, decimal? Royalty);

public sealed record PrintCostsDto(string PublishedOn, string Source, string Trim, bool LargeTrim, string Ink, int Pages, List<MarketplaceCostDto> Marketplaces);

/// <summary>KDP's printing cost and royalty per marketplace, from the one table in Storyloom.Print (the web app does not keep its own).</summary>
internal static class PrintCostsApi
{
    public static RouteGroupBuilder MapPrintCostsApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/print-rules").WithTags("Print").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        rules.MapGet("/costs", Costs).WithName("PrintCosts")
            .WithSummary("KDP's paperback printing cost, minimum list price and royalty in each marketplace for a trim, ink and page count");
        return api;
    }

    private static Results<Ok<PrintCostsDto>, ValidationProblem> Costs(
        [Description("A KDP trim in inches, e.g. 8.5x8.5")] string? trim,
        [Description("bw | standard-color | premium-color")] string? ink,
        [Description("The page count, 24–828")] int? pages,
        [Description("List prices by marketplace code, e.g. US:12.99,UK:9.99 (a dot for decimals)")] string? prices = null)
    {
        var errors = new Dictionary<string, string[]>();
        var t = Trims.TryParse(trim ?? "");
        if (t is null) errors["trim"] = [$"'{trim}' is not a KDP trim; use one such as 8.5x8.5"];
        var i = InkPaperNames.ParseInk(ink);
        if (i is null) errors["ink"] = ["ink is bw, standard-color or premium-color"];
        if (pages is not (>= 1 and <= 2000)) errors["pages"] = ["pages is a whole number such as 32"];
        var listPrices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (prices ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':', 2);
            if (pair.Length != 2 || PrintCosts.FindMarketplace(pair[0]) is null
                || !decimal.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price > 100_000m)
            {
                errors["prices"] = [$"'{part}' is not a marketplace and price such as US:12.99"];
                break;
            }
            listPrices[pair[0]] = price;
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var rows = PrintCosts.For(i!.Value, t!, pages!.Value, listPrices).Select(r => new MarketplaceCostDto(r.Marketplace.Code, r.Marketplace.Site,
            r.Marketplace.Currency, r.Cost, r.MinimumPrice, r.Marketplace.SixtyPercentFrom, r.ListPrice, r.RoyaltyRate, r.Royalty)).ToList();
        return TypedResults.Ok(new PrintCostsDto(PrintCosts.PublishedOn, PrintCosts.Source, t!.Name, t.IsLarge, i.Value.ToCli(), pages.Value, rows));
    }
}
