using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;
using static Storyloom.Print.Preflight.PreflightRunner;

namespace Storyloom.Print.Preflight;

/// <summary>R5–R20 on the interior PDF.</summary>
internal static class InteriorChecks
{
    private const string File = "interior";
    private const double SizeTolerance = 0.05;

    public static IEnumerable<PreflightCheck> Run(PdfFacts facts, PrintOptions options)
    {
        if (facts.PageCount == 0 && facts.Encrypted)
        {
            return [Check("R12", File, "Fonts embedded, not encrypted", RuleLevel.Must, false,
                "the PDF is password-protected: it cannot be opened without the password, so nothing else could be checked, and KDP rejects encrypted files; export it again without a password or security settings")];
        }
        if (facts.PageCount == 0)
        {
            return [Check("PDF", File, "File can be read", RuleLevel.Must, false, string.Join("; ", facts.ContentErrors))];
        }
        var geometry = new InteriorGeometry(options);
        var checks = new List<PreflightCheck>();
        checks.AddRange(PageSize(facts, geometry));
        checks.AddRange(Margins(facts, geometry));
        checks.AddRange(FileChecks(facts, File, "R12"));
        checks.Add(Marks(facts, geometry));
        checks.Add(Transparency(facts, File, "R14"));
        checks.Add(TextSize(facts));
        checks.Add(Strokes(facts));
        checks.AddRange(Blanks(facts));
        checks.Add(Check("R20", File, "File ≤ 650 MB", RuleLevel.Must, facts.FileBytes <= KdpRules.MaxFileBytes,
            $"{facts.FileBytes / 1024.0 / 1024.0:0.##} MB" + (facts.FileBytes > KdpRules.MaxFileBytes ? "; compress images (300 ppi is enough) or split artwork" : "")));
        if (options.Ink == Ink.Bw)
        {
            checks.Add(GrayOnly(facts));
        }
        return checks;
    }

    private static IEnumerable<PreflightCheck> PageSize(PdfFacts facts, InteriorGeometry g)
    {
        var first = facts.Pages[0].MediaBox;
        var differing = facts.Pages.Where(p => !p.MediaBox.NearlyEquals(first, SizeTolerance)).ToList();
        yield return Check("R5", File, "Every page has the same MediaBox", RuleLevel.Must, differing.Count == 0,
            differing.Count == 0 ? $"all {facts.PageCount} pages {Pt(first.Width)} x {Pt(first.Height)} pt"
            : $"page(s) {PageList(differing.Select(p => p.Number))} differ from page 1 ({Pt(first.Width)} x {Pt(first.Height)} pt), e.g. page {differing[0].Number} is {Pt(differing[0].MediaBox.Width)} x {Pt(differing[0].MediaBox.Height)} pt; make every page the same size");

        var expected = g.MediaBox;
        var wrong = facts.Pages.Where(p => Math.Abs(p.MediaBox.Width - expected.Width) > SizeTolerance || Math.Abs(p.MediaBox.Height - expected.Height) > SizeTolerance).ToList();
        var rule = g.Options.Bleed ? "R7" : "R6";
        var what = g.Options.Bleed ? $"trim {g.Options.Trim.Name} in + bleed (0.125 in wide, 0.25 in high)" : $"trim {g.Options.Trim.Name} in without bleed";
        string hint = "";
        if (wrong.Count > 0)
        {
            var w = wrong[0].MediaBox;
            var other = new InteriorGeometry(g.Options with { Bleed = !g.Options.Bleed }).MediaBox;
            hint = Math.Abs(w.Width - other.Width) <= SizeTolerance && Math.Abs(w.Height - other.Height) <= SizeTolerance
                ? g.Options.Bleed ? " — the file looks like it has no bleed: add 0.125 in on the outside and 0.125 in top and bottom, or upload with bleed off"
                                  : " — the file looks like it has bleed: choose bleed on in KDP, or export at trim size"
                : "";
        }
        yield return Check(rule, File, "Page size matches trim" + (g.Options.Bleed ? " + bleed" : ""), RuleLevel.Must, wrong.Count == 0,
            wrong.Count == 0 ? $"{Pt(expected.Width)} x {Pt(expected.Height)} pt = {what}{Turned(facts.Pages)}"
            : $"page(s) {PageList(wrong.Select(p => p.Number))} are {Pt(wrong[0].MediaBox.Width)} x {Pt(wrong[0].MediaBox.Height)} pt{Turned(wrong)}, expected {Pt(expected.Width)} x {Pt(expected.Height)} pt ({what}){hint}");

        if (g.Options.Bleed)
        {
            var bad = facts.Pages.Where(p => !p.HasTrimBox || !p.TrimBox.NearlyEquals(g.TrimBox(p.Number), SizeTolerance)
                || (p.HasBleedBox && !p.BleedBox.NearlyEquals(p.MediaBox, SizeTolerance))).ToList();
            var missing = facts.Pages.Count(p => !p.HasTrimBox);
            yield return Check("R11", File, "TrimBox/BleedBox follow page parity", RuleLevel.Should, bad.Count == 0,
                bad.Count == 0 ? "odd pages trim [0 … trim w], even pages [0.125 in … ], BleedBox = MediaBox"
                : missing == facts.PageCount ? "no page has a TrimBox; set TrimBox per page (odd: bleed on the right, even: on the left) so printers know the trim"
                : $"page(s) {PageList(bad.Select(p => p.Number))}: TrimBox/BleedBox wrong, e.g. page {bad[0].Number} TrimBox {bad[0].TrimBox}, expected {g.TrimBox(bad[0].Number)}");
        }
        else
        {
            var bad = facts.Pages.Where(p => p.HasTrimBox && !p.TrimBox.NearlyEquals(p.MediaBox, SizeTolerance)).ToList();
            yield return Check("R11", File, "TrimBox equals the page without bleed", RuleLevel.Should, bad.Count == 0,
                bad.Count == 0 ? "no bleed: TrimBox = MediaBox" : $"page(s) {PageList(bad.Select(p => p.Number))} have a TrimBox smaller than the page; without bleed the page is the trim");
        }
    }

    /// <summary>" as printed (page 3 turned by /Rotate 90; …)" when a page's /Rotate or /UserUnit changes its printed size.</summary>
    private static string Turned(IEnumerable<PdfPageFacts> pages)
    {
        var notes = pages.Where(p => p.Rotate != 0 || Math.Abs(p.UserUnit - 1) > 1e-9).Take(3)
            .Select(p => $"page {p.Number}" + (p.Rotate != 0 ? $" turned by /Rotate {p.Rotate}" : "") + (Math.Abs(p.UserUnit - 1) > 1e-9 ? $" scaled by /UserUnit {p.UserUnit:0.###}" : ""))
            .ToList();
        return notes.Count == 0 ? "" : $" as printed ({string.Join("; ", notes)})";
    }

    private static IEnumerable<PreflightCheck> Margins(PdfFacts facts, InteriorGeometry g)
    {
        var gutter = new List<string>();
        var outside = new List<string>();
        var outsideLenientOk = true;
        var gutterPages = new List<int>();
        var outsidePages = new List<int>();
        var expected = g.MediaBox;
        var sizeNote = facts.Pages.Any(p => !p.MediaBox.NearlyEquals(expected, SizeTolerance))
            ? $" (measured against the {Pt(expected.Width)} x {Pt(expected.Height)} pt page KDP expects; fix the page size first, see R6/R7)" : "";
        var lenientInset = (KdpRules.OutsideMarginIn(g.Options.Bleed) - (g.Options.Bleed ? KdpRules.BleedIn : 0)) * 72;
        foreach (var run in Visible(facts))
        {
            var live = g.LiveArea(run.Page);
            var box = run.Box;
            var recto = InteriorGeometry.IsRecto(run.Page);
            var gutterOut = recto ? box.X0 < live.X0 - 0.01 : box.X1 > live.X1 + 0.01;
            var outsideOut = (recto ? box.X1 > live.X1 + 0.01 : box.X0 < live.X0 - 0.01) || box.Y0 < live.Y0 - 0.01 || box.Y1 > live.Y1 + 0.01;
            if (gutterOut)
            {
                var dist = recto ? box.X0 - g.TrimBox(run.Page).X0 : g.TrimBox(run.Page).X1 - box.X1;
                gutter.Add($"page {run.Page} {Quote(run.Text)} is {Pt(dist)} pt from the binding edge");
                gutterPages.Add(run.Page);
            }
            if (outsideOut)
            {
                var trim = g.TrimBox(run.Page);
                var lenient = trim.Inset(recto ? g.GutterIn * 72 : lenientInset, lenientInset, recto ? lenientInset : g.GutterIn * 72, lenientInset);
                outsideLenientOk &= lenient.Contains(box);
                outside.Add($"page {run.Page} {Quote(run.Text)} at {box}, live area {live}");
                outsidePages.Add(run.Page);
            }
        }
        yield return Check("R9", File, "Text clear of the gutter", RuleLevel.Must, gutter.Count == 0,
            gutter.Count == 0 ? $"all text ≥ {Pt(g.GutterIn * 72)} pt ({g.GutterIn} in for {g.Options.Pages} pages) from the binding-side trim"
            : $"text inside the {g.GutterIn} in gutter on page(s) {PageList(gutterPages)}: {string.Join("; ", gutter.Take(3))}; move it ≥ {Pt(g.GutterIn * 72)} pt from the binding edge (left on odd pages, right on even){sizeNote}");
        var lenientNote = g.Options.Bleed && outside.Count > 0 && outsideLenientOk
            ? " (it passes the lenient reading — 0.375 in from the PDF page edge — but not the conservative one from the trim that this preflight enforces)" : "";
        yield return Check("R10", File, "Text inside outside/top/bottom margins", RuleLevel.Must, outside.Count == 0,
            outside.Count == 0 ? $"all text ≥ {Pt(g.OutsideIn * 72)} pt inside the trim on top, bottom and outside"
            : $"text outside the live area on page(s) {PageList(outsidePages)}: {string.Join("; ", outside.Take(3))}; keep text ≥ {g.OutsideIn} in inside the trim{lenientNote}{sizeNote}");
    }

    private const int EdgeDpi = 36;

    /// <summary>
    /// Without bleed nothing is trimmed off, so ink in the margins is printed to within a printer's tolerance of the edge, and
    /// KDP's reviewer rejects it: every page whose painted extent leaves the live area is rendered (36 dpi, 2 pt a pixel) and any
    /// pixel that is not white more than a pixel and a half outside the live area fails, art included.
    /// </summary>
    public static async Task<PreflightCheck> MarginInkAsync(PdfFacts facts, PrintOptions options, CancellationToken ct)
    {
        const string title = "No ink in the margins (no bleed)";
        var g = new InteriorGeometry(options);
        var found = new List<(int Page, double FromEdgePt)>();
        // Only a page whose painted extent leaves the live area can have ink in the margins: only those are rendered.
        var slack = 1.5 * 72.0 / EdgeDpi;
        var suspects = facts.Pages.Where(p => p.InkUnbounded
                || (p.InkBounds is { } ink && !g.LiveArea(p.Number).Inset(-slack, -slack, -slack, -slack).Contains(ink)))
            .Select(p => p.Number).ToList();
        await PdfInspector.RenderEachPageAsync(facts.Path, suspects, EdgeDpi, (number, image) =>
        {
            var media = facts.Pages.ElementAtOrDefault(number - 1)?.MediaBox ?? g.MediaBox;
            if (InkOutside(image, media, g.LiveArea(number)) is { } fromEdge)
            {
                found.Add((number, fromEdge));
            }
        }, ct).ConfigureAwait(false);
        var live = g.LiveArea(1);
        return found.Count == 0
            ? Check("R10", File, title, RuleLevel.Must, true,
                $"every page white outside its live area ({Pt(g.OutsideIn * 72)} pt top, bottom and outside, {Pt(g.GutterIn * 72)} pt gutter; {suspects.Count} page(s) painted past it checked on a {EdgeDpi} dpi render, the others paint nothing there)")
            : Check("R10", File, title, RuleLevel.Must, false,
                $"ink outside the live area on page(s) {PageList(found.Select(f => f.Page))}, e.g. page {found[0].Page} {Pt(found[0].FromEdgePt)} pt from the page edge; " +
                $"a book without bleed must keep all ink (art, backgrounds, frames) ≥ {g.OutsideIn} in from the top, bottom and outside edges and {g.GutterIn} in from the binding edge (live area of page 1: {live}) — or print with bleed");
    }

    /// <summary>The distance from the page edge of the ink nearest to it outside <paramref name="live"/>; null when there is none.</summary>
    private static double? InkOutside(GrayImage image, PdfRect media, PdfRect live)
    {
        var sx = image.Width / media.Width;
        var sy = image.Height / media.Height;
        var slack = 1.5 / Math.Min(sx, sy);
        var inner = live.Inset(-slack, -slack, -slack, -slack);
        double? nearest = null;
        for (var y = 0; y < image.Height; y++)
        {
            // Pixel centre in PDF points (bottom-left origin).
            var py = media.Y1 - (y + 0.5) / sy;
            for (var x = 0; x < image.Width; x++)
            {
                var px = media.X0 + (x + 0.5) / sx;
                if (px >= inner.X0 && px <= inner.X1 && py >= inner.Y0 && py <= inner.Y1)
                {
                    x = Math.Max(x, (int)((inner.X1 - media.X0) * sx) - 1);
                    continue;
                }
                if (image[x, y] < 250)
                {
                    var d = Math.Max(0, Math.Min(Math.Min(px - media.X0, media.X1 - px), Math.Min(py - media.Y0, media.Y1 - py)) - 0.5 / Math.Min(sx, sy));
                    nearest = nearest is { } n ? Math.Min(n, d) : d;
                }
            }
        }
        return nearest;
    }

    private static IEnumerable<PdfTextRun> Visible(PdfFacts facts) => facts.AllText.Where(t => !string.IsNullOrWhiteSpace(t.Text) && t.Box.Width > 0.01);

    private static PreflightCheck Marks(PdfFacts facts, InteriorGeometry g)
    {
        var annotated = facts.Pages.Where(p => p.AnnotationCount > 0).ToList();
        var problems = new List<string>();
        var marks = facts.Pages.Where(p => p.Strokes.Any(s => IsCropMark(s, g.Options.Bleed ? g.TrimBox(p.Number) : p.MediaBox))).Select(p => p.Number).ToList();
        if (marks.Count > 0)
        {
            problems.Add($"crop or printer marks outside the trim on page(s) {PageList(marks)}");
        }
        var invisible = facts.Pages.Where(p => p.InvisibleText > 0).Select(p => p.Number).ToList();
        if (invisible.Count > 0)
        {
            problems.Add($"invisible text (rendering mode 3) on page(s) {PageList(invisible)}");
        }
        var offPage = facts.Pages.Where(p => p.Text.Any(t => !t.Box.Intersects(p.MediaBox)) || p.ImageBoxes.Any(b => !b.Intersects(p.MediaBox)))
            .Select(p => p.Number).ToList();
        if (offPage.Count > 0)
        {
            problems.Add($"text or images placed entirely off the page on page(s) {PageList(offPage)}");
        }
        if (annotated.Count > 0)
        {
            problems.Add($"annotations/links on page(s) {PageList(annotated.Select(p => p.Number))}");
        }
        if (facts.HasOutlines)
        {
            problems.Add("bookmarks (outline)");
        }
        if (facts.HasAcroForm)
        {
            problems.Add("form fields");
        }
        return Check("R13", File, "No annotations, bookmarks, form fields, marks or hidden objects", RuleLevel.Must, problems.Count == 0,
            problems.Count == 0 ? "none found (annotations, bookmarks, form fields, crop and printer marks, invisible or off-page content)"
            : $"found {string.Join("; ", problems)}; export without them (no crop or printer marks, no comments or links; e.g. print to PDF, or qpdf --flatten-annotations=all)");
    }

    /// <summary>
    /// A crop, trim or bleed mark: a thin straight line, horizontal or vertical, wholly outside the trim (in the bleed or the
    /// slug) and in line with a trim edge, where marks point at the corners. Art that runs into the bleed crosses the trim.
    /// </summary>
    private static bool IsCropMark(PdfStroke s, PdfRect trim)
    {
        var b = s.Box;
        if (!s.Straight || s.WidthPt > 1.01 || (b.Width > 0.1 && b.Height > 0.1) || (b.Width <= 0.1 && b.Height <= 0.1))
        {
            return false;
        }
        var outside = b.X1 <= trim.X0 + 0.01 || b.X0 >= trim.X1 - 0.01 || b.Y1 <= trim.Y0 + 0.01 || b.Y0 >= trim.Y1 - 0.01;
        const double near = 18;
        var horizontal = b.Height <= 0.1;
        var inLine = horizontal
            ? Math.Min(Math.Abs(b.Y0 - trim.Y0), Math.Abs(b.Y0 - trim.Y1)) <= near
            : Math.Min(Math.Abs(b.X0 - trim.X0), Math.Abs(b.X0 - trim.X1)) <= near;
        return outside && inLine;
    }

    /// <summary>R14 (interior) and R31 (cover): transparency and layers must be flattened before upload.</summary>
    internal static PreflightCheck Transparency(PdfFacts facts, string file, string rule)
    {
        var pages = facts.Pages.Where(p => p.Transparency.Count > 0).ToList();
        var kinds = pages.SelectMany(p => p.Transparency).Distinct().Take(4).ToList();
        if (facts.HasOptionalContent)
        {
            kinds.Insert(0, "optional content (layers) in the document");
        }
        return Check(rule, file, "No live transparency or layers", RuleLevel.Must, kinds.Count == 0,
            kinds.Count == 0 ? "no transparency groups, soft masks, blend modes, alpha below 1 or layers"
            : $"found {string.Join(", ", kinds)}{(pages.Count > 0 ? $" on page(s) {PageList(pages.Select(p => p.Number))}" : "")}; flatten transparency and layers when exporting (e.g. PDF/X-1a)");
    }

    /// <summary>R21: a black-ink book is printed in gray; colour in it prints as KDP's conversion decides.</summary>
    private static PreflightCheck GrayOnly(PdfFacts facts)
    {
        var colored = facts.Pages.Where(p => p.Colors.Count > 0).ToList();
        var images = facts.Images.Where(i => i.Components > 1 || i.Color is "rgb" or "cmyk" or "lab").ToList();
        var pages = colored.Select(p => p.Number).Concat(images.Select(i => i.Page)).ToList();
        var examples = colored.SelectMany(p => p.Colors).Distinct().Take(3).ToList();
        if (images.Count > 0)
        {
            examples.Add($"{images.Count} {images[0].Color} image(s)");
        }
        return Check("R21", File, "Black-ink interior is gray only", RuleLevel.Should, pages.Count == 0,
            pages.Count == 0 ? "every colour on every page is gray"
            : $"colour in a black-ink book on page(s) {PageList(pages)} ({string.Join(", ", examples)}); convert the interior to grayscale so you see what prints");
    }

    private static PreflightCheck TextSize(PdfFacts facts)
    {
        var runs = Visible(facts).ToList();
        if (runs.Count == 0)
        {
            return NotApplicable("R16", File, "Text ≥ 7 pt", RuleLevel.Must, "no text");
        }
        var small = runs.Where(t => t.FontSizePt < KdpRules.MinTextPt - 0.01).ToList();
        return Check("R16", File, "Text ≥ 7 pt", RuleLevel.Must, small.Count == 0,
            small.Count == 0 ? $"smallest text {Pt(runs.Min(t => t.FontSizePt))} pt"
            : $"{small.Count} text run(s) below 7 pt on page(s) {PageList(small.Select(t => t.Page))}, smallest {Pt(small.Min(t => t.FontSizePt))} pt (e.g. page {small[0].Page} {Quote(small[0].Text)}); set at least 7 pt");
    }

    private static PreflightCheck Strokes(PdfFacts facts)
    {
        var strokes = facts.Pages.SelectMany(p => p.Strokes).ToList();
        if (strokes.Count == 0)
        {
            return NotApplicable("R17", File, "Lines ≥ 0.75 pt", RuleLevel.Should, "no stroked lines");
        }
        var thin = strokes.Where(s => s.WidthPt < KdpRules.MinStrokePt - 0.001).ToList();
        return Check("R17", File, "Lines ≥ 0.75 pt", RuleLevel.Should, thin.Count == 0,
            thin.Count == 0 ? $"thinnest line {Pt(strokes.Min(s => s.WidthPt))} pt"
            : $"{thin.Count} line(s) thinner than 0.75 pt on page(s) {PageList(thin.Select(s => s.Page))}, thinnest {Pt(thin.Min(s => s.WidthPt))} pt; thin lines may not print — use ≥ 0.75 pt (≥ 1 pt for colouring outlines)");
    }

    private static IEnumerable<PreflightCheck> Blanks(PdfFacts facts)
    {
        var blank = facts.Pages.Where(p => p.IsBlank).Select(p => p.Number).ToHashSet();
        var lastContent = facts.Pages.Where(p => !p.IsBlank).Select(p => p.Number).DefaultIfEmpty(0).Max();
        var runs = new List<(int From, int To)>();
        for (var n = 1; n <= lastContent; n++)
        {
            if (!blank.Contains(n))
            {
                continue;
            }
            var start = n;
            while (n + 1 <= lastContent && blank.Contains(n + 1))
            {
                n++;
            }
            if (n - start + 1 > 2)
            {
                runs.Add((start, n));
            }
        }
        var trailing = facts.PageCount - lastContent;
        var problems = new List<string>();
        if (runs.Count > 0)
        {
            problems.Add($"{string.Join(", ", runs.Select(r => $"pages {r.From}–{r.To} ({r.To - r.From + 1} blank in a row)"))}: at most 2 consecutive blank pages before the last content page");
        }
        if (trailing > 10)
        {
            problems.Add($"{trailing} blank pages at the end (pages {lastContent + 1}–{facts.PageCount}): at most 10");
        }
        yield return Check("R18", File, "No long runs of blank pages", RuleLevel.Must, problems.Count == 0,
            problems.Count == 0 ? $"{blank.Count} blank page(s), longest run within limits" : string.Join("; ", problems) + "; remove pages or add content/markers");
        yield return Check("R19", File, "Blank pages are marked", RuleLevel.Should, blank.Count == 0,
            blank.Count == 0 ? "no fully blank pages" : $"page(s) {PageList(blank)} are completely blank; mark intentional blanks (\"Notes\", \"This page intentionally left blank\")");
    }
}
