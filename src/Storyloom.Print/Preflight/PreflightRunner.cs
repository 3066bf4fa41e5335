using System.Globalization;
using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;

namespace Storyloom.Print.Preflight;

/// <summary>Checks an interior (and optionally a wrap cover) PDF against the rules of kdp-print-spec.md §10.</summary>
public static class PreflightRunner
{
    /// <summary>Reads the files with <see cref="PdfInspector"/> and checks every rule that can be read from them.
    /// The page count for R3, the margins and the cover comes from the interior file, not from the options.</summary>
    public static Task<PreflightReport> RunAsync(PreflightRequest request, CancellationToken ct = default) => RunAsync(request, sample: false, ct);

    /// <summary>
    /// Checks an interior that holds only some pages of the book, each at its own page parity (for sweeps over many books):
    /// the margins, spine and cover are computed from the options' page count, not the file's.
    /// </summary>
    internal static Task<PreflightReport> RunOnSampleAsync(PreflightRequest request, CancellationToken ct = default) => RunAsync(request, sample: true, ct);

    private static async Task<PreflightReport> RunAsync(PreflightRequest request, bool sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interiorTask = PdfInspector.InspectAsync(request.InteriorPath, ct);
        var coverTask = request.CoverPath is null ? Task.FromResult<PdfFacts?>(null) : InspectNullable(request.CoverPath, ct);
        var interior = await interiorTask.ConfigureAwait(false);
        var cover = await coverTask.ConfigureAwait(false);

        var pages = interior.PageCount > 0 && !sample ? interior.PageCount : request.Options.Pages;
        var options = request.Options with { Pages = pages };
        var checks = new List<PreflightCheck>();
        // A file locked with a password has no page count to check: only the print options and the lock are reported.
        var locked = interior.PageCount == 0 && interior.Encrypted;
        checks.AddRange(OptionChecks(request.Options, options).Where(c => !locked || c.Rule is "R1" or "R2"));
        checks.AddRange(InteriorChecks.Run(interior, options));
        // The two renders (every interior page without bleed, the cover) run side by side.
        var marginInk = !options.Bleed && interior.PageCount > 0 ? InteriorChecks.MarginInkAsync(interior, options, ct) : null;
        var coverChecks = cover is null ? null : CoverChecks.RunAsync(cover, options, ct);
        if (marginInk is not null)
        {
            checks.Add(await marginInk.ConfigureAwait(false));
        }
        if (coverChecks is not null)
        {
            checks.AddRange(await coverChecks.ConfigureAwait(false));
        }
        return new PreflightReport(request, [.. checks.OrderBy(c => c.File == "cover").ThenBy(c => RuleNumber(c.Rule))]);
    }

    private static async Task<PdfFacts?> InspectNullable(string path, CancellationToken ct) =>
        await PdfInspector.InspectAsync(path, ct).ConfigureAwait(false);

    private static IEnumerable<PreflightCheck> OptionChecks(PrintOptions asked, PrintOptions actual)
    {
        const string file = "interior";
        var trim = actual.Trim;
        var known = Trims.Find(trim.WidthIn, trim.HeightIn) is not null;
        var custom = trim.WidthIn is >= 4m and <= 8.5m && trim.HeightIn is >= 6m and <= 11.69m;
        yield return Check("R1", file, "Trim size is offered by KDP", RuleLevel.Must, known || custom,
            known ? $"{trim.Name} in is a standard KDP trim"
            : custom ? $"{trim.Name} in is a custom trim (4–8.5 x 6–11.69 in); some Expanded Distribution outlets are lost"
            : $"{trim.Name} in is not a KDP trim; choose one of {Trims.ListNames()}");

        var problems = actual.Validate();
        var inkPaper = problems.Where(p => p.Contains("cream", StringComparison.Ordinal) && p.Contains("black ink", StringComparison.Ordinal)
            || p.Contains("not offered", StringComparison.Ordinal)).ToList();
        var odd = problems.Where(p => p.Contains("is odd", StringComparison.Ordinal)).ToList();
        var range = problems.Except(inkPaper).Except(odd).ToList();
        yield return Check("R2", file, "Ink and paper combination allowed", RuleLevel.Must, inkPaper.Count == 0,
            inkPaper.Count == 0 ? $"{actual.Ink.ToCli()} ink on {actual.Paper.ToCli()} paper" : string.Join("; ", inkPaper));
        var (min, max) = KdpRules.PageRange(trim, actual.Ink, actual.Paper);
        yield return Check("R3", file, "Page count within KDP range", RuleLevel.Must, range.Count == 0,
            range.Count == 0 ? $"{actual.Pages} pages in the file (allowed {min}–{max})" : string.Join("; ", range) + " (page count read from the PDF)");
        yield return Check("R3", file, "Page count matches the print options", RuleLevel.Must, asked.Pages == actual.Pages,
            asked.Pages == actual.Pages
                ? $"the PDF has {actual.Pages} pages as requested"
                : $"the options say {asked.Pages} pages but the PDF has {actual.Pages}; the spine and margins are computed from {actual.Pages} — regenerate the cover for {actual.Pages} pages or fix the interior");
        yield return Check("R4", file, "Page count is even", RuleLevel.Should, odd.Count == 0,
            odd.Count == 0 ? $"{actual.Pages} pages" : string.Join("; ", odd));
    }

    private static int RuleNumber(string rule) =>
        rule.Length > 1 && int.TryParse(rule.AsSpan(1).TrimEnd("abcdefghijklmnopqrstuvwxyz"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    internal static PreflightCheck Check(string rule, string file, string title, RuleLevel level, bool pass, string detail) =>
        new(rule, file, title, level, pass ? CheckStatus.Pass : CheckStatus.Fail, detail);

    internal static PreflightCheck NotApplicable(string rule, string file, string title, RuleLevel level, string detail) =>
        new(rule, file, title, level, CheckStatus.NotApplicable, detail);

    internal static string Pt(double v) => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"1, 3, 5–9" (at most 12 items, then "…").</summary>
    internal static string PageList(IEnumerable<int> pages)
    {
        var sorted = pages.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            parts.Add(j > i ? $"{sorted[i]}–{sorted[j]}" : sorted[i].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return parts.Count > 12 ? string.Join(", ", parts.Take(12)) + ", …" : string.Join(", ", parts);
    }

    internal static string Quote(string text) => text.Length > 30 ? $"\"{text[..30]}…\"" : $"\"{text}\"";

    /// <summary>Text printed as .notdef boxes: the fonts had no glyph for some characters (emoji, symbols), so the book shows empty squares.</summary>
    private static PreflightCheck Glyphs(PdfFacts facts, string file)
    {
        var pages = facts.Pages.Where(p => p.MissingGlyphs.Count > 0).ToList();
        if (pages.Count == 0)
        {
            return Check("GLYPH", file, "Every character has a glyph", RuleLevel.Must, true, "no text prints as an empty box (.notdef)");
        }
        var count = pages.Sum(p => p.MissingGlyphs.Values.Sum());
        var fonts = pages.SelectMany(p => p.MissingGlyphs.Keys).Distinct(StringComparer.Ordinal).Select(f => f.Contains('+') ? f[(f.IndexOf('+') + 1)..] : f);
        return Check("GLYPH", file, "Every character has a glyph", RuleLevel.Must, false,
            $"{count} character(s) on page(s) {PageList(pages.Select(p => p.Number))} print as an empty box (.notdef): {string.Join(", ", fonts)} has no glyph for them; " +
            "take emoji and symbols out of the text, or use a font that has them");
    }

    internal static IEnumerable<PreflightCheck> FileChecks(PdfFacts facts, string file, string embeddedRule)
    {
        if (facts.ContentErrors.Count > 0)
        {
            yield return Check("PDF", file, "File can be read", RuleLevel.Must, false, string.Join("; ", facts.ContentErrors.Take(5)));
        }
        var unembedded = facts.Fonts.Where(f => !f.Embedded && f.Type != "Type 3").Select(f => f.Name).Distinct().ToList();
        var subset = facts.Fonts.Count(f => f.Subset);
        var ok = unembedded.Count == 0 && !facts.Encrypted;
        var detail = facts.Encrypted ? "the PDF is encrypted; export it without a password or security settings"
            : unembedded.Count > 0 ? $"fonts not embedded: {string.Join(", ", unembedded)}; embed all fonts when exporting the PDF"
            : $"{facts.Fonts.Count} font(s), all embedded{(subset > 0 ? $" ({subset} subset; KDP prefers full embedding but accepts subsets)" : "")}; not encrypted";
        yield return Check(embeddedRule, file, "Fonts embedded, not encrypted", RuleLevel.Must, ok, detail);

        yield return Glyphs(facts, file);

        var low = facts.Images.Where(i => Math.Min(i.XPpi, i.YPpi) < KdpRules.MinImagePpi - 0.5).ToList();
        yield return facts.Images.Count == 0
            ? NotApplicable(file == "cover" ? "R31" : "R15", file, "Images ≥ 300 ppi", RuleLevel.Must, "no raster images")
            : Check(file == "cover" ? "R31" : "R15", file, "Images ≥ 300 ppi", RuleLevel.Must, low.Count == 0,
                low.Count == 0
                    ? $"{facts.Images.Count} image(s), lowest {Pt(facts.Images.Min(i => Math.Min(i.XPpi, i.YPpi)))} ppi"
                    : $"{low.Count} image(s) below 300 ppi on page(s) {PageList(low.Select(i => i.Page))}, lowest {Pt(low.Min(i => Math.Min(i.XPpi, i.YPpi)))} ppi ({low[0].WidthPx}x{low[0].HeightPx} px); supply larger images or place them smaller");
    }
}
