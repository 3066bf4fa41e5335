using System.Text;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Print.Geometry;

namespace Storyloom.Core.Layout;

/// <summary>The front and back matter templates: copyright, meet the characters, The End, about the author (the title page is beside the story page).</summary>
internal sealed partial class InteriorLayout
{
    private const string MatterStyles = """
        .legal { font-size: 8.5pt; line-height: 1.45; color: #3a3a3a; }
        .legal div { margin-top: 3pt; }
        .legal .book { font-weight: bold; font-size: 1.18em; margin-top: 0; }
        .dedication { padding: 0 8%; text-wrap: balance; font-size: 16pt; font-style: italic; line-height: 1.4; color: #3a2f28; }
        .heading { font-weight: bold; font-size: 24pt; color: #3a2f28; }
        .card { display: flex; flex-direction: column; align-items: center; text-align: center; }
        .card .name { font-weight: bold; font-size: 1.5em; margin-top: 0.4em; color: #3a2f28; }
        .card .line { line-height: 1.3; margin-top: 0.2em; color: #3a3a3a; }
        .frame { position: absolute; box-sizing: border-box; overflow: hidden; border: 2pt solid #5b4a3f; }
        .frame img { position: absolute; display: block; }
        .end p:last-child { font-style: italic; }
        .about { font-size: 13pt; line-height: 1.5; text-wrap: balance; }
        """;

    /// <summary>The dedication, when there is one, sits high on the page; the legal lines sit at the foot, as in printed picture books.</summary>
    private string CopyrightPage(ManuscriptPage page)
    {
        var live = Live(page);
        var year = DateTime.UtcNow.Year;
        var dedication = manuscript.Dedication is { Length: > 0 } d
            ? $"""<div class="abs center dedication" data-fit data-min="12" style="{Html.Box(live with { Y0 = live.Y0 + live.Height * 0.5, Y1 = live.Y1 - live.Height * 0.12 }, Media)}">{Html.E(d)}</div>"""
            : "";
        var width = Math.Min(live.Width, 330);
        var midX = (live.X0 + live.X1) / 2;
        // A few points above the live edge: some scripts (Arabic, Devanagari) draw below the last line box.
        var legal = new PdfRect(midX - width / 2, live.Y0 + 4, midX + width / 2, live.Y0 + live.Height * 0.45);
        var seed = manuscript.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Only what the user gave or asked for: the holder and imprint they named, the review they said they did, the credit they chose.
        string?[] lines =
        [
            _words.Fill(_words.Copyright, year, BookWords.Holder(spec)),
            _words.NoCopying,
            _words.Fill(_words.FirstEdition, year, spec.Author),
            spec.Imprint,
            spec.Credit ? SoftwareNotice(textCredit, art.Credit, _words) : null,
            spec.ReviewedByAuthor ? _words.Reviewed : null,
            spec.Credit ? _words.MadeWith.Replace("{seed}", seed, StringComparison.Ordinal) : null,
        ];
        return dedication + $"""
            <div class="abs legal" data-fit data-min="8" style="{Html.Box(legal, Media)};display:flex;flex-direction:column;justify-content:flex-end;text-align:center">
              <div class="book">{Html.E(manuscript.Title)}</div>
              {string.Concat(lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => $"<div>{Html.E(l!)}</div>"))}
            </div>
            """;
    }

    /// <summary>With no author and no about-the-author text the last page only thanks the reader, under no heading.</summary>
    private bool HasAuthorPage => !string.IsNullOrWhiteSpace(spec.Author) || !string.IsNullOrWhiteSpace(spec.AboutAuthor);

    /// <summary>The author's panel of the title page; none when the book names no author.</summary>
    private string AuthorPanel(PdfRect zone, string classes) => string.IsNullOrWhiteSpace(manuscript.Author) ? ""
        : $"""<div class="abs {classes} author" style="{Html.Box(zone, Media)}">{Html.E(manuscript.Author)}</div>""";

    /// <summary>Says which software made the text and the pictures, in the book's language (English when none is given).</summary>
    internal static string SoftwareNotice(ContentCredit text, ContentCredit pictures, BookWords? words = null) =>
        (words ?? BookWords.English).SoftwareNotice(text, pictures);

    private string TheEndPage(ManuscriptPage page)
    {
        var live = Live(page);
        var area = PictureArea(page);
        var zone = live with { Y0 = live.Y0 + live.Height * 0.3, Y1 = live.Y1 - live.Height * 0.3 };
        var frame = new ArtFrame(area.Width, area.Height, Html.ToFrame(zone, area), Html.ToFrame(spec.Bleed ? live : area.Inset(6, 6, 6, 6), area));
        var src = page.Illustration is null ? art.Cover(manuscript, frame) : art.StoryPage(manuscript, page, frame);
        return Picture(src, area) + $"""
            <div class="panel center end" data-fit data-min="{_text.MinPx:0.##}" style="{Html.Box(zone, Media)}"><div class="title">{Html.E(_words.TheEnd)}</div>{Html.Paragraphs(page.Text)}</div>
            """;
    }

    /// <summary>One card per character of the brief: the character in the book's first setting, its name and one line.</summary>
    private string MeetTheCharactersPage(ManuscriptPage page)
    {
        var live = Live(page);
        var head = live with { Y0 = live.Y1 - 54 };
        var brief = page.Illustration;
        var cast = brief?.Characters ?? [];
        var lines = (page.Text ?? "").Split("\n\n", StringSplitOptions.TrimEntries);
        var grid = live with { Y1 = head.Y0 - 8 };
        const double gap = 16, textH = 70;
        var (cols, rows) = Grid(cast.Count, grid.Width, grid.Height, gap, textH);
        var cardW = (grid.Width - gap * (cols - 1)) / cols;
        var side = Math.Min(cardW, (grid.Height - gap * (rows - 1)) / rows - textH);
        var cardH = side + textH;
        var top = grid.Y1 - (grid.Height - rows * cardH - (rows - 1) * gap) / 2;
        var html = new StringBuilder($"""<div class="abs center heading" style="{Html.Box(head, Media)}">{Html.E(_words.MeetTheCharacters)}</div>""");
        for (var i = 0; i < cast.Count; i++)
        {
            var (row, col) = (i / cols, i % cols);
            var inRow = Math.Min(cols, cast.Count - row * cols);
            var rowStart = grid.X0 + (grid.Width - inRow * cardW - (inRow - 1) * gap) / 2;
            var x0 = rowStart + col * (cardW + gap);
            var y1 = top - row * (cardH + gap);
            var pic = new PdfRect(x0 + (cardW - side) / 2, y1 - side, x0 + (cardW + side) / 2, y1);
            var one = page with { Illustration = brief! with { Characters = [cast[i] with { X = 0.5, FacingLeft = false }] } };
            var (name, line) = NameAndLine(i < lines.Length ? lines[i] : "", cast[i].CharacterId);
            html.Append($"""
                <div class="frame" style="{Html.Box(pic, Media)};border-radius:{Html.Pt(side * 0.12)}">{Portrait(one, side)}</div>
                <div class="abs card" data-fit data-min="9" style="{Html.Box(new PdfRect(x0, y1 - side - textH, x0 + cardW, y1 - side), Media)};font-size:{Html.Pt(Math.Clamp(cardW / 14, 8.5, 11))}"><div class="name" dir="auto">{Html.E(name)}</div><div class="line" dir="auto">{Html.E(line)}</div></div>
                """);
        }
        return html.ToString();
    }

    /// <summary>
    /// A square window on a larger scene, so the one character of the brief fills it: the art engine sizes a figure
    /// to under half of its frame, and standing feet sit near the frame's bottom.
    /// </summary>
    private string Portrait(ManuscriptPage page, double side)
    {
        var full = side / 0.56;
        var frame = new ArtFrame(full, full, null, new FrameRect(full * 0.08, full * 0.06, full * 0.84, full * 0.86));
        var left = (full - side) / 2;
        var top = full * 0.37;
        return $"""<img src="{art.StoryPage(manuscript, page, frame)}" alt="" style="left:{Html.Pt(-left)};top:{Html.Pt(-top)};width:{Html.Pt(full)};height:{Html.Pt(full)}">""";
    }

    /// <summary>Columns and rows that give the largest square pictures on this page.</summary>
    private static (int Cols, int Rows) Grid(int count, double width, double height, double gap, double textH)
    {
        var best = (Cols: 1, Rows: Math.Max(1, count), Side: 0.0);
        for (var cols = 1; cols <= Math.Max(1, count); cols++)
        {
            var rows = (count + cols - 1) / cols;
            var side = Math.Min((width - gap * (cols - 1)) / cols, (height - gap * (rows - 1)) / rows - textH);
            if (side > best.Side) best = (cols, rows, side);
        }
        return (best.Cols, best.Rows);
    }

    private (string Name, string Line) NameAndLine(string text, string characterId)
    {
        var name = manuscript.Cast.FirstOrDefault(c => c.Id == characterId)?.Name ?? "";
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var line = colon > 0 ? text[(colon + 2)..] : text.Trim() == name ? "" : text;
        return (colon > 0 ? text[..colon] : name, line.Length > 0 ? char.ToUpperInvariant(line[0]) + line[1..] : line);
    }

    /// <summary>The last, left-hand page: a round picture of the hero waving goodbye, then a few lines about the author.</summary>
    private string AboutTheAuthorPage(ManuscriptPage page)
    {
        var live = Live(page);
        var side = Math.Min(live.Width * 0.42, live.Height * 0.36);
        var midX = (live.X0 + live.X1) / 2;
        var picTop = live.Y1 - live.Height * 0.1;
        var vignette = "";
        if (page.Illustration is not null)
        {
            var pic = new PdfRect(midX - side / 2, picTop - side, midX + side / 2, picTop);
            vignette = $"""<div class="frame" style="{Html.Box(pic, Media)};border-radius:50%">{Portrait(page, side)}</div>""";
        }
        var textTop = page.Illustration is null ? live.Y1 - live.Height * 0.25 : picTop - side - 18;
        var head = new PdfRect(live.X0, textTop - 40, live.X1, textTop);
        var body = new PdfRect(live.X0 + live.Width * 0.1, live.Y0 + live.Height * 0.08, live.X1 - live.Width * 0.1, head.Y0 - 6);
        return vignette + $"""
            {(HasAuthorPage ? $"""<div class="abs center heading" style="{Html.Box(head, Media)}">{Html.E(_words.AboutTheAuthor)}</div>""" : "")}
            <div class="abs about" data-fit data-min="10" style="{Html.Box(body, Media)};text-align:center">{Html.Paragraphs(page.Text)}</div>
            """;
    }
}
