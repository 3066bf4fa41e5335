using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;
using Storyloom.Print.Tools;
using static Storyloom.Print.Preflight.PreflightRunner;

namespace Storyloom.Print.Preflight;

/// <summary>R22–R31 on the paperback wrap cover.</summary>
internal static class CoverChecks
{
    private const string File = "cover";
    private const double SizeTolerance = 0.5;
    private const int RenderDpi = 36;

    public static async Task<IEnumerable<PreflightCheck>> RunAsync(PdfFacts facts, PrintOptions options, CancellationToken ct)
    {
        if (facts.PageCount == 0)
        {
            return [Check("PDF", File, "File can be read", RuleLevel.Must, false, string.Join("; ", facts.ContentErrors))];
        }
        var g = new CoverGeometry(options);
        var page = facts.Pages[0];
        var checks = new List<PreflightCheck>
        {
            Check("R22", File, "Cover is one page", RuleLevel.Must, facts.PageCount == 1,
                facts.PageCount == 1 ? "1 page" : $"{facts.PageCount} pages; the cover must be a single page holding back, spine and front"),
            Check("R23", File, "Spine width from page count", RuleLevel.Must, true,
                $"{options.Pages} pages × {KdpRules.SpineFactor(options.Ink, options.Paper)} in ({options.Ink.ToCli()}, {options.Paper.ToCli()}) = {g.SpineWidthIn:0.######} in = {Pt(g.SpineWidthPt)} pt"),
        };
        var size = page.MediaBox;
        var dw = size.Width - g.WidthPt;
        var dh = size.Height - g.HeightPt;
        var sizeOk = Math.Abs(dw) <= SizeTolerance && Math.Abs(dh) <= SizeTolerance;
        var exact = Math.Abs(dw) <= 0.01 && Math.Abs(dh) <= 0.01;
        checks.Add(Check("R24", File, "Cover size = 2 trims + spine + bleed", RuleLevel.Must, sizeOk,
            sizeOk ? $"{Pt(size.Width)} x {Pt(size.Height)} pt, expected {Pt(g.WidthPt)} x {Pt(g.HeightPt)} pt" + (exact ? " (exact)" : $" (off by {Pt(dw)} x {Pt(dh)} pt, within 0.5 pt)")
            : $"{Pt(size.Width)} x {Pt(size.Height)} pt, expected {Pt(g.WidthPt)} x {Pt(g.HeightPt)} pt ({g.WidthIn:0.####} x {g.HeightIn:0.####} in) for {options.Pages} pages; off by {Pt(dw)} x {Pt(dh)} pt — regenerate the cover for this page count, ink and paper"));
        checks.Add(Check("R25", File, "Spine folds", RuleLevel.Must, sizeOk,
            $"folds at x = {Pt(g.SpineLeftPt)} and {Pt(g.SpineRightPt)} pt" + (sizeOk ? "" : " (cannot hold: the cover size is wrong)")));

        GrayImage? render = null;
        try
        {
            render = await PdfInspector.RenderPageAsync(facts.Path, 1, RenderDpi, ct).ConfigureAwait(false);
        }
        catch (ExternalToolException e)
        {
            checks.Add(Check("PDF", File, "Cover renders", RuleLevel.Must, false, e.Message));
        }
        if (render is not null)
        {
            checks.Add(Edges(render, size));
        }
        checks.AddRange(Text(facts, g));
        checks.AddRange(Barcode(facts, g, render, size));
        checks.AddRange(FileChecks(facts, File, "R31"));
        checks.Add(InteriorChecks.Transparency(facts, File, "R31"));
        checks.Add(Check("R31", File, "File ≤ 650 MB", RuleLevel.Must, facts.FileBytes <= KdpRules.MaxFileBytes, $"{facts.FileBytes / 1024.0 / 1024.0:0.##} MB"));
        checks.Add(Check("R31", File, "File ≤ 40 MB", RuleLevel.Should, facts.FileBytes <= KdpRules.RecommendedCoverBytes,
            $"{facts.FileBytes / 1024.0 / 1024.0:0.##} MB" + (facts.FileBytes > KdpRules.RecommendedCoverBytes ? "; KDP recommends ≤ 40 MB — compress the artwork" : "")));
        return checks;
    }

    // Art that stops at the trim line: the strip just inside the trim has ink but the outer bleed strip is white.
    private static PreflightCheck Edges(GrayImage img, PdfRect page)
    {
        var sx = img.Width / page.Width;
        var sy = img.Height / page.Height;
        int X(double pt) => (int)Math.Round(pt * sx);
        int Y(double pt) => (int)Math.Round(pt * sy);
        var outer = Y(3);
        var b0 = Y(10);
        var b1 = Y(16);
        var edges = new (string Name, IEnumerable<byte> Outside, IEnumerable<byte> Inside)[]
        {
            ("left", img.Region(0, 0, Math.Max(1, X(3)), img.Height), img.Region(X(10), 0, X(16), img.Height)),
            ("right", img.Region(img.Width - Math.Max(1, X(3)), 0, img.Width, img.Height), img.Region(img.Width - X(16), 0, img.Width - X(10), img.Height)),
            ("top", img.Region(0, 0, img.Width, Math.Max(1, outer)), img.Region(0, b0, img.Width, b1)),
            ("bottom", img.Region(0, img.Height - Math.Max(1, outer), img.Width, img.Height), img.Region(0, img.Height - b1, img.Width, img.Height - b0)),
        };
        var short_ = edges.Where(e => e.Outside.All(p => p >= 250) && e.Inside.Count(p => p < 250) > e.Inside.Count() / 4).Select(e => e.Name).ToList();
        return Check("R26", File, "Background reaches the outer edges", RuleLevel.Must, short_.Count == 0,
            short_.Count == 0 ? "no edge where the art stops short of the bleed (checked on a 36 dpi render)"
            : $"art stops before the {string.Join(", ", short_)} edge(s) of the file; extend the background 0.125 in past the trim to the file edge");
    }

    private static IEnumerable<PreflightCheck> Text(PdfFacts facts, CoverGeometry g)
    {
        var runs = facts.AllText.Where(t => !string.IsNullOrWhiteSpace(t.Text) && t.Box.Width > 0.01).ToList();
        var spineBand = new PdfRect(g.SpineLeftPt, 0, g.SpineRightPt, g.HeightPt);
        var spine = runs.Where(t => t.Box.Intersects(spineBand) && !g.BackLive.Contains(t.Box) && !g.FrontLive.Contains(t.Box)).ToList();
        var panel = runs.Except(spine).ToList();
        var outside = panel.Where(t => !g.BackLive.Contains(t.Box) && !g.FrontLive.Contains(t.Box)).ToList();
        yield return Check("R27", File, "Back/front text inside the safe area", RuleLevel.Must, outside.Count == 0,
            outside.Count == 0 ? $"{panel.Count} text run(s) inside back {g.BackLive} / front {g.FrontLive}"
            : $"{outside.Count} text run(s) outside the safe area, e.g. {Quote(outside[0].Text)} at {outside[0].Box}; keep text ≥ 0.125 in inside the trim and ≥ 0.125 in from the spine folds (back {g.BackLive}, front {g.FrontLive})");

        var notHouse = panel.Except(outside).Where(t => !g.BackSafe.Contains(t.Box) && !g.FrontSafe.Contains(t.Box)).ToList();
        yield return Check("R27", File, "Back/front text 0.25 in inside the trim", RuleLevel.Should, notHouse.Count == 0,
            notHouse.Count == 0 ? "all back/front text ≥ 0.25 in inside the trim and from the folds"
            : $"{notHouse.Count} text run(s) between 0.125 and 0.25 in from the trim or a fold, e.g. {Quote(notHouse[0].Text)} at {notHouse[0].Box}; the house rule keeps 0.25 in");

        if (spine.Count == 0)
        {
            yield return Check("R28", File, "Spine text only from 80 pages", RuleLevel.Must, true, $"no spine text ({options(g)})");
            yield return NotApplicable("R29", File, "Spine text inside the spine safe area", RuleLevel.Must, "no spine text");
            yield break;
        }
        var allowed = g.Options.SpineTextAllowed;
        yield return Check("R28", File, "Spine text only from 80 pages", RuleLevel.Must, allowed,
            allowed ? $"spine text on a {g.Options.Pages}-page book (≥ 80)"
            : $"spine text {Quote(spine[0].Text)} on a {g.Options.Pages}-page book; KDP rejects spine text below 80 pages — remove it from the spine (x {Pt(g.SpineLeftPt)}–{Pt(g.SpineRightPt)} pt)");
        if (!allowed)
        {
            yield return NotApplicable("R29", File, "Spine text inside the spine safe area", RuleLevel.Must, "spine text is not allowed at all (R28)");
            yield break;
        }
        var bad = spine.Where(t => !g.SpineLive.Contains(t.Box)).ToList();
        yield return Check("R29", File, "Spine text inside the spine safe area", RuleLevel.Must, bad.Count == 0,
            bad.Count == 0 ? $"spine text inside {g.SpineLive}"
            : $"{Quote(bad[0].Text)} at {bad[0].Box} is outside the spine safe area {g.SpineLive}; keep 0.0625 in from each fold and 0.125 in from top/bottom trim (smaller text or shorter title)");

        static string options(CoverGeometry g) => $"{g.Options.Pages} pages";
    }

    private static IEnumerable<PreflightCheck> Barcode(PdfFacts facts, CoverGeometry g, GrayImage? render, PdfRect page)
    {
        var box = g.BarcodeBox;
        var text = facts.AllText.Where(t => !string.IsNullOrWhiteSpace(t.Text) && t.Box.Intersects(box)).ToList();
        // A background image covering most of the cover is fine (KDP prints a white box over it); smaller images in the box are content.
        var images = facts.Pages[0].ImageBoxes.Where(b => b.Intersects(box) && b.Width * b.Height < 0.5 * page.Width * page.Height).ToList();
        var problems = new List<string>();
        if (text.Count > 0)
        {
            problems.Add($"text {string.Join(", ", text.Take(3).Select(t => Quote(t.Text)))}");
        }
        if (images.Count > 0)
        {
            problems.Add($"{images.Count} image(s), e.g. at {images[0]}");
        }
        yield return Check("R30", File, "Barcode area free of content", RuleLevel.Must, problems.Count == 0,
            problems.Count == 0 ? $"nothing placed in the barcode box {box}"
            : $"{string.Join(" and ", problems)} in KDP's barcode box {box} (2 x 1.2 in, 0.25 in from the spine fold and bottom trim); move it out, KDP prints the barcode there");
        if (render is null)
        {
            yield break;
        }
        var sx = render.Width / page.Width;
        var sy = render.Height / page.Height;
        var pixels = render.Region((int)(box.X0 * sx) + 1, (int)((page.Height - box.Y1) * sy) + 1, (int)(box.X1 * sx) - 1, (int)((page.Height - box.Y0) * sy) - 1).ToList();
        var range = pixels.Count == 0 ? 0 : pixels.Max() - pixels.Min();
        var plain = range <= 24;
        yield return Check("R30", File, "Barcode area plain", RuleLevel.Should, plain,
            plain ? "the barcode box is a plain colour" : $"the barcode box is busy (grey levels vary by {range} of 255); keep a plain, light background there");
    }
}
