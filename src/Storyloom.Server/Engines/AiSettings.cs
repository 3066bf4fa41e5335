using System.ComponentModel;
using Storyloom.Ai;

namespace Storyloom.Server.Engines;

/// <summary>A user's own provider: the API key (encrypted with SecretBox, never returned), an optional base URL and model names, a monthly budget.</summary>
public sealed class AiSettings
{
    public Guid UserId { get; set; }
    public string? ApiKeyProtected { get; set; }
    /// <summary>Shown so the user can tell which key is saved; null for keys too short to show any of.</summary>
    public string? ApiKeyLast4 { get; set; }
    public string? BaseUrl { get; set; }
    public string? TextModel { get; set; }
    public string? ImageModel { get; set; }
    public string? ModerationModel { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// PUT /api/v1/settings/ai replaces the settings: a missing or null field means the server's default. The key is the
/// exception, because it is never sent back: null or missing keeps the saved key, "" removes it.
/// </summary>
public sealed record AiSettingsRequest(
    [property: Description("openai (any OpenAI-compatible server); the only provider so far")] string? Provider,
    [property: Description("Write-only. null keeps the saved key, \"\" removes it.")] string? ApiKey,
    [property: Description("An OpenAI-compatible base URL including /v1, e.g. http://127.0.0.1:11434/v1; needs your own key")] string? BaseUrl,
    string? TextModel,
    string? ImageModel,
    string? ModerationModel,
    [property: Description("Most your tasks may spend in a calendar month (UTC), in US dollars; null is no cap")] decimal? MonthlyBudgetUsd);

/// <summary>What a run would use: the effective provider, whose key, and what is left of each budget.</summary>
public sealed record AiEffectiveDto(
    [property: Description("yours | server | none")] string KeySource,
    string BaseUrl,
    string TextModel,
    string ImageModel,
    string ModerationModel,
    string ImageQuality);

public sealed record AiSettingsDto(
    string Provider,
    [property: Description("Whether you saved a key of your own; the key itself is never returned.")] bool ApiKeySet,
    string? ApiKeyLast4,
    [property: Description("The server has a key of its own (OPENAI_API_KEY) that your books use when you have none.")] bool ServerKeyAvailable,
    string? BaseUrl,
    string? TextModel,
    string? ImageModel,
    string? ModerationModel,
    decimal? MonthlyBudgetUsd,
    [property: Description("What your tasks spent this calendar month (UTC).")] decimal SpentThisMonthUsd,
    AiEffectiveDto Effective,
    DateTime? UpdatedAt,
    [property: Description("The settings' version: send it as If-Match with PUT to be told (412) when they were saved elsewhere since.")] string ETag);

internal static class AiSettingsMapping
{
    public const string Provider = "openai";

    public static AiSettingsDto AsDto(this AiSettings? s, AiOptions server, AiOptions effective, string keySource, decimal spent) => new(
        Provider, s?.ApiKeyProtected is not null, s?.ApiKeyLast4, !string.IsNullOrWhiteSpace(server.ApiKey),
        s?.BaseUrl, s?.TextModel, s?.ImageModel, s?.ModerationModel, s?.MonthlyBudgetUsd, Math.Round(spent, 6),
        new AiEffectiveDto(keySource, effective.BaseUrl, effective.TextModel, effective.ImageModel, effective.ModerationModel, effective.ImageQuality),
        s?.UpdatedAt, Tag(s));

    /// <summary>The settings' version, to the microsecond both databases keep; "none" before the first save.</summary>
    public static string Tag(AiSettings? s) => s is null ? "\"ai-none\"" : $"\"ai-{s.UpdatedAt.Ticks / 10:x}\"";

    /// <summary>The last four characters of a key long enough that they say nothing useful about the rest.</summary>
    public static string? Last4(string key) => key.Length >= 12 ? key[^4..] : null;
}
