using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Print.Geometry;
using Storyloom.Print.Printing;

namespace Storyloom.Core.Layout;

/// <summary>How the front carries its title: a framed panel over the sky, display type on the picture, or a band of colour.</summary>
internal enum FrontLayout
{
    Panel,
    Headline,
    Band,
}

/// <summary>
/// The wrap cover: bleed | back | spine | front | bleed. The front art runs across the spine onto the back so no
/// colour edge sits on a fold (R29 SHOULD); the back panel carries the blurb and keeps the barcode box plain.
/// With <paramref name="designedFront"/> the front panel is left empty for a design laid over it (a Canva brand template):
/// the picture keeps only the spine and 0.125 in past each fold, and the title and author are left out, so nothing
/// of Storyloom's front hides under the design.
/// </summary>
internal sealed class CoverLayout(Manuscript manuscript, BookSpec spec, ArtStore art, bool designedFront = false)
{
    private readonly CoverGeometry _g = new(spec.PrintOptions);

    public CoverGeometry Geometry => _g;

    public PageBoxes Boxes => new(_g.MediaBox, _g.TrimBox);

    public string Build()
    {
        var media = _g.MediaBox;
        // The picture starts 0.125 in onto the back cover, so both folds fall inside it.
        var artRect = media with { X0 = _g.SpineLeftPt - 9 };
        var front = _g.FrontSafe;
        var titleZone = front with { Y0 = front.Y1 - front.Height * 0.3 };
        var authorZone = front with { Y1 = front.Y0 + 46 };
        var frame = new ArtFrame(artRect.Width, artRect.Height,
            Html.ToFrame(titleZone, artRect), Html.ToFrame(new PdfRect(_g.FrontSafe.X0, authorZone.Y1, _g.FrontSafe.X1, titleZone.Y0), artRect));
        var src = art.Cover(manuscript, frame, forceColor: true);

        var back = _g.BackSafe;
        // Andika's ascent reaches above the line box; 8 pt keeps the first line inside the house margin, and 2 pt at the sides
        // keeps a glyph's overhang inside it when a line runs flush to an edge (right-to-left text is flush right).
        var blurbZone = back.Inset(2, 0, 2, 8) with { Y0 = back.Y1 - back.Height * 0.4 };
        var barcode = _g.BarcodeBox;
        // Set flush with the foot of the safe area, the line lands on Chromium's pixel grid (0.75 pt) and may drop below it: one pixel up.
        var imprint = new PdfRect(back.X0, back.Y0 + Html.PixelPt, barcode.X0 - 12, back.Y0 + 40);

        return $$"""
            <!doctype html>
            <html {{Scripts.HtmlAttributes(manuscript.Language)}}><head><meta charset="utf-8"><title>{{Html.E(manuscript.Title)}} (cover)</title>
            <style>
            {{Html.PageRule(media.Width, media.Height)}}
            html, body { margin: 0; padding: 0; }
            body { font-family: {{Scripts.FontStack(manuscript.Language)}}; -webkit-print-color-adjust: exact; print-color-adjust: exact; background: {{BackColor}}; }
            .page { position: relative; overflow: hidden; background: {{BackColor}}; }
            .abs { position: absolute; box-sizing: border-box; }
            .panel { overflow: hidden; background: #fffaf0; border: 2pt solid #4a3b31; border-radius: 14pt; padding: 8pt 14pt; color: #2a2320; }
            .center { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
            .title { font-weight: bold; font-size: 1em; line-height: {{TitleLineHeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}}; }
            .subtitle { font-size: 0.42em; margin-top: 0.2em; }
            .author { font-size: 17pt; }
            .blurb { font-size: 16pt; line-height: 1.45; color: #2a2320; }
            .age { font-weight: bold; }
            .blurb p { margin: 0 0 0.6em 0; }
            .imprint { font-size: 9pt; color: #2a2320; }
            .sample { border: 2pt solid #4a3b31; border-radius: 10pt; overflow: hidden; background: #fff; }
            .sample img { display: block; width: 100%; height: 100%; }
            .spine { white-space: nowrap; font-weight: bold; color: #2a2320; text-align: center; transform: rotate(90deg); }
            .headline { color: #fffdf5; text-shadow: {{Outline("#3a2a20")}}; }
            .band { background: {{BandColor}}; border-bottom: 5pt solid #fffaf0; }
            .on-band { color: #fffdf5; }
            .ribbon { display: inline-block; max-width: 100%; background: #fffaf0; color: #2a2320; border: 2pt solid #4a3b31; border-radius: 999pt; padding: 3pt 20pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
            </style>
            {{Html.FitScript}}
            </head><body>
            <section class="page" dir="{{Scripts.Direction(manuscript.Language)}}" data-page="1" style="width:{{Html.Pt(media.Width + Html.PrintSlackPt)}};height:{{Html.Pt(media.Height)}}">
            {{FrontArt(src, artRect, titleZone, authorZone)}}
            <div class="abs blurb" data-fit data-min="12" style="{{Html.Box(blurbZone, media)}};overflow:hidden">{{Html.Paragraphs(manuscript.Blurb)}}<p class="age">{{Html.E(ReadingAge())}}</p></div>
            {{BackPictures(new PdfRect(back.X0, barcode.Y1 + 16, back.X1, blurbZone.Y0 - 12))}}
            {{Imprint(imprint)}}
            {{Spine()}}
            </section>
            </body></html>
            """;
    }

    /// <summary>The picture with the title and author panels on it; for a designed front, only the picture's strip over the spine.</summary>
    private string FrontArt(string src, PdfRect artRect, PdfRect titleZone, PdfRect authorZone)
    {
        var media = _g.MediaBox;
        if (designedFront)
        {
            var strip = artRect with { X1 = _g.SpineRightPt + 9 };
            return $"""<div class="abs" style="{Html.Box(strip, media)};overflow:hidden"><img class="abs" src="{src}" style="left:0;top:0;width:{Html.Pt(artRect.Width)};height:{Html.Pt(artRect.Height)}" alt=""></div>""";
        }
        var title = $"""<div class="title">{Html.E(manuscript.Title)}</div>{Subtitle()}""";
        // The title's tight line height lets Andika's ascent and descent reach past its box: keep that inside the safe area too.
        double Overhang(double sizePt) => Math.Ceiling(HouseFont.OverhangPt(sizePt, TitleLineHeight));
        var picture = $"""<img class="abs" src="{src}" style="{Html.Box(artRect, media)}" alt="">""";
        var ribbon = string.IsNullOrWhiteSpace(manuscript.Author) ? ""
            : $"""<div class="abs center author" style="{Html.Box(authorZone, media)}"><span class="ribbon">{Html.E(manuscript.Author)}</span></div>""";
        return Layout switch
        {
            // Display type straight on the sky of the picture, outlined so it reads on any colour.
            FrontLayout.Headline => $"""
                {picture}
                <div class="abs center headline" data-fit data-min="24" style="{Html.Box(titleZone.Inset(4, 4 + Overhang(TitleSize() * 1.35), 4, 4 + Overhang(TitleSize() * 1.35)), media)};font-size:{TitleSize() * 1.35:0.#}pt">{title}</div>
                {ribbon}
                """,
            // A band of colour across the top of the front (from the picture's edge on the back, so no colour edge sits
            // on a fold) carries the title; the picture shows below it.
            FrontLayout.Band => $"""
                {picture}
                <div class="abs band" style="{Html.Box(new PdfRect(artRect.X0, titleZone.Y0 - 8, media.X1, media.Y1), media)}"></div>
                <div class="abs center on-band" data-fit data-min="22" style="{Html.Box(titleZone.Inset(0, Overhang(TitleSize() * 1.2), 0, Overhang(TitleSize() * 1.2)), media)};font-size:{TitleSize() * 1.2:0.#}pt">{title}</div>
                {ribbon}
                """,
            _ => $"""
                {picture}
                <div class="abs panel center" data-fit data-min="20" style="{Html.Box(titleZone, media)};font-size:{TitleSize()}pt;padding-top:{Html.Pt(Math.Max(8, Overhang(TitleSize())))};padding-bottom:{Html.Pt(Math.Max(8, Overhang(TitleSize())))}">{title}</div>
                {(string.IsNullOrWhiteSpace(manuscript.Author) ? "" : $"""<div class="abs panel center author" style="{Html.Box(authorZone, media)}">{Html.E(manuscript.Author)}</div>""")}
                """,
        };
    }

    /// <summary>The front's layout, chosen by the title's length (a long title needs the band's width, a short one reads as
    /// display type on the sky) and, among those that fit, by the seed, so a shelf of books does not look like one template.</summary>
    internal FrontLayout Layout => ChooseLayout(manuscript.Title, manuscript.Seed);

    internal static FrontLayout ChooseLayout(string title, int seed)
    {
        FrontLayout[] fits = title.Length switch
        {
            <= 24 => [FrontLayout.Headline, FrontLayout.Panel, FrontLayout.Band],
            <= 40 => [FrontLayout.Band, FrontLayout.Panel, FrontLayout.Headline],
            _ => [FrontLayout.Band, FrontLayout.Panel],
        };
        return fits[(int)((uint)seed % (uint)fits.Length)];
    }

    /// <summary>A hard outline of eight unblurred shadows: printed as vector text, legible on sky, grass or night.</summary>
    private static string Outline(string color) => string.Join(", ",
        new[] { (1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1) }
            .Select(d => $"{d.Item1 * 0.045:0.###}em {d.Item2 * 0.045:0.###}em 0 {color}")
            .Append($"0 0.09em 0 {color}"));

    /// <summary>A deep colour of the book's style for the title band; the title is cream on it.</summary>
    private string BandColor => manuscript.ArtStyle switch
    {
        "bold-outline" => "#1f6f8b",
        "soft-shaded" => "#4f7a52",
        "line-art" => "#b5473a",
        _ => "#c65f6f",
    };

    /// <summary>The publisher's imprint the user gave, at the foot of the back cover; nothing when there is none.</summary>
    private string Imprint(PdfRect zone) => string.IsNullOrWhiteSpace(spec.Imprint) ? ""
        : $"""<div class="abs imprint" style="{Html.Box(zone, _g.MediaBox)};display:flex;align-items:flex-end">{Html.E(spec.Imprint)}</div>""";

    /// <summary>A framed scene from the story, or two sample pages of a coloring book, centred in the free band of the back cover.</summary>
    private string BackPictures(PdfRect band)
    {
        var media = _g.MediaBox;
        var pageAspect = spec.Trim.WidthPt / spec.Trim.HeightPt;
        if (manuscript.Kind == BookKind.Coloring)
        {
            var designs = manuscript.Pages.Where(p => p.Role == PageRole.ColoringDesign).Take(2).ToList();
            var h = band.Height;
            var w = h * pageAspect;
            var gap = 18.0;
            if (designs.Count == 0 || w * designs.Count + gap > band.Width)
            {
                return "";
            }
            var x = band.X0 + (band.Width - (w * designs.Count + gap * (designs.Count - 1))) / 2;
            var html = new System.Text.StringBuilder();
            foreach (var d in designs)
            {
                var rect = new PdfRect(x, band.Y0, x + w, band.Y1);
                var frame = new ArtFrame(w - 4, h - 4, null, new FrameRect(8, 8, w - 20, h - 20));
                html.Append($"""<div class="abs sample" style="{Html.Box(rect, media)}"><img src="{art.ColoringPage(manuscript, d, frame)}" alt=""></div>""");
                x += w + gap;
            }
            return html.ToString();
        }
        var scenes = manuscript.Pages.Where(p => p.Role == PageRole.Story && p.Illustration is not null).ToList();
        if (scenes.Count == 0 || band.Height < 72)
        {
            return "";
        }
        // The happiest picture: the latest page with the most characters in it.
        var scene = scenes.OrderByDescending(p => p.Illustration!.Characters.Count).ThenByDescending(p => p.Number).First();
        var height = band.Height;
        var width = Math.Min(band.Width, height * pageAspect);
        var box = new PdfRect(band.X0 + (band.Width - width) / 2, band.Y0, band.X0 + (band.Width + width) / 2, band.Y1);
        var sceneFrame = new ArtFrame(width - 4, height - 4, null, new FrameRect(0, 0, width - 4, height - 4));
        return $"""<div class="abs sample" style="{Html.Box(box, media)}"><img src="{art.StoryPage(manuscript, scene, sceneFrame)}" alt=""></div>""";
    }

    /// <summary>A pale tint of the book's style for the back cover; the barcode box sits on it, plain.</summary>
    private string BackColor => manuscript.ArtStyle switch
    {
        "bold-outline" => "#fde9b8",
        "soft-shaded" => "#e8efd9",
        "line-art" => "#fdf1c7",
        _ => "#fbe3e1",
    };

    private const double TitleLineHeight = 1.08;

    private double TitleSize() => manuscript.Title.Length switch
    {
        <= 18 => 40,
        <= 32 => 34,
        _ => 28,
    };

    private string Subtitle() => manuscript.Subtitle is { Length: > 0 } s ? $"""<div class="subtitle">{Html.E(s)}</div>""" : "";

    private string ReadingAge() => manuscript.Kind == BookKind.Coloring
        ? $"A coloring book for ages {manuscript.Age.ToCli()}."
        : $"A picture book for ages {manuscript.Age.ToCli()}.";

    /// <summary>Spine text only when KDP allows it (80+ pages) and a legible line fits between the folds.</summary>
    private string Spine()
    {
        if (!_g.SpineTextFits)
        {
            return "";
        }
        var live = _g.SpineLive;
        var band = live.Inset(0, 36, 0, 36);
        var size = _g.SpineFontSizePt;
        // A solid band wider than the spine by 0.125 in each side keeps the text readable and any edge off the folds.
        var plate = new PdfRect(_g.SpineLeftPt - 9, 0, _g.SpineRightPt + 9, _g.MediaBox.Height);
        // One horizontal line turned a quarter clockwise (it reads top to bottom): its line box is the band's width, so the
        // ascent-to-descent box preflight measures sits centred between the folds (vertical writing modes place it off centre).
        var (midX, midY) = ((band.X0 + band.X1) / 2, (band.Y0 + band.Y1) / 2);
        var line = new PdfRect(midX - band.Height / 2, midY - band.Width / 2, midX + band.Height / 2, midY + band.Width / 2);
        return $"""
            <div class="abs" style="{Html.Box(plate, _g.MediaBox)};background:#fffaf0"></div>
            <div class="abs spine" style="{Html.Box(line, _g.MediaBox)};font-size:{size:0.#}pt;line-height:{Html.Pt(band.Width)}">{Html.E(string.IsNullOrWhiteSpace(manuscript.Author) ? manuscript.Title : $"{manuscript.Title}  ·  {manuscript.Author}")}</div>
            """;
    }
}
