using System.Globalization;
using System.Text;
using Storyloom.Print.Geometry;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;

namespace Storyloom.Server.Canva;

/// <summary>
/// Fits designs exported from Canva onto the book's KDP pages with qpdf: an overlay is scaled to fit the target page's
/// TrimBox, keeping its shape, so a blank page whose TrimBox is set to the region the design should fill receives it there;
/// the real boxes are written afterwards.
/// </summary>
internal static class CanvaAssembly
{
    /// <summary>Each designed page replaces the interior page of the same number, filling it to the bleed edge.</summary>
    public static async Task ReplacePagesAsync(string interiorPdf, IReadOnlyList<(int Page, string Pdf)> designed, InteriorGeometry geometry, string outputPdf,
        string folder, CancellationToken ct)
    {
        if (designed.Count == 0)
        {
            File.Copy(interiorPdf, outputPdf, overwrite: true);
            return;
        }
        var blank = Path.Combine(folder, "blank-pages.pdf");
        await File.WriteAllBytesAsync(blank, BlankPdf(designed.Select(_ => (geometry.MediaBox, geometry.MediaBox)).ToList()), ct);
        var designs = Path.Combine(folder, "designs.pdf");
        await Qpdf(ct, ["--empty", "--pages", .. designed.SelectMany(d => new[] { d.Pdf, "1" }), "--", designs]);
        var fitted = Path.Combine(folder, "fitted-pages.pdf");
        await Qpdf(ct, [blank, "--overlay", designs, "--", fitted]);
        var boxed = Path.Combine(folder, "boxed-pages.pdf");
        await PdfBoxWriter.WriteAsync(fitted, boxed, i => new PageBoxes(geometry.MediaBox, geometry.TrimBox(designed[i - 1].Page)), ct);

        var total = await PageCountAsync(interiorPdf, ct);
        var pages = new List<string> { interiorPdf, "--pages" };
        var index = designed.Select((d, i) => (d.Page, Index: i + 1)).ToDictionary(x => x.Page, x => x.Index);
        for (var n = 1; n <= total; n++)
        {
            pages.AddRange(index.TryGetValue(n, out var i) ? [boxed, Num(i)] : [interiorPdf, Num(n)]);
        }
        await Qpdf(ct, [.. pages, "--", outputPdf]);
    }

    /// <summary>The design covers the front panel (to the bleed edge) of Storyloom's cover; the back and spine stay Storyloom's.</summary>
    public static async Task ReplaceFrontCoverAsync(string coverPdf, string designPdf, CoverGeometry geometry, string outputPdf, string folder, CancellationToken ct)
    {
        var front = new PdfRect(geometry.SpineRightPt, 0, geometry.WidthPt, geometry.HeightPt);
        // The design is fitted into a blank page whose TrimBox is the front panel; that page is then laid 1:1 over Storyloom's
        // cover (both with TrimBox = MediaBox, so qpdf neither scales nor clips); then the real boxes.
        var blank = Path.Combine(folder, "cover-blank.pdf");
        await File.WriteAllBytesAsync(blank, BlankPdf([(geometry.MediaBox, front)]), ct);
        var placed = Path.Combine(folder, "cover-front.pdf");
        await Qpdf(ct, [blank, "--overlay", designPdf, "--", placed]);
        var front1 = Path.Combine(folder, "cover-front-full.pdf");
        await PdfBoxWriter.WriteAsync(placed, front1, _ => new PageBoxes(geometry.MediaBox, geometry.MediaBox), ct);
        var base1 = Path.Combine(folder, "cover-base.pdf");
        await PdfBoxWriter.WriteAsync(coverPdf, base1, _ => new PageBoxes(geometry.MediaBox, geometry.MediaBox), ct);
        var fitted = Path.Combine(folder, "cover-fitted.pdf");
        await Qpdf(ct, [base1, "--overlay", front1, "--", fitted]);
        await PdfBoxWriter.WriteAsync(fitted, outputPdf, _ => new PageBoxes(geometry.MediaBox, geometry.TrimBox), ct);
    }

    private static async Task<int> PageCountAsync(string pdf, CancellationToken ct) =>
        int.Parse((await ExternalTool.RunCheckedAsync("qpdf", ["--show-npages", pdf], ct)).StdoutText.Trim(), CultureInfo.InvariantCulture);

    private static Task Qpdf(CancellationToken ct, string[] args) => ExternalTool.RunCheckedAsync("qpdf", args, ct);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Blank pages with the given MediaBox and TrimBox.</summary>
    internal static byte[] BlankPdf(IReadOnlyList<(PdfRect Media, PdfRect Trim)> pages)
    {
        var content = "";
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", "" };
        var kids = new List<int>();
        foreach (var (media, trim) in pages)
        {
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
            objects.Add(F($"<< /Type /Page /Parent 2 0 R /MediaBox [{Box(media)}] /TrimBox [{Box(trim)}] /Contents {objects.Count} 0 R /Resources << >> >>"));
            kids.Add(objects.Count);
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Box(PdfRect r) => F($"{N(r.X0)} {N(r.Y0)} {N(r.X1)} {N(r.Y1)}");

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
