using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Ai.Costs;
using Storyloom.Core.Books;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Data;

namespace Storyloom.Server.Engines;

/// <summary>What a run of the book is expected to use and cost, against what its budgets have left.</summary>
public sealed record CostEstimateDto(
    string TextEngine,
    string ArtEngine,
    [property: Description("null when the offline engine writes")] string? TextModel,
    [property: Description("null when the offline engine draws")] string? ImageModel,
    string? ImageQuality,
    long InputTokens,
    long OutputTokens,
    int Images,
    decimal TextCostUsd,
    decimal ImageCostUsd,
    decimal TotalUsd,
    [property: Description("The book's cap (its own, else the server's default); null is none.")] decimal? BookBudgetUsd,
    decimal BookSpentUsd,
    decimal? MonthlyBudgetUsd,
    decimal MonthSpentUsd,
    [property: Description("What a run may still spend under both caps; null is no cap.")] decimal? LeftUsd,
    [property: Description("The estimate fits in what is left (a run that does not fit stops at the cap and can be resumed).")] bool WithinBudget,
    [property: Description("yours | server | none")] string KeySource,
    [property: Description("Why the AI engines cannot run now, in words; null when they can.")] string? Problem,
    string Summary,
    [property: Description("The read-along narration by the speech model (the book uses the provider and asks for narration); 0 otherwise.")] decimal SpeechCostUsd = 0);

/// <summary>GET /books/{id}/estimate for a saved book, POST /books/estimate for a brief not saved yet (the new-book wizard).</summary>
internal static class BookEstimate
{
    public static async Task<Results<Ok<CostEstimateDto>, NotFound, ValidationProblem>> ForBook(
        Guid id, ClaimsPrincipal user, StoryloomDb db, ProviderOptions providers, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var (spec, errors) = BookBrief.Validate(await db.BriefAsync(book, ct));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "Fix the brief with PATCH before estimating the book");
        }
        return TypedResults.Ok(await ComputeAsync(book, spec!, providers, ct));
    }

    public static async Task<Results<Ok<CostEstimateDto>, ValidationProblem>> ForBrief(
        BookRequest request, ClaimsPrincipal user, ProviderOptions providers, CancellationToken ct)
    {
        var (spec, errors) = BookBrief.Validate(request.ToInput() with { Title = string.IsNullOrWhiteSpace(request.Title) ? "Untitled" : request.Title });
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The brief cannot be printed as asked");
        }
        var book = new Book
        {
            Id = Guid.Empty, OwnerId = user.Id(), Title = "", Author = "", Kind = "", AgeGroup = "", Theme = "", Trim = "", Ink = "", Paper = "",
        };
        book.Apply(spec!);
        if (EngineChoice.Apply(book, request, spec!) is { } engineErrors)
        {
            return TypedResults.ValidationProblem(engineErrors, title: "The engines cannot make this book as asked");
        }
        return TypedResults.Ok(await ComputeAsync(book, spec!, providers, ct));
    }

    public static async Task<CostEstimateDto> ComputeAsync(Book book, BookSpec spec, ProviderOptions providers, CancellationToken ct)
    {
        var (settings, provider) = await providers.ForUserAsync(book.OwnerId, ct);
        var budget = await Budget.ForAsync(providers, book, settings, ct);
        var text = book.TextEngine == EngineChoice.OpenAi;
        var art = book.ArtEngine == EngineChoice.OpenAi;
        var o = provider.Options;
        var e = CostEstimator.Estimate(spec, o, spec.Pages <= 12 ? 2 : 3);
        var (input, output, textCost) = text ? (e.TextInputTokens, e.TextOutputTokens, e.TextCost) : (0L, 0L, 0m);
        var (images, imageCost) = art ? (e.Images, e.ImageCost) : (0, 0m);
        // A book that uses the provider is narrated by its speech model; an offline book by espeak-ng, free.
        var speechCost = (text || art) && spec.Narrate ? e.SpeechCost : 0m;
        var total = textCost + imageCost + speechCost;
        var fits = budget.Left is not { } left || total <= left;
        var problem = text || art ? provider.Problem : null;
        return new CostEstimateDto(
            book.TextEngine, book.ArtEngine, text ? o.TextModel : null, art ? o.ImageModel : null, art ? o.ImageQuality : null,
            input, output, images, Round(textCost), Round(imageCost), Round(total),
            budget.BookCap, Round(budget.BookSpent), budget.MonthlyCap, Round(budget.MonthSpent), budget.Left is { } l ? Round(l) : null, fits,
            text || art ? provider.KeySource : "none", problem, Summary(text, art, e, o, total, budget, fits, speechCost > 0), Round(speechCost));
    }

    private static string Summary(bool text, bool art, CostEstimate e, Storyloom.Ai.AiOptions o, decimal total, Budget budget, bool fits, bool narrated)
    {
        if (!text && !art)
        {
            return "Free: the offline engines write and draw this book on the server.";
        }
        var parts = new List<string>();
        if (text)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{e.TextInputTokens:N0} tokens in and {e.TextOutputTokens:N0} out with {o.TextModel}"));
        }
        if (art)
        {
            parts.Add(e.Images > 0 ? $"{e.Images} pictures with {o.ImageModel} ({o.ImageQuality})" : "no pictures (coloring pages are drawn offline)");
        }
        if (narrated)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"about {e.SpeechMinutes:0.#} minutes of narration with {o.SpeechModel} ({o.SpeechVoice})"));
        }
        var left = budget.Left is { } l
            ? fits ? $"; {Budget.Money(l)} of the budget is left" : $"; only {Budget.Money(l)} of the budget is left, so the run will stop at the cap and can be resumed after raising it"
            : "; no budget cap";
        return $"About {Budget.Money(total)}: {string.Join(", ", parts)}{left}.";
    }

    private static decimal Round(decimal usd) => Math.Round(usd, 4);
}
