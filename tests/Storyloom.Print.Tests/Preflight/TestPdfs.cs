using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Storyloom.Print.Geometry;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>Builds test PDFs: HTML printed by headless Chromium, then exact boxes set with qpdf. Missing tools fail the test.</summary>
internal static class TestPdfs
{
    private static readonly string Root = Directory.CreateTempSubdirectory("storyloom-preflight-tests-").FullName;
    private static int _counter;

    public static string NewPath(string name) => Path.Combine(Root, $"{Interlocked.Increment(ref _counter)}-{name}.pdf");

    /// <summary>Prints <paramref name="bodyHtml"/> on pages of <paramref name="pageWidthPt"/> x <paramref name="pageHeightPt"/>
    /// (Chromium rounds the width to 0.01 in, so it prints slightly wider and the MediaBox is cut back to the exact size).</summary>
    public static async Task<string> FromHtmlAsync(string name, double pageWidthPt, double pageHeightPt, string bodyHtml, Func<int, PdfRect?>? trimBox = null)
    {
        var html = Path.Combine(Root, $"{Interlocked.Increment(ref _counter)}-{name}.html");
        var printWidthIn = Math.Ceiling(pageWidthPt / 72 * 100) / 100 + 0.01;
        var css = string.Create(CultureInfo.InvariantCulture,
            $"@page{{size:{printWidthIn}in {pageHeightPt}pt;margin:0}}body{{margin:0}}.page{{position:relative;width:{pageWidthPt}pt;height:{pageHeightPt}pt;overflow:hidden;break-after:page}}.page:last-child{{break-after:auto}}.abs{{position:absolute;white-space:nowrap;font-family:sans-serif}}");
        await File.WriteAllTextAsync(html, $"<!doctype html><html><head><meta charset=\"utf-8\"><style>{css}</style></head><body>{bodyHtml}</body></html>");
        var printed = NewPath(name + "-raw");
        var profile = Directory.CreateTempSubdirectory("storyloom-chromium-").FullName;
        try
        {
            await RunAsync("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--no-pdf-header-footer",
                $"--print-to-pdf={printed}", new Uri(html).AbsoluteUri);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
        var output = NewPath(name);
        await SetBoxesAsync(printed, output, new PdfRect(0, 0, pageWidthPt, pageHeightPt), trimBox ?? (_ => null));
        return output;
    }

    /// <summary>Rewrites every page's MediaBox (= CropBox = BleedBox) and, when given, TrimBox with qpdf's JSON update.</summary>
    public static async Task SetBoxesAsync(string input, string output, PdfRect media, Func<int, PdfRect?> trimBox)
    {
        var json = JsonNode.Parse(await RunAsync("qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=none", input))!;
        var header = json["qpdf"]![0]!;
        var objects = json["qpdf"]![1]!;
        var patch = new JsonObject();
        foreach (var page in json["pages"]!.AsArray())
        {
            var number = page!["pageposfrom1"]!.GetValue<int>();
            var key = "obj:" + page["object"]!.GetValue<string>();
            var dict = objects[key]!["value"]!.DeepClone().AsObject();
            dict["/MediaBox"] = Box(media);
            dict.Remove("/CropBox");
            dict["/BleedBox"] = Box(media);
            if (trimBox(number) is { } trim)
            {
                dict["/TrimBox"] = Box(trim);
            }
            else
            {
                dict.Remove("/TrimBox");
            }
            patch[key] = new JsonObject { ["value"] = dict };
        }
        var doc = new JsonObject
        {
            ["qpdf"] = new JsonArray(
                new JsonObject
                {
                    ["jsonversion"] = 2,
                    ["pushedinheritedpageresources"] = false,
                    ["calledgetallpages"] = false,
                    ["maxobjectid"] = header["maxobjectid"]!.GetValue<int>(),
                },
                patch),
        };
        var patchPath = output + ".patch.json";
        await File.WriteAllTextAsync(patchPath, doc.ToJsonString());
        await RunAsync("qpdf", input, $"--update-from-json={patchPath}", output);
    }

    private static JsonArray Box(PdfRect r) => new(r.X0, r.Y0, r.X1, r.Y1);

    /// <summary>A hand-written one-page PDF showing text in base-14 Helvetica with no FontFile (not embedded).</summary>
    public static Task<string> UnembeddedFontAsync(double widthPt, double heightPt) => RawAsync("unembedded",
        string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {widthPt} {heightPt}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        Stream("BT /F1 14 Tf 72 300 Td (Hello from Helvetica) Tj ET"));

    /// <summary>Writes objects 3.. after a fixed catalog (1) and single-page tree (2, kid 3 0 R); qpdf rebuilds the xref.</summary>
    public static Task<string> RawAsync(string name, params string[] objects) => RawWithCatalogAsync(name, "", objects);

    /// <summary>As <see cref="RawAsync"/>, with <paramref name="catalogExtra"/> added to the catalog dictionary.</summary>
    public static async Task<string> RawWithCatalogAsync(string name, string catalogExtra, params string[] objects)
    {
        var pdf = new StringBuilder($"%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R {catalogExtra} >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        for (var i = 0; i < objects.Length; i++)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 3} 0 obj {objects[i]} endobj\n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer << /Root 1 0 R /Size {objects.Length + 3} >>\n%%EOF\n");
        var raw = NewPath(name + "-raw");
        await File.WriteAllTextAsync(raw, pdf.ToString(), Encoding.Latin1);
        var output = NewPath(name);
        await RunAsync("qpdf", raw, output);
        return output;
    }

    /// <summary>An uncompressed stream object body; <paramref name="dict"/> is extra dictionary entries.</summary>
    public static string Stream(string content, string dict = "") =>
        $"<< {dict} /Length {Encoding.Latin1.GetByteCount(content)} >> stream\n{content}\nendstream";

    public static Task<string> EncryptAsync(string input, string userPassword = "")
    {
        var output = NewPath("encrypted");
        return RunAsync("qpdf", "--encrypt", userPassword, "owner", "256", "--", input, output).ContinueWith(t => t.IsCompletedSuccessfully ? output : throw t.Exception!, TaskScheduler.Default);
    }

    /// <summary>A 24-bit BMP data URI of a two-colour checkerboard (Chromium embeds it as a raster image).</summary>
    public static string BmpDataUri(int width, int height)
    {
        var rowBytes = (width * 3 + 3) & ~3;
        var size = 54 + rowBytes * height;
        var bmp = new byte[size];
        void I32(int at, int v) => BitConverter.GetBytes(v).CopyTo(bmp, at);
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        I32(2, size);
        I32(10, 54);
        I32(14, 40);
        I32(18, width);
        I32(22, height);
        bmp[26] = 1;
        bmp[28] = 24;
        I32(34, rowBytes * height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var dark = ((x / 8) + (y / 8)) % 2 == 0;
                var at = 54 + y * rowBytes + x * 3;
                bmp[at] = dark ? (byte)40 : (byte)200;
                bmp[at + 1] = dark ? (byte)90 : (byte)220;
                bmp[at + 2] = dark ? (byte)160 : (byte)250;
            }
        }
        return "data:image/bmp;base64," + Convert.ToBase64String(bmp);
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode is not (0 or 3))
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }
}
