using Microsoft.EntityFrameworkCore;
using Storyloom.Ai;
using Storyloom.Ai.Network;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Engines;

/// <summary>The provider a user's task talks to, and the money side: what a book and a user spent so far.</summary>
/// <param name="KeySource">yours | server | none.</param>
/// <param name="Problem">Why the AI engines cannot run for this user (no key, an unreadable key), in words; null when they can.</param>
internal sealed record EffectiveProvider(AiOptions Options, string KeySource, string? Problem)
{
    /// <summary>The answers every worker shares, so what was paid for or judged once is never asked for again.</summary>
    public IAnswerStore? Answers { get; init; }
}

/// <summary>
/// Server-wide defaults come from <see cref="AiOptions"/> (OPENAI_API_KEY, OPENAI_BASE_URL, STORYLOOM_AI_*); a user's own key
/// wins for their tasks, with their base URL and models. The server's key is only ever sent to the server's base URL.
/// </summary>
internal sealed class ProviderOptions(StoryloomDb db, AiOptions server, SecretBox secrets, TimeProvider time, StoredAnswers answers, StoryloomOptions options,
    ILogger<ProviderOptions> log)
{
    /// <summary>What the provider answered goes to the log under the id the user's message names, never to the user.</summary>
    public void LogFailure(Exception e)
    {
        if (e is Ai.Providers.OpenAiException { Detail: { } detail } o)
        {
            log.LogWarning("The AI provider failed (id {ProviderErrorId}): {Detail}", o.Id, detail);
        }
    }

    // Whatever the environment said, the server's calls follow the administrator's network policy.
    public AiOptions Server => server with { Outbound = options.Network.Policy() };

    public OutboundPolicy Outbound => options.Network.Policy();

    public static string KeyPurpose(Guid userId) => $"openai-key:{userId:N}";

    public async Task<(AiSettings? Settings, EffectiveProvider Provider)> ForUserAsync(Guid userId, CancellationToken ct)
    {
        var settings = await db.AiSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        return (settings, Effective(settings, userId) with { Answers = answers });
    }

    public EffectiveProvider Effective(AiSettings? s, Guid userId)
    {
        var models = Server with
        {
            TextModel = s?.TextModel ?? server.TextModel,
            ImageModel = s?.ImageModel ?? server.ImageModel,
            ModerationModel = s?.ModerationModel ?? server.ModerationModel,
        };
        if (s?.ApiKeyProtected is { } sealedKey)
        {
            var key = secrets.Unprotect(sealedKey, KeyPurpose(userId));
            if (key is null)
            {
                return new(models with { ApiKey = null }, "none",
                    "your saved API key cannot be read (the server's secret key changed); enter it again in Settings");
            }
            var mine = models with { ApiKey = key, BaseUrl = s.BaseUrl ?? server.BaseUrl };
            return new(mine, "yours", mine.Problem() is { } p ? Words(p) : null);
        }
        if (string.IsNullOrWhiteSpace(server.ApiKey))
        {
            return new(models, "none", "the openai engine needs an API key: save yours in Settings (PUT /api/v1/settings/ai), ask the administrator to set OPENAI_API_KEY, or choose the offline engines");
        }
        return new(models, "server", models.Problem() is { } problem ? Words(problem) : null);
    }

    /// <summary>The start of this calendar month, UTC: the window of the monthly budget.</summary>
    public DateTime MonthStart()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>What the user's tasks created this month spent (summed here: SQLite keeps decimals as text).</summary>
    public async Task<decimal> MonthSpentAsync(Guid userId, CancellationToken ct)
    {
        var since = MonthStart();
        var costs = await db.GenerationTasks.AsNoTracking().Where(t => t.OwnerId == userId && t.CreatedAt >= since).Select(t => t.CostUsd).ToListAsync(ct);
        return costs.Sum();
    }

    /// <summary>What every task of the book spent.</summary>
    public async Task<decimal> BookSpentAsync(Guid bookId, CancellationToken ct)
    {
        var costs = await db.GenerationTasks.AsNoTracking().Where(t => t.BookId == bookId).Select(t => t.CostUsd).ToListAsync(ct);
        return costs.Sum();
    }

    /// <summary>The library speaks of environment variables; a server user sets these in Settings.</summary>
    private static string Words(string problem) => problem
        .Replace("OPENAI_BASE_URL", "the base URL", StringComparison.Ordinal)
        .Replace("OPENAI_API_KEY", "the API key", StringComparison.Ordinal);
}
