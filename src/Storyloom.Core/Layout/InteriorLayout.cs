using System.Text;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Print.Geometry;
using Storyloom.Print.Printing;

namespace Storyloom.Core.Layout;

/// <summary>Builds the interior as one HTML document, one &lt;section&gt; per PDF page, each page from a small template.</summary>
/// <param name="textCredit">Who wrote the text, for the copyright notice (the art store knows who drew the pictures).</param>
internal sealed partial class InteriorLayout(Manuscript manuscript, BookSpec spec, ArtStore art, ContentCredit textCredit)
{
    private readonly InteriorGeometry _geometry = new(spec.PrintOptions);
    private readonly TextStyle _text = TextStyle.For(spec.Age);
    private readonly BookWords _words = BookWords.Of(manuscript);
    private readonly bool _gray = spec.Ink == Print.Kdp.Ink.Bw;

    public PageBoxes BoxesFor(int pageNumber) => new(_geometry.MediaBox, _geometry.TrimBox(pageNumber));

    public string Build()
    {
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html {Scripts.HtmlAttributes(manuscript.Language)}><head><meta charset="utf-8"><title>{Html.E(manuscript.Title)}</title>
            <style>
            {Html.PageRule(_geometry.PageWidthPt, _geometry.PageHeightPt)}
            {Ink(Styles)}
            {Ink(MatterStyles)}
            </style>
            {Html.FitScript}
            </head><body>
            """);
        foreach (var page in manuscript.Pages)
        {
            html.Append($"""<section class="page" dir="{Scripts.Direction(manuscript.Language)}" data-page="{page.Number}" style="width:{Html.Pt(_geometry.PageWidthPt)};height:{Html.Pt(_geometry.PageHeightPt)}">""");
            html.Append(page.Role switch
            {
                PageRole.Title => TitlePage(page),
                PageRole.Copyright => CopyrightPage(page),
                PageRole.MeetTheCharacters => MeetTheCharactersPage(page),
                PageRole.AboutTheAuthor => AboutTheAuthorPage(page),
                PageRole.Story => StoryPage(page),
                PageRole.TheEnd => TheEndPage(page),
                PageRole.BelongsTo => BelongsToPage(page),
                PageRole.ColorTest => ColorTestPage(page),
                PageRole.ColoringDesign => ColoringPage(page),
                PageRole.BlankBack => Marker(page, "This page is intentionally left blank so your colors do not show through."),
                PageRole.Notes => NotesPage(page),
                PageRole.Concept => ConceptPage(page),
                _ => "",
            });
            html.Append("</section>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private string Styles => $$"""
        html, body { margin: 0; padding: 0; background: #fff; }
        body { font-family: {{Scripts.FontStack(manuscript.Language)}}; color: #262321; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .page { position: relative; overflow: hidden; break-after: page; page-break-after: always; }
        .page:last-child { break-after: auto; page-break-after: auto; }
        .abs { position: absolute; box-sizing: border-box; }
        .art { position: absolute; display: block; }
        .panel { position: absolute; box-sizing: border-box; overflow: hidden; background: #fffaf0; border: 1.5pt solid #5b4a3f;
                 border-radius: 12pt; padding: 9pt 13pt; font-size: {{Html.Pt(_text.SizePt)}}; line-height: {{_text.LineHeight}}; }
        .panel p { margin: 0 0 0.45em 0; } .panel p:last-child { margin-bottom: 0; }
        .center { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
        .title { font-weight: bold; font-size: 34pt; line-height: 1.1; }
        .subtitle { font-size: 15pt; margin-top: 6pt; }
        .author { font-size: 16pt; }
        .small { font-size: 9pt; line-height: 1.4; color: #3a3a3a; }
        .marker { font-size: 9pt; color: #555; text-align: center; }
        .caption { font-size: 11pt; text-align: center; color: #000; }
        .swatch { border: 1.5pt solid #000; border-radius: 6pt; }
        .rule { border-bottom: 0.75pt solid #444; }
        """;

    private PdfRect Media => _geometry.MediaBox;

    private PdfRect Live(ManuscriptPage page) => _geometry.LiveArea(page.Number);

    private string Art(string src, PdfRect where) => $"""<img class="art" src="{src}" style="{Html.Box(where, Media)}" alt="">""";

    /// <summary>
    /// Where a page's picture goes: the whole page with bleed; without bleed KDP trims nothing off, so ink at the page edge
    /// is a misprint (and KDP's reviewer rejects it): the picture is framed inside the live area instead.
    /// </summary>
    private PdfRect PictureArea(ManuscriptPage page) => spec.Bleed ? Media : Live(page);

    /// <summary>Black-ink books carry only gray (R21): every #rrggbb of the templates' CSS becomes its luminance.</summary>
    private string Ink(string css) => _gray ? ArtStore.ToGray(css) : css;

    /// <summary>The page's picture: full bleed, or a rounded frame in the live area on a book without bleed.</summary>
    private string Picture(string src, PdfRect area) => spec.Bleed
        ? Art(src, area)
        : $"""<div class="frame" style="{Html.Box(area, Media)};border-radius:14pt"><img src="{src}" alt="" style="left:-2pt;top:-2pt;width:{Html.Pt(area.Width)};height:{Html.Pt(area.Height)}"></div>""";

    /// <summary>The art covers the whole page (bleed included), or is framed in the live area without bleed; the text panel
    /// sits at its top or bottom.</summary>
    private string StoryPage(ManuscriptPage page)
    {
        var live = Live(page);
        var area = PictureArea(page);
        var top = page.Illustration?.TextPlacement != "bottom";
        // In a frame the panel keeps clear of the frame's line, so it floats on the picture as it does on a full page.
        var zone = TextZone(spec.Bleed ? live : live.Inset(10, 10, 10, 10), top);
        var frame = new ArtFrame(area.Width, area.Height, Html.ToFrame(zone, area), Html.ToFrame(spec.Bleed ? live : area.Inset(6, 6, 6, 6), area));
        var src = art.StoryPage(manuscript, page, frame);
        var anchor = top ? $"top:{Html.Pt(Media.Y1 - zone.Y1)}" : $"bottom:{Html.Pt(zone.Y0 - Media.Y0)}";
        return Picture(src, area) + $"""
            <div class="panel" data-fit data-min="{_text.MinPx:0.##}" style="left:{Html.Pt(zone.X0)};{anchor};width:{Html.Pt(zone.Width)};max-height:{Html.Pt(zone.Height)}">{Html.Paragraphs(page.Text)}</div>
            """;
    }

    /// <summary>Concept books: a big headline ("Aa", "3 three", "Red"), the picture in a rounded frame, and the line under it.</summary>
    private string ConceptPage(ManuscriptPage page)
    {
        var live = Live(page);
        var head = live with { Y0 = live.Y1 - live.Height * 0.2 };
        var text = live with { Y1 = live.Y0 + live.Height * _text.ZoneShare * 0.55 };
        var picture = new PdfRect(live.X0, text.Y1 + 8, live.X1, head.Y0 - 6);
        var frame = new ArtFrame(picture.Width, picture.Height, null, new FrameRect(4, 4, picture.Width - 8, picture.Height - 8));
        string[] inks = ["#E4574C", "#F28C28", "#2E9E5B", "#3B7DD8", "#9B59B6", "#E0598B"];
        // A color page leads with a crayon of its color, and its headline is printed in that color.
        var ink = page.Illustration?.Objects is [{ Kind: "crayon", Color: { } c }, ..] ? c : inks[page.Number % inks.Length];
        var words = (page.Headline ?? "").Split(' ', 2);
        var headline = words.Length == 2 && words[0].All(char.IsAsciiDigit)
            ? $"""<div style="display:flex;align-items:baseline;gap:0.3em"><span>{Html.E(words[0])}</span><span style="font-size:0.5em">{Html.E(words[1])}</span></div>"""
            : Html.E(page.Headline);
        // The cream ground runs off the page only when it can be trimmed off (bleed); otherwise it is a card inside the margins.
        var ground = spec.Bleed ? Html.Box(Media, Media) : Html.Box(PictureArea(page), Media) + ";border-radius:14pt";
        return $"""
            <div class="abs" style="{ground};background:{Ink("#FFF8EC")}"></div>
            <div class="abs center" data-fit data-min="20" style="{Html.Box(head, Media)};font-size:{Html.Pt(head.Height * 0.52)};line-height:1.1;font-weight:bold;white-space:nowrap;color:{Ink(ink)};-webkit-text-stroke:1.4pt {Ink("#2B2233")}">{headline}</div>
            <img class="art" src="{art.StoryPage(manuscript, page, frame)}" style="{Html.Box(picture, Media)};border-radius:14pt" alt="">
            <div class="abs" style="{Html.Box(picture, Media)};border:2.5pt solid {Ink("#5b4a3f")};border-radius:14pt"></div>
            <div class="abs center" data-fit data-min="{_text.MinPx:0.##}" style="{Html.Box(text, Media)};font-size:{Html.Pt(_text.SizePt)};line-height:{_text.LineHeight};padding:0 8pt">{Html.E(page.Text)}</div>
            """;
    }

    private PdfRect TextZone(PdfRect live, bool top)
    {
        var h = live.Height * _text.ZoneShare;
        return top ? live with { Y0 = live.Y1 - h } : live with { Y1 = live.Y0 + h };
    }

    private string TitlePage(ManuscriptPage page)
    {
        var live = Live(page);
        var titleZone = live with { Y0 = live.Y1 - live.Height * 0.34 };
        var authorZone = live with { Y1 = live.Y0 + 50 };
        if (manuscript.Kind == BookKind.Coloring)
        {
            var artArea = new PdfRect(live.X0, authorZone.Y1 + 12, live.X1, titleZone.Y0 - 12);
            var design = manuscript.Pages.FirstOrDefault(p => p.Role == PageRole.ColoringDesign) ?? page;
            var frame = new ArtFrame(artArea.Width, artArea.Height, null, new FrameRect(4, 4, artArea.Width - 8, artArea.Height - 8));
            return $"""
                <div class="abs center" style="{Html.Box(titleZone, Media)}"><div class="title">{Html.E(manuscript.Title)}</div>{Subtitle()}</div>
                {Art(art.ColoringPage(manuscript, design, frame), artArea)}
                {AuthorPanel(authorZone, "center")}
                """;
        }
        if (!spec.Bleed)
        {
            // Framed picture: the panels float inside the frame's line.
            var inner = live.Inset(10, 10, 10, 10);
            titleZone = inner with { Y0 = inner.Y1 - inner.Height * 0.34 };
            authorZone = inner with { Y1 = inner.Y0 + 50 };
        }
        var area = PictureArea(page);
        // Characters stand between the two panels, never behind them.
        var figures = live with { Y0 = authorZone.Y1 + 6, Y1 = titleZone.Y0 };
        var coverFrame = new ArtFrame(area.Width, area.Height, Html.ToFrame(titleZone, area), Html.ToFrame(figures, area));
        return Picture(art.Cover(manuscript, coverFrame), area) + $"""
            <div class="abs panel center" style="{Html.Box(titleZone, Media)}"><div class="title">{Html.E(manuscript.Title)}</div>{Subtitle()}</div>
            {AuthorPanel(authorZone, "panel center")}
            """;
    }

    private string Subtitle() => manuscript.Subtitle is { Length: > 0 } s ? $"""<div class="subtitle">{Html.E(s)}</div>""" : "";

    private string ColoringPage(ManuscriptPage page)
    {
        var live = Live(page);
        var caption = live with { Y1 = live.Y0 + 22 };
        var artArea = live with { Y0 = caption.Y1 + 6 };
        var frame = new ArtFrame(artArea.Width, artArea.Height, null, new FrameRect(3, 3, artArea.Width - 6, artArea.Height - 6));
        return Art(art.ColoringPage(manuscript, page, frame), artArea) +
            $"""<div class="abs caption center" style="{Html.Box(caption, Media)}">{Html.E(page.Text)}</div>""";
    }

    /// <summary>A rainbow and clouds over the title, a big name plate to write in, and three crayons to color at the foot.</summary>
    private string BelongsToPage(ManuscriptPage page)
    {
        var live = Live(page).Inset(12, 12, 12, 12);
        var (w, h) = (live.Width, live.Height);
        var c = new SvgCanvas(w, h, InkMode.LineArt) { LineWidths = (3, 2) };
        c.Rect(3, 3, w - 6, h - 6, "white", Role.Contour, 24);
        var (cx, arcY, r) = (w / 2, h * 0.3, Math.Min(w * 0.36, h * 0.22));
        for (var i = 0; i < 4; i++)
        {
            var (outer, inner) = (r * (1 - i * 0.16), r * (1 - (i + 1) * 0.16));
            c.Path(p => p.M(cx - outer, arcY).C(cx - outer, arcY - outer * 1.33, cx + outer, arcY - outer * 1.33, cx + outer, arcY)
                .L(cx + inner, arcY).C(cx + inner, arcY - inner * 1.33, cx - inner, arcY - inner * 1.33, cx - inner, arcY).Z(), "white");
        }
        ColoringShapes.Cloud(c, cx - r * 0.9, arcY, r * 0.32);
        ColoringShapes.Cloud(c, cx + r * 0.9, arcY, r * 0.32);
        var plate = (X: w * 0.1, Y: h * 0.5, W: w * 0.8, H: h * 0.16);
        c.Rect(plate.X, plate.Y, plate.W, plate.H, "white", Role.Contour, 18);
        c.Stroke(p => p.M(plate.X + 24, plate.Y + plate.H * 0.72).L(plate.X + plate.W - 24, plate.Y + plate.H * 0.72), "#000", 1.5);
        foreach (var (fx, fy) in new[] { (0.12, 0.1), (0.88, 0.1), (0.1, 0.43), (0.9, 0.43) })
            PropPainter.Star(c, w * fx, h * fy, Math.Min(w, h) * 0.06, "white", Role.Contour);
        for (var i = 0; i < 3; i++) Crayon(c, w * (0.3 + i * 0.2), h * 0.94, h * 0.2, -12 + i * 12);
        var title = new PdfRect(live.X0, live.Y1 - h * 0.44, live.X1, live.Y1 - h * 0.32);
        return $"""
            <div class="abs" style="{Html.Box(live, Media)}">{c}</div>
            <div class="abs center" style="{Html.Box(title, Media)};font-size:30pt;font-weight:bold">This book belongs to</div>
            """;
    }

    /// <summary>A crayon standing on (x, baseY), s tall, tilted by angle degrees: body, paper band and tip, each closed.</summary>
    private static void Crayon(SvgCanvas c, double x, double baseY, double s, double angle)
    {
        c.Push(Affine.Translate(x, baseY).Then(Affine.Rotate(angle)));
        var w = s * 0.26;
        c.Polygon([(-w / 2, -s * 0.72), (0, -s), (w / 2, -s * 0.72)], "white");
        c.Rect(-w / 2, -s * 0.72, w, s * 0.72, "white", Role.Contour, 3);
        c.Rect(-w / 2, -s * 0.5, w, s * 0.26, "white", Role.Detail);
        c.Pop();
    }

    /// <summary>Twenty paint blobs, each with a line to write the color's name, under a short how-to.</summary>
    private string ColorTestPage(ManuscriptPage page)
    {
        var live = Live(page);
        var head = live with { Y0 = live.Y1 - 46 };
        var hint = live with { Y1 = head.Y0, Y0 = head.Y0 - 22 };
        var area = live with { Y1 = hint.Y0 - 8 };
        const int cols = 4, rows = 5;
        var c = new SvgCanvas(area.Width, area.Height, InkMode.LineArt) { LineWidths = (2.5, 1.5) };
        var (cw, ch) = (area.Width / cols, area.Height / rows);
        var radius = Math.Min(cw * 0.4, ch * 0.33);
        for (var r = 0; r < rows; r++)
            for (var k = 0; k < cols; k++)
            {
                var (x, y) = (cw * (k + 0.5), ch * r + ch * 0.4);
                // Blobs take turns between a round splat and a heart so the page is fun to fill.
                if ((r + k) % 2 == 0) ColoringShapes.Puff(c, x, y, radius * 0.82, radius * 0.82, 7);
                else ColoringPatterns.Heart(c, x, y + radius * 0.05, radius * 0.95, Role.Contour);
                c.Rect(x - cw * 0.38, ch * (r + 1) - ch * 0.14, cw * 0.76, 1.5, "#000", Role.Dark);
            }
        return $"""
            <div class="abs center" style="{Html.Box(head, Media)};font-size:26pt;font-weight:bold">Test your colors here</div>
            <div class="abs center" style="{Html.Box(hint, Media)};font-size:11pt">Try each crayon, marker or pencil in a shape, then write its name on the line.</div>
            <div class="abs" style="{Html.Box(area, Media)}">{c}</div>
            """;
    }

    private string Marker(ManuscriptPage page, string text)
    {
        var live = Live(page);
        var band = live with { Y0 = live.Y0, Y1 = live.Y0 + 30 };
        return $"""<div class="abs marker center" style="{Html.Box(band, Media)}">{Html.E(text)}</div>""";
    }

    private string NotesPage(ManuscriptPage page)
    {
        var live = Live(page);
        var head = live with { Y0 = live.Y1 - 50 };
        var lines = new StringBuilder();
        for (var y = head.Y0 - 30; y > live.Y0 + 10; y -= 28)
        {
            lines.Append($"""<div class="abs rule" style="{Html.Box(new PdfRect(live.X0, y, live.X1, y + 1), Media)}"></div>""");
        }
        return $"""<div class="abs center" style="{Html.Box(head, Media)};font-size:24pt;font-weight:bold">Notes</div>""" + lines;
    }
}
