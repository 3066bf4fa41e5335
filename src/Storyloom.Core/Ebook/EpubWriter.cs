using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Layout;

namespace Storyloom.Core.Ebook;

/// <summary>One page of the eBook: the printed page's number (its label in the page list), its picture, its text and what the picture shows.</summary>
public sealed record EbookPage(int Number, PageRole Role, string ImageFile, IReadOnlyList<TextBlock> Blocks, string Alt, PageAudio? Audio = null);

/// <summary>The spoken text of a page: one audio file, and where each sentence starts and ends in it.</summary>
public sealed record PageAudio(string File, double Seconds, IReadOnlyList<(string Id, double Begin, double End)> Clips);

/// <summary>A font file to embed, and the CSS family and weight it serves.</summary>
public sealed record EmbeddedFont(string Path, string Family, string Weight, string Style);

/// <summary>Everything the EPUB holds besides its pages.</summary>
public sealed record EbookContent(
    Manuscript Manuscript,
    EbookGeometry Screen,
    string CoverJpeg,
    IReadOnlyList<EbookPage> Pages,
    IReadOnlyList<EmbeddedFont> Fonts,
    string? Narrator,
    DateTimeOffset Modified);

/// <summary>
/// Writes a fixed-layout EPUB 3 (pre-paginated, portrait, or landscape for a landscape trim; right-to-left page progression for
/// Arabic, Hebrew and the other right-to-left scripts): one XHTML page per printed page, its picture as an &lt;img&gt; with the
/// scene as alt text, the text live over it in % and em in the embedded fonts, a navigation document with a page list, and,
/// when the pages were narrated, SMIL media overlays that highlight each sentence as it is read.
/// </summary>
public static partial class EpubWriter
{
    public const string ActiveClass = "-epub-media-overlay-active";

    /// <summary>Writes the EPUB's files, unpacked, into <paramref name="dir"/> (emptied first); <see cref="Zip"/> packs them.</summary>
    public static void WriteTree(EbookContent book, string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        Text(dir, "mimetype", "application/epub+zip");
        Text(dir, "META-INF/container.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """);
        Text(dir, "EPUB/package.opf", Package(book));
        Text(dir, "EPUB/nav.xhtml", Nav(book));
        Text(dir, "EPUB/css/book.css", Css(book));
        Copy(dir, "EPUB/images/cover.jpg", book.CoverJpeg);
        foreach (var font in book.Fonts) Copy(dir, $"EPUB/fonts/{System.IO.Path.GetFileName(font.Path)}", font.Path);
        foreach (var page in book.Pages)
        {
            Copy(dir, $"EPUB/images/{ImageName(page)}", page.ImageFile);
            Text(dir, $"EPUB/pages/{PageName(page)}.xhtml", Xhtml(book, page));
            if (page.Audio is { } audio)
            {
                Copy(dir, $"EPUB/audio/{PageName(page)}{System.IO.Path.GetExtension(audio.File)}", audio.File);
                Text(dir, $"EPUB/smil/{PageName(page)}.smil", Smil(page, audio));
            }
        }
    }

    /// <summary>Packs an unpacked EPUB: mimetype first and stored (OCF §4.3), pictures and sound stored (already compressed), the rest deflated.</summary>
    public static void Zip(string dir, string epubPath)
    {
        var tmp = epubPath + $".{Guid.NewGuid():N}.tmp";
        try
        {
            using (var zip = ZipFile.Open(tmp, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(System.IO.Path.Combine(dir, "mimetype"), "mimetype", CompressionLevel.NoCompression);
                foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = System.IO.Path.GetRelativePath(dir, file).Replace('\\', '/');
                    if (name == "mimetype") continue;
                    var stored = System.IO.Path.GetExtension(name) is ".jpg" or ".png" or ".mp3" or ".m4a";
                    zip.CreateEntryFromFile(file, name, stored ? CompressionLevel.NoCompression : CompressionLevel.SmallestSize);
                }
            }
            System.IO.File.Move(tmp, epubPath, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(tmp)) System.IO.File.Delete(tmp);
        }
    }

    internal static string PageName(EbookPage page) => $"p{page.Number:000}";

    private static string ImageName(EbookPage page) => $"{PageName(page)}.jpg";

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Text(string dir, string name, string text)
    {
        var path = System.IO.Path.Combine(dir, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private static void Copy(string dir, string name, string source)
    {
        var path = System.IO.Path.Combine(dir, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.Copy(source, path, overwrite: true);
    }

    /// <summary>A stable identifier: the same book (title, author, seed, language) keeps its id across rebuilds.</summary>
    internal static string Identifier(Manuscript m)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{m.Title}\n{m.Author}\n{m.Seed}\n{m.Language}"));
        hash[6] = (byte)(hash[6] & 0x0f | 0x50);
        hash[8] = (byte)(hash[8] & 0x3f | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    internal static string Clock(double seconds) =>
        TimeSpan.FromSeconds(seconds).ToString(@"h\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    internal static string Package(EbookContent book)
    {
        var m = book.Manuscript;
        var rtl = Scripts.IsRightToLeft(m.Language);
        var orientation = book.Screen.Landscape ? "landscape" : "portrait";
        var narrated = book.Pages.Any(p => p.Audio is not null);
        var meta = new StringBuilder();
        meta.Append($"""
                <dc:identifier id="bookid">{Identifier(m)}</dc:identifier>
                <dc:title>{E(m.Title)}</dc:title>
                <dc:language>{E(m.Language)}</dc:language>

            """);
        if (!string.IsNullOrWhiteSpace(m.Author)) meta.Append($"    <dc:creator>{E(m.Author)}</dc:creator>\n");
        meta.Append($"""
                <dc:description>{E(m.Blurb)}</dc:description>
                <meta property="dcterms:modified">{book.Modified.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</meta>
                <meta property="rendition:layout">pre-paginated</meta>
                <meta property="rendition:orientation">{orientation}</meta>
                <meta property="rendition:spread">none</meta>
                <meta name="cover" content="cover-image"/>
                <meta name="fixed-layout" content="true"/>
                <meta name="original-resolution" content="{book.Screen.Width}x{book.Screen.Height}"/>
                <meta name="book-type" content="children"/>
                <meta name="orientation-lock" content="{orientation}"/>
                <meta name="primary-writing-mode" content="{(rtl ? "horizontal-rl" : "horizontal-lr")}"/>
                <meta property="schema:accessMode">textual</meta>
                <meta property="schema:accessMode">visual</meta>

            """);
        if (narrated) meta.Append("    <meta property=\"schema:accessMode\">auditory</meta>\n");
        meta.Append("""
                <meta property="schema:accessModeSufficient">textual,visual</meta>
                <meta property="schema:accessModeSufficient">textual</meta>
                <meta property="schema:accessibilityFeature">alternativeText</meta>
                <meta property="schema:accessibilityFeature">readingOrder</meta>
                <meta property="schema:accessibilityFeature">printPageNumbers</meta>
                <meta property="schema:accessibilityFeature">pageNavigation</meta>
                <meta property="schema:accessibilityFeature">tableOfContents</meta>

            """);
        if (narrated) meta.Append("    <meta property=\"schema:accessibilityFeature\">synchronizedAudioText</meta>\n");
        meta.Append($"""
                <meta property="schema:accessibilityHazard">none</meta>
                <meta property="schema:accessibilitySummary">{E(Summary(book, narrated))}</meta>

            """);
        var manifest = new StringBuilder();
        manifest.Append("""
                <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                <item id="css" href="css/book.css" media-type="text/css"/>
                <item id="cover-image" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>

            """);
        foreach (var (font, i) in book.Fonts.Select((f, i) => (f, i)))
        {
            manifest.Append($"    <item id=\"font{i + 1}\" href=\"fonts/{E(System.IO.Path.GetFileName(font.Path))}\" media-type=\"font/ttf\"/>\n");
        }
        var total = 0.0;
        foreach (var page in book.Pages)
        {
            var name = PageName(page);
            var overlay = page.Audio is null ? "" : $" media-overlay=\"smil-{name}\"";
            manifest.Append($"    <item id=\"{name}\" href=\"pages/{name}.xhtml\" media-type=\"application/xhtml+xml\"{overlay}/>\n");
            manifest.Append($"    <item id=\"img-{name}\" href=\"images/{ImageName(page)}\" media-type=\"image/jpeg\"/>\n");
            if (page.Audio is { } audio)
            {
                var ext = System.IO.Path.GetExtension(audio.File);
                var type = ext == ".mp3" ? "audio/mpeg" : "audio/mp4";
                manifest.Append($"    <item id=\"audio-{name}\" href=\"audio/{name}{ext}\" media-type=\"{type}\"/>\n");
                manifest.Append($"    <item id=\"smil-{name}\" href=\"smil/{name}.smil\" media-type=\"application/smil+xml\"/>\n");
                meta.Append($"    <meta property=\"media:duration\" refines=\"#smil-{name}\">{Clock(audio.Seconds)}</meta>\n");
                total += audio.Seconds;
            }
        }
        if (narrated)
        {
            meta.Append($"    <meta property=\"media:duration\">{Clock(total)}</meta>\n");
            meta.Append($"    <meta property=\"media:active-class\">{ActiveClass}</meta>\n");
            if (book.Narrator is { Length: > 0 } narrator) meta.Append($"    <meta property=\"media:narrator\">{E(narrator)}</meta>\n");
        }
        var spine = new StringBuilder();
        foreach (var page in book.Pages)
        {
            // The printed book's sides: odd pages are right-hand pages.
            var side = page.Number % 2 == 1 ? "page-spread-right" : "page-spread-left";
            spine.Append($"    <itemref idref=\"{PageName(page)}\" properties=\"{side}\"/>\n");
        }
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="{E(m.Language)}" dir="{(rtl ? "rtl" : "ltr")}">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            {meta}  </metadata>
              <manifest>
            {manifest}  </manifest>
              <spine page-progression-direction="{(rtl ? "rtl" : "ltr")}">
            {spine}  </spine>
            </package>
            """;
    }

    private static string Summary(EbookContent book, bool narrated) =>
        $"A fixed-layout picture book of {book.Pages.Count} pages for ages {book.Manuscript.Age.ToCli()}. Every picture has a text " +
        "description of its scene; the words of each page are live text over the picture, in reading order, at a size whose " +
        "capitals are at least 4 mm high on a 7-inch screen, and the page list follows the printed book." +
        (narrated ? " Every page is read aloud, and each sentence is highlighted as it is read." : "");

    private static string Nav(EbookContent book)
    {
        var m = book.Manuscript;
        var words = BookWords.Of(m);
        var toc = new List<(EbookPage Page, string Label)>();
        void Add(Func<EbookPage, bool> where, string label)
        {
            if (book.Pages.FirstOrDefault(where) is { } p && toc.All(t => t.Page != p)) toc.Add((p, label));
        }
        Add(p => p.Role == PageRole.Title, m.Title);
        Add(p => p.Role == PageRole.Copyright, "Copyright");
        Add(p => p.Role == PageRole.MeetTheCharacters, words.MeetTheCharacters);
        Add(p => p.Role is PageRole.Story or PageRole.Concept, "Story");
        Add(p => p.Role == PageRole.TheEnd, words.TheEnd);
        Add(p => p.Role == PageRole.AboutTheAuthor, words.AboutTheAuthor);
        toc = toc.OrderBy(t => t.Page.Number).ToList();
        var tocItems = string.Concat(toc.Select(t => $"        <li><a href=\"pages/{PageName(t.Page)}.xhtml\">{E(t.Label)}</a></li>\n"));
        var pageItems = string.Concat(book.Pages.Select(p => $"        <li><a href=\"pages/{PageName(p)}.xhtml#page{p.Number}\">{p.Number}</a></li>\n"));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{E(m.Language)}" xml:lang="{E(m.Language)}" dir="{Scripts.Direction(m.Language)}">
            <head><meta charset="UTF-8"/><title>{E(m.Title)}</title></head>
            <body>
              <nav epub:type="toc" id="toc" role="doc-toc"><h1>{E(m.Title)}</h1>
                <ol>
            {tocItems}    </ol>
              </nav>
              <nav epub:type="page-list" id="page-list" role="doc-pagelist" hidden="hidden"><h2>Pages</h2>
                <ol>
            {pageItems}    </ol>
              </nav>
              <nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>Landmarks</h2>
                <ol>
                  <li><a epub:type="bodymatter" href="pages/{PageName(book.Pages.FirstOrDefault(p => p.Role is PageRole.Story or PageRole.Concept) ?? book.Pages[0])}.xhtml">Story</a></li>
                </ol>
              </nav>
            </body>
            </html>
            """;
    }

    private static string Css(EbookContent book)
    {
        var faces = string.Concat(book.Fonts.Select(f => $$"""
            @font-face { font-family: '{{f.Family}}'; font-weight: {{f.Weight}}; font-style: {{f.Style}}; src: url('../fonts/{{System.IO.Path.GetFileName(f.Path)}}'); }

            """));
        return faces + $$"""
            html, body { margin: 0; padding: 0; }
            body { width: {{book.Screen.Width}}px; height: {{book.Screen.Height}}px; overflow: hidden; font-family: {{Scripts.FontStack(book.Manuscript.Language)}}; }
            .page { position: relative; width: 100%; height: 100%; overflow: hidden; background: #ffffff; }
            .picture { position: absolute; left: 0; top: 0; width: 100%; height: 100%; display: block; }
            .text { position: absolute; box-sizing: border-box; overflow: hidden; }
            .flow { position: absolute; display: flex; flex-direction: column; }
            .text p { margin: 0 0 0.45em 0; }
            .text p:last-child { margin-bottom: 0; }
            .marker { position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: hidden; }
            .{{ActiveClass}} { background-color: #ffe66d; color: #1a1a1a; border-radius: 0.15em; }
            """;
    }

    /// <summary>One page: the viewport, the picture, then the text blocks in reading order; sizes in %, type in px of the viewport and em.</summary>
    internal static string Xhtml(EbookContent book, EbookPage page)
    {
        var m = book.Manuscript;
        var lang = E(m.Language);
        var body = new StringBuilder();
        body.Append($"""<span class="marker" epub:type="pagebreak" role="doc-pagebreak" id="page{page.Number}" aria-label="{page.Number}"></span>""").Append('\n');
        var alt = page.Alt.Length > 0 ? $"alt=\"{E(page.Alt)}\"" : "alt=\"\" role=\"presentation\"";
        body.Append($"""<img class="picture" src="../images/{ImageName(page)}" {alt}/>""").Append('\n');
        var min = MinFontPx(book.Screen, page.Role);
        if (Collides(page.Blocks, book.Screen, min))
        {
            body.Append(Flow(book.Screen, page.Blocks, min)).Append('\n');
        }
        else
        {
            foreach (var block in page.Blocks)
            {
                body.Append($"""<div class="text" style="{BlockStyle(book.Screen, block, min)}">{block.Html}</div>""").Append('\n');
            }
        }
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}" dir="{Scripts.Direction(m.Language)}">
            <head><meta charset="UTF-8"/><title>{E(m.Title)}: {page.Number}</title>
            <meta name="viewport" content="width={book.Screen.Width}, height={book.Screen.Height}"/>
            <link rel="stylesheet" type="text/css" href="../css/book.css"/></head>
            <body><div class="page">
            {body}</div></body>
            </html>
            """;
    }

    /// <summary>
    /// Where a block goes and how big its type is. Print type is scaled to the page, then raised to the eBook's minimum when smaller;
    /// a raised block may widen to the page's margins and grows away from the page edge it sat nearest.
    /// </summary>
    internal static string BlockStyle(EbookGeometry screen, TextBlock b, double minFontPx)
    {
        var (x, w, font, box, _) = Fit(screen, b, minFontPx);
        var vertical = b.Y + b.H / 2 < 50 ? $"top:{F(b.Y)}%" : $"bottom:{F(100 - b.Y - b.H)}%";
        var room = b.Y + b.H / 2 < 50 ? 100 - b.Y : b.Y + b.H;
        return $"left:{F(x)}%;{vertical};width:{F(w)}%;min-height:{F(b.H)}%;max-height:{F(room)}%;{box};font-size:{F(Math.Ceiling(font))}px";
    }

    /// <summary>
    /// True when raising the type would push one block into the next (a heading over its text, as on the about-the-author page):
    /// each block's height is taken to grow with its type, and a block sits from its top (upper half) or its bottom (lower half).
    /// </summary>
    internal static bool Collides(IReadOnlyList<TextBlock> blocks, EbookGeometry screen, double minFontPx)
    {
        var spans = blocks.Select(b =>
        {
            var grow = Fit(screen, b, minFontPx).Grow;
            return b.Y + b.H / 2 < 50 ? (Top: b.Y, Bottom: b.Y + b.H * grow) : (Top: b.Y + b.H - b.H * grow, Bottom: b.Y + b.H);
        }).OrderBy(s => s.Top).ToList();
        return spans.Zip(spans.Skip(1)).Any(p => p.First.Bottom > p.Second.Top);
    }

    /// <summary>
    /// Blocks that would collide are laid out in one column from the first block's top, in reading order, keeping the print
    /// page's gaps between them, so a grown block pushes the next one down instead of covering it.
    /// </summary>
    internal static string Flow(EbookGeometry screen, IReadOnlyList<TextBlock> blocks, double minFontPx)
    {
        var fits = blocks.Select(b => (Block: b, Fit: Fit(screen, b, minFontPx))).OrderBy(f => f.Block.Y).ToList();
        var left = fits.Min(f => f.Fit.X);
        var right = fits.Max(f => f.Fit.X + f.Fit.W);
        // The column starts where the first block did, or higher when its grown blocks would run off the page.
        var height = fits.Sum(f => f.Block.H * f.Fit.Grow) + fits.Zip(fits.Skip(1)).Sum(p => Math.Max(0, p.Second.Block.Y - p.First.Block.Y - p.First.Block.H));
        var top = Math.Max(4, Math.Min(fits[0].Block.Y, 96 - height));
        var inner = new StringBuilder();
        var bottom = top;
        foreach (var (b, fit) in fits)
        {
            var gap = Math.Max(0, b.Y - bottom) * screen.Height / 100;
            bottom = b.Y + b.H;
            inner.Append($"""<div class="text" style="position:relative;margin-top:{F(gap)}px;margin-left:{F((fit.X - left) / (right - left) * 100)}%;width:{F(fit.W / (right - left) * 100)}%;{fit.Box};font-size:{F(Math.Ceiling(fit.Font))}px">{b.Html}</div>""");
        }
        return $"""<div class="flow" style="left:{F(left)}%;top:{F(top)}%;width:{F(right - left)}%">{inner}</div>""";
    }

    /// <summary>A block's place across the page, its type size and box style at the eBook's size, and how much its type grew.</summary>
    private static (double X, double W, double Font, string Box, double Grow) Fit(EbookGeometry screen, TextBlock b, double minFontPx)
    {
        var scale = screen.Width / b.PageWidthPx;
        var font = b.FontPx * scale;
        var smallest = Math.Max(1, b.SmallestPx * scale);
        var grow = Math.Max(1, minFontPx / smallest);
        font *= grow;
        var (x, w) = (b.X, b.W);
        if (grow > 1.001)
        {
            var mid = x + w / 2;
            w = Math.Min(92, w * grow);
            x = Math.Clamp(mid - w / 2, 4, 96 - w);
        }
        var box = PxNumber().Replace(b.Style, match => F(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * scale) + "px");
        return (x, w, font, box, grow);
    }

    /// <summary>
    /// The smallest type of a page: capitals 4 mm high on a 7-inch screen for everything a child reads; the copyright notice,
    /// which is read by grown-ups and would not fit at that size, keeps 60 % of it (2.4 mm).
    /// </summary>
    public static double MinFontPx(EbookGeometry screen, PageRole role) => ForGrownUps(role) ? Math.Ceiling(screen.MinFontPx * 0.6) : screen.MinFontPx;

    /// <summary>Pages a child does not read: the copyright notice and the lines about the author (up to 1200 characters, which at 4 mm capitals would not fit one screen).</summary>
    public static bool ForGrownUps(PageRole role) => role is PageRole.Copyright or PageRole.AboutTheAuthor;

    [GeneratedRegex(@"(-?\d+(?:\.\d+)?)px")]
    private static partial Regex PxNumber();

    private static string Smil(EbookPage page, PageAudio audio)
    {
        var name = PageName(page);
        var ext = System.IO.Path.GetExtension(audio.File);
        var pars = string.Concat(audio.Clips.Select((c, i) => $"""
                <par id="par{i + 1}"><text src="../pages/{name}.xhtml#{c.Id}"/><audio src="../audio/{name}{ext}" clipBegin="{F(c.Begin)}s" clipEnd="{F(c.End)}s"/></par>

            """));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
              <body>
            {pars}  </body>
            </smil>
            """;
    }
}
