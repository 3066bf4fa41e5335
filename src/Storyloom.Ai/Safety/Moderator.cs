using System.Text.Json;
using Storyloom.Ai.Providers;

namespace Storyloom.Ai.Safety;

/// <summary>Why a text was stopped: where it came from (brief, page 7, picture of page 7) and which categories or words.</summary>
public sealed record SafetyFinding(string Where, string Text, IReadOnlyList<string> Reasons, string Source)
{
    public override string ToString() => $"{Where}: {string.Join(", ", Reasons)} ({Source})";
}

/// <summary>The brief was refused before anything was written; <see cref="Findings"/> says why.</summary>
public sealed class ContentRefusedException(IReadOnlyList<SafetyFinding> findings)
    : Exception("the brief was refused: " + string.Join("; ", findings.Select(f => f.ToString())))
{
    public IReadOnlyList<SafetyFinding> Findings { get; } = findings;
}

/// <summary>
/// Checks texts for a children's book: the provider's moderation endpoint (one call for the texts it has not judged before)
/// plus a local list of words no picture book prints. Verdicts are cached by model and text like every other answer, so the
/// same text is never sent twice. Core has no offline safety word list yet, so the list lives here; the offline engine can adopt it.
/// </summary>
public sealed class Moderator(OpenAiProvider provider, AssetCache? cache = null)
{
    private readonly AssetCache _cache = cache ?? new AssetCache();

    public async Task<IReadOnlyList<SafetyFinding>> CheckAsync(IReadOnlyList<(string Where, string Text)> texts, CancellationToken ct)
    {
        var findings = new List<SafetyFinding>();
        var items = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (items.Count == 0) return findings;
        foreach (var (where, text) in items)
            if (LocalWordList.Hits(text) is { Count: > 0 } words) findings.Add(new SafetyFinding(where, text, [.. words.Select(w => $"word '{w}'")], "local word list"));
        var verdicts = await VerdictsAsync([.. items.Select(i => i.Text)], ct);
        for (var i = 0; i < items.Count; i++)
            if (verdicts[i].Flagged)
                findings.Add(new SafetyFinding(items[i].Where, items[i].Text, verdicts[i].Categories.Count > 0 ? verdicts[i].Categories : ["flagged"], "moderation"));
        return findings;
    }

    /// <summary>One verdict per text: cached ones from the cache, the others from one call, then cached.</summary>
    private async Task<ModerationVerdict[]> VerdictsAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var model = provider.Options.ModerationModel;
        var keys = texts.Select(t => AssetCache.ModerationKey(model, t)).ToArray();
        var verdicts = new ModerationVerdict[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            if (await _cache.TryGetAsync(keys[i], ct) is { } hit) verdicts[i] = JsonSerializer.Deserialize<ModerationVerdict>(hit, Json)!;
        var missing = Enumerable.Range(0, texts.Count).Where(i => verdicts[i] is null).DistinctBy(i => keys[i]).ToList();
        if (missing.Count == 0) return verdicts;
        var answered = await provider.ModerateAsync([.. missing.Select(i => texts[i])], ct);
        if (answered.Count != missing.Count) throw new OpenAiException(FailureKind.BadAnswer, 200, "moderation_count", $"moderation answered {answered.Count} verdicts for {missing.Count} texts");
        for (var k = 0; k < missing.Count; k++) await _cache.StoreAsync(keys[missing[k]], JsonSerializer.SerializeToUtf8Bytes(answered[k], Json), ct);
        for (var i = 0; i < texts.Count; i++)
            verdicts[i] ??= JsonSerializer.Deserialize<ModerationVerdict>((await _cache.TryGetAsync(keys[i], ct))!, Json)!;
        return verdicts;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>Words that never belong in a picture book, whatever the moderation endpoint says (whole words, any case, simple plurals).</summary>
public static class LocalWordList
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "blood", "bloody", "gore", "corpse", "murder", "kill", "killed", "killing", "gun", "rifle", "pistol", "bomb", "knife", "stab",
        "drugs", "cocaine", "heroin", "beer", "vodka", "whiskey", "cigarette", "naked", "sexy", "suicide", "torture", "damn", "hell",
    };

    public static IReadOnlyList<string> Hits(string text)
    {
        var hits = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            var word = text[start..i];
            start = -1;
            var bare = word.EndsWith('s') && !Words.Contains(word) ? word[..^1] : word;
            if (Words.Contains(bare) && !hits.Contains(bare, StringComparer.OrdinalIgnoreCase)) hits.Add(bare.ToLowerInvariant());
        }
        return hits;
    }
}
