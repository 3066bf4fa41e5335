using System.Globalization;
using Storyloom.Ai.Costs;
using Storyloom.Server.Books;

namespace Storyloom.Server.Engines;

/// <summary>
/// The two caps a run answers to: the book's (over all its tasks; the server's STORYLOOM_AI_BUDGET when the book has none) and
/// the owner's monthly one. What was spent before this run counts, so a retry carries the spend over.
/// </summary>
internal sealed record Budget(decimal? BookCap, decimal BookSpent, decimal? MonthlyCap, decimal MonthSpent)
{
    public decimal? BookLeft => BookCap is { } c ? Math.Max(0, c - BookSpent) : null;

    public decimal? MonthLeft => MonthlyCap is { } c ? Math.Max(0, c - MonthSpent) : null;

    /// <summary>What this run may spend; null is no cap.</summary>
    public decimal? Left => (BookLeft, MonthLeft) switch
    {
        ({ } b, { } m) => Math.Min(b, m),
        ({ } b, null) => b,
        (null, { } m) => m,
        _ => null,
    };

    private bool BookBinds => BookLeft is { } b && (MonthLeft is not { } m || b <= m);

    public static async Task<Budget> ForAsync(ProviderOptions providers, Book book, AiSettings? settings, CancellationToken ct) => new(
        book.BudgetUsd ?? providers.Server.BudgetPerBook, await providers.BookSpentAsync(book.Id, ct),
        settings?.MonthlyBudgetUsd, await providers.MonthSpentAsync(book.OwnerId, ct));

    /// <summary>Why a run stopped, what it spent, and what to do: raise the cap that was reached, then retry.</summary>
    public string StopWords(BudgetReachedException e)
    {
        var next = Money(e.NextStepCost);
        var step = e.Step;
        if (BookBinds)
        {
            return $"the book reached its budget of {Money(BookCap!.Value)} (spent {Money(BookSpent + e.Spent)}; the next step, {step}, would cost about {next}); "
                + "raise the book's budget (budgetUsd) and retry the task: nothing already paid for is bought again";
        }
        return $"you reached your monthly budget of {Money(MonthlyCap!.Value)} (spent {Money(MonthSpent + e.Spent)} this month; the next step, {step}, would cost about {next}); "
            + "raise it in Settings and retry the task: nothing already paid for is bought again";
    }

    public static string Money(decimal usd) => usd is > 0 and < 0.01m
        ? string.Create(CultureInfo.InvariantCulture, $"${usd:0.0000}")
        : string.Create(CultureInfo.InvariantCulture, $"${usd:0.00}");
}
