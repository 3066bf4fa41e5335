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
        if (facts.PageCount == 0)
        {
            return [Check("PDF", File, "File can be read", RuleLevel.Must, false, string.Join("; ", facts.ContentErrors))];
        }
        var geometry = new InteriorGeometry(options);
        var checks = new List<PreflightCheck>();
        checks.AddRange(PageSize(facts, geometry));
        checks.AddRange(Margins(facts, geometry));
        checks.AddRange(FileChecks(facts, File, "R12"));
        checks.Add(Marks(facts));
        checks.Add(TextSize(facts));
        checks.Add(Strokes(facts));
        checks.AddRange(Blanks(facts));
        checks.Add(Check("R20", File, "File ≤ 650 MB", RuleLevel.Must, facts.FileBytes <= KdpRules.MaxFileBytes,
            $"{facts.FileBytes / 1024.0 / 1024.0:0.##} MB" + (facts.FileBytes > KdpRules.MaxFileBytes ? "; compress images (300 ppi is enough) or split artwork" : "")));
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
            wrong.Count == 0 ? $"{Pt(expected.Width)} x {Pt(expected.Height)} pt = {what}"
            : $"page(s) {PageList(wrong.Select(p => p.Number))} are {Pt(wrong[0].MediaBox.Width)} x {Pt(wrong[0].MediaBox.Height)} pt, expected {Pt(expected.Width)} x {Pt(expected.Height)} pt ({what}){hint}");

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

    private static IEnumerable<PdfTextRun> Visible(PdfFacts facts) => facts.AllText.Where(t => !string.IsNullOrWhiteSpace(t.Text) && t.Box.Width > 0.01);

    private static PreflightCheck Marks(PdfFacts facts)
    {
        var annotated = facts.Pages.Where(p => p.AnnotationCount > 0).ToList();
        var problems = new List<string>();
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
        return Check("R13", File, "No annotations, bookmarks or form fields", RuleLevel.Must, problems.Count == 0,
            problems.Count == 0 ? "none found (crop marks and hidden objects are not checked)" : $"found {string.Join(", ", problems)}; export without them (e.g. print to PDF, or qpdf --flatten-annotations=all)");
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
