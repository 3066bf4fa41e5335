using Storyloom.Ai;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Engines;
using Storyloom.Core.Art;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Engines;

/// <summary>
/// The engines of one task, chosen per book from its engine fields and the owner's provider. The AI engines share one cost meter
/// and the answers in the server's file store (<see cref="StoredAnswers"/>), so no retry, resumed run, rebuild or other worker buys an answer twice. The meter's cap is
/// what the book's and the month's budgets have left, so the spend of earlier attempts counts against it.
/// </summary>
internal sealed class TaskEngines(ProviderOptions providers)
{
    private AiEngines? _ai;
    private Budget? _budget;
    private TaskUsageDto _before = new(0, 0, 0, 0, 0, 0);

    public async Task<(IStoryEngine Story, IArtEngine Art)> ForAsync(Book book, GenerationTask task, IStoryEngine offlineStory, IArtEngine offlineArt, CancellationToken ct)
    {
        _before = new(task.InputTokens, task.OutputTokens, task.Images, task.PaidCalls, task.CachedAnswers, task.CostUsd);
        if (!book.UsesAi())
        {
            return (offlineStory, offlineArt);
        }
        var (settings, provider) = await providers.ForUserAsync(book.OwnerId, ct);
        if (provider.Problem is { } problem)
        {
            throw new StepFailedException($"{problem}; then retry the task");
        }
        _budget = await Budget.ForAsync(providers, book, settings, ct);
        _ai = new AiEngines(provider.Options with { BudgetPerBook = _budget.Left }, new AssetCache(provider.Answers));
        return (book.TextEngine == EngineChoice.OpenAi ? _ai.Story(book.Language ?? "en") : offlineStory,
                book.ArtEngine == EngineChoice.OpenAi ? _ai.Art() : offlineArt);
    }

    /// <summary>The paid narrator when this book uses the AI provider (its speech model, cache and budget); null: the offline voice reads.</summary>
    public Core.Ebook.IVoice? Voice(string language) => _ai?.Voice(language);

    /// <summary>Writes what this attempt used so far, on top of the earlier attempts', onto the task (saved by the caller).</summary>
    public void RecordUsage(GenerationTask task)
    {
        if (_ai is null)
        {
            return;
        }
        var records = _ai.Meter.Records;
        task.InputTokens = _before.InputTokens + records.Sum(r => r.InputTokens);
        task.OutputTokens = _before.OutputTokens + records.Sum(r => r.OutputTokens);
        task.Images = _before.Images + records.Sum(r => r.Images);
        task.PaidCalls = _before.PaidCalls + records.Count(r => !r.FromCache);
        task.CachedAnswers = _before.CachedAnswers + records.Count(r => r.FromCache);
        task.CostUsd = _before.CostUsd + records.Sum(r => r.Cost);
    }

    /// <summary>The plain words for a run stopped by a budget, or null when <paramref name="e"/> is something else.</summary>
    public string? BudgetStop(Exception e) =>
        e is BuildException { InnerException: BudgetReachedException reached } && _budget is not null ? _budget.StopWords(reached) : null;
}
