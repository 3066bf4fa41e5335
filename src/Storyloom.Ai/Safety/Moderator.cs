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
/// Checks texts for a children's book: the provider's moderation endpoint (one call for many texts) plus a local list of
/// words no picture book prints. Core has no offline safety word list yet, so the list lives here; the offline engine
/// can adopt it.
/// </summary>
public sealed class Moderator(OpenAiProvider provider)
{
    public async Task<IReadOnlyList<SafetyFinding>> CheckAsync(IReadOnlyList<(string Where, string Text)> texts, CancellationToken ct)
    {
        var findings = new List<SafetyFinding>();
        var items = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (items.Count == 0) return findings;
        foreach (var (where, text) in items)
            if (LocalWordList.Hits(text) is { Count: > 0 } words) findings.Add(new SafetyFinding(where, text, [.. words.Select(w => $"word '{w}'")], "local word list"));
        var verdicts = await provider.ModerateAsync([.. items.Select(i => i.Text)], ct);
        for (var i = 0; i < items.Count && i < verdicts.Count; i++)
            if (verdicts[i].Flagged)
                findings.Add(new SafetyFinding(items[i].Where, items[i].Text, verdicts[i].Categories.Count > 0 ? verdicts[i].Categories : ["flagged"], "moderation"));
        return findings;
    }
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
