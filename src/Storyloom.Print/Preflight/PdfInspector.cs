using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyloom.Print.Geometry;
using Storyloom.Print.Tools;

namespace Storyloom.Print.Preflight;

/// <summary>Re-opens any PDF with poppler-utils and qpdf and extracts what the KDP rules need: boxes, fonts, images, text boxes and sizes, strokes, blank pages.</summary>
public static partial class PdfInspector
{
    /// <summary>
    /// Most a file's structure and decoded content streams may take as qpdf's JSON (a small PDF can inflate to gigabytes): beyond
    /// it the inspection stops with <see cref="ExternalToolOutputTooLargeException"/> instead of holding it all in memory.
    /// </summary>
    public const long MaxDecodedBytes = 64L << 20;

    /// <summary>Reads the facts of one PDF. Throws <see cref="ExternalToolMissingException"/> when a tool is missing and
    /// <see cref="FileNotFoundException"/> when the file does not exist; malformed content ends up in <see cref="PdfFacts.ContentErrors"/>.</summary>
    public static async Task<PdfFacts> InspectAsync(string path, CancellationToken ct = default)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"PDF not found: {path}", path);
        }
        var full = file.FullName;
        var errors = new List<string>();

        var info = await ExternalTool.RunAsync("pdfinfo", [full], ct).ConfigureAwait(false);
        if (info.ExitCode != 0)
        {
            var encrypted = info.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase);
            errors.Add(encrypted ? "the PDF is password-protected; export it without security" : $"pdfinfo cannot read the file: {info.Stderr.Trim()}");
            return new PdfFacts(full, file.Length, 0, encrypted, false, false, [], [], []) { ContentErrors = errors };
        }
        var infoText = info.StdoutText;
        var isEncrypted = EncryptedRegex().Match(infoText) is { Success: true } m && m.Groups[1].Value == "yes";

        var fontsTask = ReadFontsAsync(full, ct);
        var (pages, images, outlines, acroForm, layers) = await ReadStructureAsync(full, errors, ct).ConfigureAwait(false);
        // The images were read while interpreting the pages; only a file drawing images some other way asks pdfimages.
        var imagesTask = images is null ? ReadImagesAsync(full, ct) : Task.FromResult(images);
        // Only a page without text or images can be blank; rendering just those keeps preflight fast on picture books.
        var candidates = pages.Where(p => p.Text.Count == 0 && p.ImagesDrawn == 0).Select(p => p.Number).ToList();
        var blank = await RenderBlankPagesAsync(full, candidates, ct).ConfigureAwait(false);
        await Task.WhenAll(fontsTask, imagesTask).ConfigureAwait(false);
        pages = [.. pages.Select(p => p with { RendersBlank = blank.Contains(p.Number) })];
        return new PdfFacts(full, file.Length, pages.Count, isEncrypted, outlines, acroForm, pages,
            await fontsTask.ConfigureAwait(false), await imagesTask.ConfigureAwait(false))
        { ContentErrors = errors, HasOptionalContent = layers };
    }

    /// <summary>The page count pdfinfo reads; 0 for a PDF locked with a password (preflight reports it under R12); null when the file is not a PDF.</summary>
    public static async Task<int?> ReadPageCountAsync(string path, CancellationToken ct = default)
    {
        var info = await ExternalTool.RunAsync("pdfinfo", [path], ct).ConfigureAwait(false);
        if (info.ExitCode != 0)
        {
            return info.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase) ? 0 : null;
        }
        var line = info.StdoutText.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return line is not null && int.TryParse(line[6..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static async Task<IReadOnlyList<PdfFontFact>> ReadFontsAsync(string path, CancellationToken ct)
    {
        var result = await ExternalTool.RunCheckedAsync("pdffonts", [path], ct).ConfigureAwait(false);
        var fonts = new List<PdfFontFact>();
        foreach (var line in Lines(result.StdoutText).Skip(2))
        {
            // name type... encoding emb sub uni objnum gen — the name and type may contain spaces, the last six columns do not.
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 7)
            {
                continue;
            }
            var emb = parts[^5] == "yes";
            var sub = parts[^4] == "yes";
            fonts.Add(new PdfFontFact(parts[0], string.Join(' ', parts[1..^6]), emb, sub));
        }
        return fonts;
    }

    /// <summary>The images as <c>pdfimages -list</c> lists them (soft masks left out): the fallback, and the reference the tests compare with.</summary>
    internal static async Task<IReadOnlyList<PdfImageFact>> ReadImagesAsync(string path, CancellationToken ct)
    {
        var result = await ExternalTool.RunCheckedAsync("pdfimages", ["-list", path], ct).ConfigureAwait(false);
        var images = new List<PdfImageFact>();
        foreach (var line in Lines(result.StdoutText).Skip(2))
        {
            // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
            var p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (p.Count > 10 && p[10] == "[inline]")
            {
                p.Insert(11, "-"); // one column where others have the object number and generation
            }
            if (p.Count < 14 || !int.TryParse(p[0], out var page))
            {
                continue;
            }
            if (p[2] == "smask")
            {
                continue; // soft masks share the placement of their image
            }
            images.Add(new PdfImageFact(page, Int(p[3]), Int(p[4]), Dbl(p[12]), Dbl(p[13]), p[5], Int(p[7])) { Components = Int(p[6]) });
        }
        return images;
    }

    /// <summary>Renders the given pages at 10 dpi in grey (one pdftoppm per run of consecutive pages) and returns those that are pure white.</summary>
    private static async Task<HashSet<int>> RenderBlankPagesAsync(string path, IReadOnlyList<int> pages, CancellationToken ct)
    {
        var blank = new HashSet<int>();
        if (pages.Count == 0)
        {
            return blank;
        }
        var dir = Directory.CreateTempSubdirectory("storyloom-preflight-");
        try
        {
            foreach (var (first, last) in Runs(pages))
            {
                await ExternalTool.RunCheckedAsync("pdftoppm",
                    ["-r", "10", "-gray", "-f", $"{first}", "-l", $"{last}", path, Path.Combine(dir.FullName, "p")], ct).ConfigureAwait(false);
            }
            foreach (var f in dir.GetFiles("p-*.pgm"))
            {
                var number = int.Parse(Path.GetFileNameWithoutExtension(f.Name)[2..], CultureInfo.InvariantCulture);
                if (!pages.Contains(number))
                {
                    continue;
                }
                var image = GrayImage.Read(await File.ReadAllBytesAsync(f.FullName, ct).ConfigureAwait(false));
                if (image.IsWhite(250))
                {
                    blank.Add(number);
                }
            }
            return blank;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IEnumerable<(int First, int Last)> Runs(IReadOnlyList<int> sorted)
    {
        var start = sorted[0];
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i] != sorted[i - 1] + 1)
            {
                yield return (start, sorted[i - 1]);
                if (i < sorted.Count)
                {
                    start = sorted[i];
                }
            }
        }
    }

    /// <summary>Renders the given pages (sorted) in grey at <paramref name="dpi"/>, one pdftoppm per run of consecutive pages, and shows
    /// each to <paramref name="see"/> in page order, holding one page in memory at a time.</summary>
    internal static async Task RenderEachPageAsync(string path, IReadOnlyList<int> pages, int dpi, Action<int, GrayImage> see, CancellationToken ct)
    {
        if (pages.Count == 0)
        {
            return;
        }
        var dir = Directory.CreateTempSubdirectory("storyloom-edges-");
        try
        {
            foreach (var (first, last) in Runs(pages))
            {
                await ExternalTool.RunCheckedAsync("pdftoppm",
                    ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", $"{first}", "-l", $"{last}", path, Path.Combine(dir.FullName, "p")], ct).ConfigureAwait(false);
            }
            var wanted = pages.ToHashSet();
            var files = dir.GetFiles("p-*.pgm")
                .Select(f => (Number: int.Parse(Path.GetFileNameWithoutExtension(f.Name)[2..], CultureInfo.InvariantCulture), File: f))
                .Where(f => wanted.Contains(f.Number))
                .OrderBy(f => f.Number);
            foreach (var (number, f) in files)
            {
                see(number, GrayImage.Read(await File.ReadAllBytesAsync(f.FullName, ct).ConfigureAwait(false)));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Renders one page in grey at <paramref name="dpi"/> (for edge and barcode-area checks).</summary>
    internal static async Task<GrayImage> RenderPageAsync(string path, int page, int dpi, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("storyloom-render-");
        try
        {
            var prefix = Path.Combine(dir.FullName, "r");
            var p = page.ToString(CultureInfo.InvariantCulture);
            await ExternalTool.RunCheckedAsync("pdftoppm",
                ["-f", p, "-l", p, "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile", path, prefix], ct).ConfigureAwait(false);
            return GrayImage.Read(await File.ReadAllBytesAsync(prefix + ".pgm", ct).ConfigureAwait(false));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The pages, and the images as pdfimages would list them, or null when some image is drawn where the page
    /// interpreter does not look (tiling patterns, Type 3 glyphs, annotations) or could not be read exactly.</summary>
    private static async Task<(List<PdfPageFacts> Pages, IReadOnlyList<PdfImageFact>? Images, bool Outlines, bool AcroForm, bool Layers)> ReadStructureAsync(string path, List<string> errors, CancellationToken ct)
    {
        var first = await ExternalTool.RunCheckedAsync("qpdf",
            ["--json=2", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=none", path], ct, maxStdoutBytes: MaxDecodedBytes).ConfigureAwait(false);
        using var structure = JsonDocument.Parse(first.Stdout);
        var objects = new QpdfObjects(structure.RootElement.GetProperty("qpdf"));
        var pageList = structure.RootElement.GetProperty("pages").EnumerateArray().ToList();

        // Second pass: decoded data of content streams, Form XObjects and ToUnicode CMaps only (images stay out of memory).
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pageList)
        {
            foreach (var c in page.GetProperty("contents").EnumerateArray())
            {
                wanted.Add(c.GetString()!);
            }
        }
        wanted.UnionWith(objects.StreamsWhere(d => d.TryGetProperty("/Subtype", out var s) && s.GetString() == "/Form"));
        wanted.UnionWith(objects.StreamsWhere(d => !d.TryGetProperty("/Subtype", out _) && !d.TryGetProperty("/Type", out _)
            && !d.TryGetProperty("/Length1", out _) && !d.TryGetProperty("/N", out _)));
        using var data = wanted.Count == 0 ? null : await ReadStreamsAsync(path, wanted, ct).ConfigureAwait(false);
        if (data is not null)
        {
            objects.Add(data.RootElement.GetProperty("qpdf"));
        }

        var catalog = objects.Get(objects.Trailer, "/Root");
        var outlines = objects.Get(catalog, "/Outlines") is { } o && objects.Get(o, "/First") is not null;
        var acroForm = QpdfObjects.ArrayItems(objects.Get(objects.Get(catalog, "/AcroForm"), "/Fields")).Any();
        var layers = objects.Get(catalog, "/OCProperties") is not null;

        var pages = new List<PdfPageFacts>();
        var images = new List<PdfImageFact>();
        var drawnImages = new HashSet<string>(StringComparer.Ordinal);
        var imagesUnread = false;
        foreach (var page in pageList)
        {
            var number = page.GetProperty("pageposfrom1").GetInt32();
            var pageRef = page.GetProperty("object");
            var dict = objects.Resolve(pageRef);
            var media = Box(objects, dict, "/MediaBox", inherit: true) ?? new PdfRect(0, 0, 612, 792);
            var rotate = (((int)Math.Round((QpdfObjects.Number(Inherited(objects, dict, "/Rotate")) ?? 0) / 90) * 90 % 360) + 360) % 360;
            var userUnit = QpdfObjects.Number(objects.Get(dict, "/UserUnit")) is { } u and > 0 ? u : 1;
            // Everything is read as the page prints: scaled by /UserUnit and turned by /Rotate (clockwise), the MediaBox's corner kept.
            var pageMatrix = PageMatrix(media, rotate, userUnit);
            PdfRect Printed(PdfRect r) => Transform(r, pageMatrix);
            media = Printed(media);
            var crop = Box(objects, dict, "/CropBox", inherit: true) is { } cropBox ? Printed(cropBox) : media;
            var trim = Box(objects, dict, "/TrimBox", inherit: false) is { } t ? Printed(t) : (PdfRect?)null;
            var bleed = Box(objects, dict, "/BleedBox", inherit: false) is { } b ? Printed(b) : (PdfRect?)null;
            var annots = QpdfObjects.ArrayItems(objects.Get(dict, "/Annots")).Count();

            var interpreter = new ContentInterpreter(objects, number);
            if (QpdfObjects.Name(objects.Get(objects.Get(dict, "/Group"), "/S")) == "Transparency")
            {
                interpreter.Transparency.Add("a page transparency group");
            }
            var resources = Inherited(objects, dict, "/Resources");
            try
            {
                // A page's content streams are one stream cut in pieces (PDF 32000 §7.8.2): a "cm" in the first (our box writer's
                // shift) still holds in the next, so they are read as one.
                var content = new List<byte>();
                foreach (var c in page.GetProperty("contents").EnumerateArray())
                {
                    if (objects.StreamData(c.GetString()!) is { } bytes)
                    {
                        content.AddRange(bytes);
                        content.Add((byte)'\n');
                    }
                    else
                    {
                        errors.Add($"page {number}: content stream {c.GetString()} could not be decoded");
                    }
                }
                interpreter.Run([.. content], resources, pageMatrix);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or IndexOutOfRangeException or ArgumentException or KeyNotFoundException)
            {
                errors.Add($"page {number}: malformed content stream ({e.Message})");
                imagesUnread = true;
            }
            images.AddRange(interpreter.Images);
            drawnImages.UnionWith(interpreter.DrawnImages);
            imagesUnread |= interpreter.ImagesUnread;
            pages.Add(new PdfPageFacts(number, media, trim ?? crop, bleed ?? crop, trim is not null, bleed is not null, annots, false)
            {
                Text = interpreter.Text,
                Strokes = interpreter.Strokes,
                PaintedPaths = interpreter.PaintedPaths,
                ImageBoxes = interpreter.ImageBoxes,
                Rotate = rotate,
                UserUnit = userUnit,
                Transparency = [.. interpreter.Transparency.Order(StringComparer.Ordinal)],
                Colors = [.. interpreter.Colors.Order(StringComparer.Ordinal)],
                InvisibleText = interpreter.InvisibleText,
                MissingGlyphs = interpreter.MissingGlyphs,
                InkBounds = interpreter.InkBounds,
                InkUnbounded = interpreter.InkUnbounded,
            });
        }
        return (pages, imagesUnread || ImagesElsewhere(objects, drawnImages) ? null : images, outlines, acroForm, layers);
    }

    private static bool ImagesElsewhere(QpdfObjects objects, HashSet<string> drawn)
    {
        static bool Is(JsonElement d, string key, string name) => d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == name;
        var images = objects.Streams().Where(s => Is(s.Dict, "/Subtype", "/Image")).ToList();
        // Soft masks are not listed by pdfimages; explicit masks are listed with the image that uses them.
        var masks = images.SelectMany(i => new[] { "/SMask", "/Mask" }.Select(k => i.Dict.TryGetProperty(k, out var m) && QpdfObjects.IsReference(m) ? m.GetString() : null))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        return images.Any(i => !drawn.Contains(i.Reference) && !masks.Contains(i.Reference))
            || objects.StreamsWhere(d => d.TryGetProperty("/PatternType", out var t) && QpdfObjects.Number(t) == 1).Any()
            || objects.AnyValue(d => Is(d, "/Subtype", "/Type3"));
    }

    private static async Task<JsonDocument> ReadStreamsAsync(string path, HashSet<string> references, CancellationToken ct)
    {
        var args = new List<string> { "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized" };
        args.AddRange(references.Select(r => "--json-object=" + r.Replace(" R", "", StringComparison.Ordinal).Replace(' ', ',')));
        args.Add(path);
        var result = await ExternalTool.RunCheckedAsync("qpdf", args, ct, maxStdoutBytes: MaxDecodedBytes).ConfigureAwait(false);
        return JsonDocument.Parse(result.Stdout);
    }

    /// <summary>User space to the page as printed: scaled by <paramref name="userUnit"/>, turned clockwise by <paramref name="rotate"/>,
    /// and moved so the MediaBox's lower-left corner stays where it was.</summary>
    private static Matrix PageMatrix(PdfRect media, int rotate, double userUnit)
    {
        var (cos, sin) = rotate switch { 90 => (0, 1), 180 => (-1, 0), 270 => (0, -1), _ => (1, 0) };
        var turn = new Matrix(userUnit * cos, -userUnit * sin, userUnit * sin, userUnit * cos, 0, 0);
        var turned = Transform(media, turn);
        return turn * Matrix.Translate(media.X0 - turned.X0, media.Y0 - turned.Y0);
    }

    private static PdfRect Transform(PdfRect r, Matrix m)
    {
        var c = new[] { m.Apply(r.X0, r.Y0), m.Apply(r.X1, r.Y0), m.Apply(r.X0, r.Y1), m.Apply(r.X1, r.Y1) };
        return new PdfRect(c.Min(p => p.X), c.Min(p => p.Y), c.Max(p => p.X), c.Max(p => p.Y));
    }

    private static JsonElement? Inherited(QpdfObjects objects, JsonElement? dict, string key)
    {
        for (var (node, depth) = (dict, 0); node is not null && depth < 32; node = objects.Get(node, "/Parent"), depth++)
        {
            if (objects.Get(node, key) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    private static PdfRect? Box(QpdfObjects objects, JsonElement? page, string key, bool inherit)
    {
        var value = inherit ? Inherited(objects, page, key) : objects.Get(page, key);
        var n = QpdfObjects.ArrayItems(value).Select(e => QpdfObjects.Number(objects.Resolve(e))).ToArray();
        if (n.Length != 4 || n.Any(v => v is null))
        {
            return null;
        }
        return new PdfRect(Math.Min(n[0]!.Value, n[2]!.Value), Math.Min(n[1]!.Value, n[3]!.Value), Math.Max(n[0]!.Value, n[2]!.Value), Math.Max(n[1]!.Value, n[3]!.Value));
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static double Dbl(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    [GeneratedRegex(@"^Encrypted:\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex EncryptedRegex();
}
