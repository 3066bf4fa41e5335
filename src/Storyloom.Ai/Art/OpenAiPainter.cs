using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Art;

/// <summary>The pictures of one book as PNG bytes: a reference sheet per character id, one picture per page number, the cover.</summary>
/// <param name="Findings">Picture prompts that moderation stopped; those pages have no picture and need the user.</param>
public sealed record PaintedBook(
    IReadOnlyDictionary<string, byte[]> References,
    IReadOnlyDictionary<int, byte[]> Pages,
    byte[]? Cover,
    IReadOnlyList<SafetyFinding> Findings);

/// <summary>
/// Paints a manuscript with an image model: first a reference sheet for every character of the bible, then every page's
/// picture as an image edit with the references of the characters in it (high input fidelity), so faces, colors and clothes
/// stay the same. One style line for the whole book and "no text" in every prompt. Pictures run concurrently up to
/// <see cref="AiOptions.MaxConcurrentImages"/> (the shared rate limiter has the last word); every picture is content-addressed
/// in the <see cref="AssetCache"/>, and the budget is checked before each one (a step boundary).
/// </summary>
public sealed class OpenAiPainter(OpenAiProvider provider, AssetCache cache, CostMeter meter)
{
    public const string NoText = "No text, letters, words, numbers, signs or signatures anywhere in the picture.";

    private readonly Moderator _moderator = new(provider, cache);

    public ContentCredit Credit => new($"OpenAI {provider.Options.ImageModel} (with Storyloom)", IsAiModel: true);

    public static string StyleLine(string artStyle) => artStyle switch
    {
        "flat-pastel" => "Children's picture-book illustration in flat pastel colors, simple rounded shapes, soft even light",
        "bold-outline" => "Children's picture-book illustration with bold clean outlines, bright saturated colors, simple shapes",
        "line-art" => "Black and white coloring-book line art, thick closed outlines, white fill, no shading",
        _ => "Children's picture-book illustration, soft shading, warm gentle colors, cozy light",
    };

    public static string ReferencePrompt(Manuscript m, Character c) =>
        $"{StyleLine(m.ArtStyle)}. Character reference sheet of {c.Name}: {c.VisualDescription} A {c.Species.ToString().ToLowerInvariant()} with body color {c.BodyColor} and accents {c.AccentColor}, wearing a {c.ClothingColor} {c.Clothing}{(c.Accessory is { } a ? $" and a {a}" : "")}. Full body, front view and side view, on a plain white background. {NoText}";

    public static string PagePrompt(Manuscript m, IllustrationBrief b)
    {
        var who = string.Join("; ", b.Characters.Select(p => m.Cast.FirstOrDefault(c => c.Id == p.CharacterId) is { } c
            ? $"{c.Name} ({p.Pose.ToString().ToLowerInvariant()}{(p.Mood is { } mood ? $", {mood}" : "")}, {(p.X < 0.4 ? "left" : p.X > 0.6 ? "right" : "centre")})"
            : null).Where(s => s is not null));
        var refs = b.Characters.Count > 0 ? " The characters must match the attached reference sheets exactly: same faces, colors, proportions and clothes." : "";
        var props = b.Props.Count > 0 ? $" With {string.Join(", ", b.Props)}." : "";
        return $"{StyleLine(m.ArtStyle)}. {b.Description} Setting: {b.Setting}, {b.TimeOfDay}, {b.Weather}.{(who.Length > 0 ? $" In the picture: {who}." : "")}{props}{refs} Keep the {b.TextPlacement} third calm and simple, with room for the page text. Full-bleed picture. {NoText}";
    }

    public static string CoverPrompt(Manuscript m) =>
        $"{StyleLine(m.ArtStyle)}. Front cover picture for a picture book about {m.Theme}: {m.Cast[0].Name} in the middle, smiling, with friends around. Keep the top third calm for the title. The characters must match the attached reference sheets exactly. {NoText}";

    public async Task<PaintedBook> PaintAsync(Manuscript manuscript, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manuscript);
        var pages = manuscript.Pages.Where(p => p.Illustration is not null && p.Role is PageRole.Story or PageRole.TheEnd or PageRole.AboutTheAuthor or PageRole.MeetTheCharacters).ToList();
        var refPrompts = manuscript.Cast.ToDictionary(c => c.Id, c => ReferencePrompt(manuscript, c));
        var pagePrompts = pages.ToDictionary(p => p.Number, p => PagePrompt(manuscript, p.Illustration!));
        var coverPrompt = manuscript.Cast.Count > 0 ? CoverPrompt(manuscript) : null;

        var findings = await _moderator.CheckAsync(
            [.. refPrompts.Select(p => ($"reference {p.Key}", p.Value)), .. pagePrompts.Select(p => ($"picture of page {p.Key}", p.Value)),
             .. coverPrompt is null ? [] : new[] { ("cover picture", coverPrompt) }], ct);
        var stopped = findings.Select(f => f.Where).ToHashSet(StringComparer.Ordinal);
        if (findings.Count > 0 && refPrompts.Keys.Any(k => stopped.Contains($"reference {k}")))
            return new PaintedBook(new Dictionary<string, byte[]>(), new Dictionary<int, byte[]>(), null, findings);

        var references = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var refJobs = refPrompts.Select(p => (Key: p.Key, Step: $"reference {p.Key}", Prompt: p.Value, Refs: (IReadOnlyList<ReferenceImage>)[])).ToList();
        foreach (var (key, png) in await RunAllAsync(refJobs, ct)) references[key] = png;

        var pageJobs = pages.Where(p => !stopped.Contains($"picture of page {p.Number}")).Select(p => (
            Key: p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Step: $"picture of page {p.Number}",
            Prompt: pagePrompts[p.Number],
            Refs: (IReadOnlyList<ReferenceImage>)[.. p.Illustration!.Characters.Select(c => c.CharacterId).Distinct().Where(references.ContainsKey).Select(id => new ReferenceImage(id, references[id]))])).ToList();
        if (coverPrompt is not null && !stopped.Contains("cover picture"))
            pageJobs.Add(("cover", "cover picture", coverPrompt, [.. manuscript.Cast.Take(3).Select(c => new ReferenceImage(c.Id, references[c.Id]))]));
        var painted = await RunAllAsync(pageJobs, ct);
        var cover = painted.FirstOrDefault(p => p.Key == "cover").Png;
        return new PaintedBook(references,
            painted.Where(p => p.Key != "cover").ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Png),
            cover, findings);
    }

    /// <summary>
    /// Paints the jobs concurrently. When the budget is reached no new picture starts, the ones already asked for finish (they are
    /// paid for and cached), then <see cref="BudgetReachedException"/> is thrown: a clean stop at a step boundary.
    /// </summary>
    private async Task<List<(string Key, byte[] Png)>> RunAllAsync(IReadOnlyList<(string Key, string Step, string Prompt, IReadOnlyList<ReferenceImage> Refs)> jobs, CancellationToken ct)
    {
        var o = provider.Options;
        using var gate = new SemaphoreSlim(Math.Max(1, o.MaxConcurrentImages));
        BudgetReachedException? budget = null;
        var results = new (string Key, byte[] Png)[jobs.Count];
        var tasks = jobs.Select(async (job, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                if (Volatile.Read(ref budget) is not null) return;
                var key = AssetCache.ImageKey(o.ImageModel, o.ImageSize, o.ImageQuality, job.Prompt, job.Refs.Select(r => r.Png));
                if (await cache.TryGetAsync(key, ct) is { } hit)
                {
                    meter.RecordCacheHit(job.Step, o.ImageModel);
                    results[i] = (job.Key, hit);
                    return;
                }
                CostMeter.Reservation reservation;
                try
                {
                    reservation = meter.Reserve(job.Step, CostEstimator.ImageStep(o));
                }
                catch (BudgetReachedException e)
                {
                    Interlocked.CompareExchange(ref budget, e, null);
                    return;
                }
                using (reservation)
                {
                    var (png, _) = await cache.GetOrAddAsync(key, async () =>
                    {
                        var answer = await provider.EditImageAsync(job.Prompt, job.Refs, ct);
                        meter.RecordImage(job.Step, o.ImageModel, o.ImageQuality, answer.InputTokens, answer.OutputTokens);
                        return answer.Png;
                    }, ct);
                    results[i] = (job.Key, png);
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        if (budget is not null) throw budget;
        return [.. results];
    }
}
