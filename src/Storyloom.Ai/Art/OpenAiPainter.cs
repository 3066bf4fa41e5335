using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Art;

/// <summary>The pictures of one book as PNG bytes: a reference sheet per character id, one picture per page number, the cover.</summary>
/// <param name="Findings">Picture prompts that moderation stopped; those pages have no picture and need the user.</param>
/// <param name="Reviews">What the vision check saw in every page picture and the cover (empty when checks are off).</param>
public sealed record PaintedBook(
    IReadOnlyDictionary<string, byte[]> References,
    IReadOnlyDictionary<int, byte[]> Pages,
    byte[]? Cover,
    IReadOnlyList<SafetyFinding> Findings,
    IReadOnlyList<Storyloom.Core.Pipeline.PictureReview>? Reviews = null);

/// <summary>
/// Paints a manuscript with an image model: first a reference sheet for every character of the bible, then every page's
/// picture as an image edit with the references of the characters in it (high input fidelity), so faces, colors and clothes
/// stay the same. One style line for the whole book and "no text" in every prompt. Pictures run concurrently up to
/// <see cref="AiOptions.MaxConcurrentImages"/> (the shared rate limiter has the last word); every picture is content-addressed
/// in the <see cref="AssetCache"/>, and the budget is checked before each one (a step boundary). Every page picture and the cover
/// is then looked at by <see cref="PictureChecker"/> and redrawn with the critique while the check fails.
/// </summary>
public sealed class OpenAiPainter(OpenAiProvider provider, AssetCache cache, CostMeter meter)
{
    public const string NoText = "No text, letters, words, numbers, signs or signatures anywhere in the picture.";

    private readonly Moderator _moderator = new(provider, cache);
    private readonly PictureChecker? _checker = provider.Options.ChecksPictures ? new PictureChecker(provider, cache, meter) : null;

    /// <summary>The vision model that checks each picture, or null when checks are off.</summary>
    public string? Checker => _checker?.Model;

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
        // A concept page's things are counted by the child: exactly so many, each whole and apart.
        if (b.Objects is { Count: > 0 } objects) props += $" Show exactly {string.Join(", ", objects.Select(Counted))}, each whole and apart from the others so a child can point at and count them, and nothing else of their kind.";
        return $"{StyleLine(m.ArtStyle)}. {b.Description} Setting: {b.Setting}, {b.TimeOfDay}, {b.Weather}.{(who.Length > 0 ? $" In the picture: {who}." : "")}{props}{refs} Keep the {b.TextPlacement} third calm and simple, with room for the page text. Full-bleed picture. {NoText}";
    }

    private static string Counted(PictureObject o) =>
        $"{o.Count} {(o.Variant is { } v ? v + " " : "")}{o.Kind}{(o.Count == 1 ? "" : "s")}{(o.Color is { } c ? $" in {c}" : "")}";

    /// <summary>A coloring design: black line art of the page's caption at its level, to be thresholded and traced.</summary>
    public static string ColoringPrompt(Manuscript m, ManuscriptPage page) =>
        $"{StyleLine("line-art")}. Coloring page line art for children aged {m.Age.ToCli()}: {page.Illustration!.Description} Pure black outlines on pure white, every shape closed, " +
        $"no grey, no shading, no solid black areas, the whole subject inside the frame. {NoText}";

    /// <summary>A coloring book's front: two or three of its designs, colored in, as buyers expect.</summary>
    public static string ColoringCoverPrompt(Manuscript m) =>
        $"Front cover picture for a children's coloring book about {m.Theme}: {string.Join("; ", m.Pages.Where(p => p.Role == PageRole.ColoringDesign).Take(3).Select(p => p.Text))}, drawn as bold line art colored in with bright flat colors. Keep the top third calm for the title. {NoText}";

    public static string CoverPrompt(Manuscript m) =>
        $"{StyleLine(m.ArtStyle)}. Front cover picture for a picture book about {m.Theme}: {m.Cast[0].Name} in the middle, smiling, with friends around. Keep the top third calm for the title. The characters must match the attached reference sheets exactly. {NoText}";

    /// <summary>Where the picture check's report of this book is kept: the models, quality, redraws and every picture's prompt.</summary>
    public string ReportKey(Manuscript m)
    {
        var o = provider.Options;
        var prompts = m.Pages.Where(p => p.Illustration is not null).Select(p => $"{p.Number}:{(p.Role == PageRole.ColoringDesign ? ColoringPrompt(m, p) : PagePrompt(m, p.Illustration!))}");
        return AssetCache.TextKey(o.VisionModel, "content-report/1", [o.ImageModel, o.ImageQuality, o.MaxRedraws.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. prompts, m.Kind == BookKind.Coloring ? ColoringCoverPrompt(m) : m.Cast.Count > 0 ? CoverPrompt(m) : ""]);
    }

    /// <param name="aspect">Width over height of the page the pictures fill: the size asked for is the closest portrait, landscape or square.</param>
    public async Task<PaintedBook> PaintAsync(Manuscript manuscript, CancellationToken ct, double aspect = 1)
    {
        ArgumentNullException.ThrowIfNull(manuscript);
        // A coloring book's designs are line art of their captions, drawn without reference sheets (sheets are in color).
        var coloring = manuscript.Kind == BookKind.Coloring;
        var pages = manuscript.Pages.Where(p => p.Illustration is not null && p.Role is PageRole.Story or PageRole.Concept or PageRole.TheEnd or PageRole.AboutTheAuthor or PageRole.MeetTheCharacters or PageRole.ColoringDesign).ToList();
        var refPrompts = coloring ? new Dictionary<string, string>() : manuscript.Cast.ToDictionary(c => c.Id, c => ReferencePrompt(manuscript, c));
        var pagePrompts = pages.ToDictionary(p => p.Number, p => p.Role == PageRole.ColoringDesign ? ColoringPrompt(manuscript, p) : PagePrompt(manuscript, p.Illustration!));
        var coverPrompt = coloring ? ColoringCoverPrompt(manuscript) : manuscript.Cast.Count > 0 ? CoverPrompt(manuscript) : null;

        var findings = await _moderator.CheckAsync(
            [.. refPrompts.Select(p => ($"reference {p.Key}", p.Value)), .. pagePrompts.Select(p => ($"picture of page {p.Key}", p.Value)),
             .. coverPrompt is null ? [] : new[] { ("cover picture", coverPrompt) }], ct);
        var stopped = findings.Select(f => f.Where).ToHashSet(StringComparer.Ordinal);
        if (findings.Count > 0 && refPrompts.Keys.Any(k => stopped.Contains($"reference {k}")))
            return new PaintedBook(new Dictionary<string, byte[]>(), new Dictionary<int, byte[]>(), null, findings);

        var run = new Run(provider, cache, meter, _checker, provider.Options.SizeFor(aspect), ct);
        // Every sheet starts at once; each page starts as soon as the sheets of its own characters are back.
        var sheets = refPrompts.ToDictionary(p => p.Key, p => run.PaintAsync($"reference {p.Key}", p.Value, [], sheet: true), StringComparer.Ordinal);
        var names = manuscript.Cast.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var jobs = pages.Where(p => !stopped.Contains($"picture of page {p.Number}")).Select(p => (
            Key: p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Step: $"picture of page {p.Number}",
            Prompt: pagePrompts[p.Number],
            Ids: p.Illustration!.Characters.Select(c => c.CharacterId).Distinct().Where(sheets.ContainsKey).ToList(),
            Subject: PictureSubject.ForPage(manuscript, p.Number, p.Illustration!),
            // A coloring design is also measured as line art (open outlines, solid fills): what breaks its level's rules is redrawn too.
            Inspect: p.Role == PageRole.ColoringDesign ? Inspector(Core.Art.ColoringTags.LevelOf(p.Illustration)) : null)).ToList();
        if (coverPrompt is not null && !stopped.Contains("cover picture"))
            jobs.Add(("cover", "cover picture", coverPrompt, coloring ? [] : [.. manuscript.Cast.Take(3).Select(c => c.Id)], PictureSubject.ForCover(manuscript), null));
        var painted = await Task.WhenAll(jobs.Select(async job =>
        {
            var refs = new List<ReferenceImage>();
            foreach (var id in job.Ids)
            {
                if (await sheets[id] is not { } sheet) return (job.Key, Png: (byte[]?)null, Review: (Storyloom.Core.Pipeline.PictureReview?)null);
                refs.Add(new ReferenceImage(id, sheet));
            }
            var (png, review) = await run.PaintCheckedAsync(job.Step, job.Prompt, refs, job.Subject, [.. job.Ids.Select(id => names[id])], job.Inspect);
            return (job.Key, Png: png, Review: review);
        }));
        await Task.WhenAll(sheets.Values);
        if (run.Budget is { } budget) throw budget;
        var references = sheets.ToDictionary(s => s.Key, s => s.Value.Result!, StringComparer.Ordinal);
        return new PaintedBook(references,
            painted.Where(p => p.Key != "cover").ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Png!),
            painted.FirstOrDefault(p => p.Key == "cover").Png, findings,
            [.. painted.Select(p => p.Review).OfType<Storyloom.Core.Pipeline.PictureReview>()]);
    }

    private static Func<byte[], IReadOnlyList<string>> Inspector(ColoringLevel level) => png => LineArt.Inspect(png, level);

    /// <summary>
    /// The redraw prompt: the page's own prompt and what every earlier check asked to fix, numbered, so a second redraw is a new
    /// request (and a new cache key) even when two critiques read the same.
    /// </summary>
    public static string RedrawPrompt(string prompt, IReadOnlyList<string> critiques) =>
        $"{prompt} Corrections after checks of earlier tries: {string.Join(" ", critiques.Select((c, i) => $"({i + 1}) {c}"))}";

    /// <summary>
    /// One painting of a book. Pictures run concurrently up to <see cref="AiOptions.MaxConcurrentImages"/> (the shared rate limiter
    /// has the last word). When the budget is reached no new picture or check starts, the ones already asked for finish (they are
    /// paid for and cached) and <see cref="Budget"/> holds the stop: a clean stop at a step boundary, resumed from the cache.
    /// </summary>
    private sealed class Run(OpenAiProvider provider, AssetCache cache, CostMeter meter, PictureChecker? checker, string pageSize, CancellationToken ct)
    {
        private readonly SemaphoreSlim _gate = new(Math.Max(1, provider.Options.MaxConcurrentImages));
        private BudgetReachedException? _budget;

        public BudgetReachedException? Budget => Volatile.Read(ref _budget);

        /// <summary>The picture, or null when the budget stopped it. Reference sheets (no refs) are square, pages and cover the page's shape.</summary>
        public async Task<byte[]?> PaintAsync(string step, string prompt, IReadOnlyList<ReferenceImage> refs, bool sheet = false)
        {
            var o = provider.Options;
            var size = sheet ? o.SizeFor(1) : pageSize;
            // A sheet is a reference for the edits, never printed: it is asked at the (cheaper) sheet quality.
            var quality = sheet ? o.SheetQuality : o.ImageQuality;
            var key = AssetCache.ImageKey(o.ImageModel, size, quality, prompt, refs.Select(r => r.Png));
            if (await cache.TryGetAsync(key, ct) is { } hit)
            {
                meter.RecordCacheHit(step, o.ImageModel);
                return hit;
            }
            await _gate.WaitAsync(ct);
            try
            {
                if (Budget is not null || Reserve(step, CostEstimator.ImageStep(o, size, quality)) is not { } reservation) return null;
                using (reservation)
                {
                    var (png, _) = await cache.GetOrAddAsync(key, async () =>
                    {
                        var answer = await provider.EditImageAsync(prompt, refs, ct, size, quality);
                        meter.RecordImage(step, o.ImageModel, quality, answer.InputTokens, answer.OutputTokens, size);
                        return answer.Png;
                    }, ct);
                    return png;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>
        /// Paints, looks, and redraws with the critique while the check fails, at most <see cref="AiOptions.MaxRedraws"/> times. A
        /// picture still failing is kept (the last try) and its review says so. Null picture: the budget stopped it.
        /// </summary>
        public async Task<(byte[]? Png, Storyloom.Core.Pipeline.PictureReview? Review)> PaintCheckedAsync(string step, string prompt,
            IReadOnlyList<ReferenceImage> refs, PictureSubject subject, IReadOnlyList<string> names, Func<byte[], IReadOnlyList<string>>? inspect = null)
        {
            var o = provider.Options;
            var png = await PaintAsync(step, prompt, refs);
            if (png is null || checker is null) return (png, null);
            var sheets = refs.Select((r, i) => new ReferenceImage(names[i], r.Png)).ToList();
            var critiques = new List<string>();
            for (var attempt = 0; ; attempt++)
            {
                var checkStep = attempt == 0 ? $"check of {subject.Label}" : $"check of {subject.Label}, redraw {attempt}";
                if (Budget is not null) return (null, null);
                PictureVerdict verdict;
                try
                {
                    verdict = await checker.CheckAsync(checkStep, png, subject, sheets, ct);
                }
                catch (BudgetReachedException e)
                {
                    Interlocked.CompareExchange(ref _budget, e, null);
                    return (null, null);
                }
                var seen = verdict.Problems();
                var measured = inspect?.Invoke(png) ?? [];
                List<string> problems = [.. seen, .. measured];
                if (problems.Count == 0 || attempt >= o.MaxRedraws)
                {
                    return (png, new Storyloom.Core.Pipeline.PictureReview(subject.Label, subject.Label == "cover" ? null : int.Parse(subject.Label[5..], System.Globalization.CultureInfo.InvariantCulture),
                        problems.Count == 0, attempt, problems, critiques));
                }
                var critique = string.Join(" ", new[]
                {
                    seen.Count == 0 ? null : verdict.Critique is { Length: > 0 } c ? c : string.Join("; ", seen),
                    measured.Count == 0 ? null : $"Close every outline and draw outlines only ({string.Join("; ", measured)}).",
                }.OfType<string>());
                critiques.Add(critique);
                var redrawn = await PaintAsync($"{step}, redraw {attempt + 1}", RedrawPrompt(prompt, critiques), refs);
                if (redrawn is null) return (null, null);
                png = redrawn;
            }
        }

        private CostMeter.Reservation? Reserve(string step, decimal estimate)
        {
            try
            {
                return meter.Reserve(step, estimate);
            }
            catch (BudgetReachedException e)
            {
                Interlocked.CompareExchange(ref _budget, e, null);
                return null;
            }
        }
    }
}
