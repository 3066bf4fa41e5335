using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>
/// A coloring book's cover picture, as coloring books on Amazon show it: three real designs from inside, colored in,
/// on cards over a cheerful background; the title and author panels sit where the frame's text zone says.
/// </summary>
internal static partial class ColoringCover
{
    private static readonly string[] Backgrounds = ["#FFE7A3", "#CFEFFF", "#FFD6E5", "#D9F5C8", "#E6DCFF"];

    /// <summary>Soft colors for big background shapes (sky, ground, hills).</summary>
    private static readonly string[] Soft = ["#BFE6FF", "#CDEFC0", "#FFF1B8", "#FFD9C7", "#E3D7FF", "#C9F0E8"];

    /// <summary>Bright crayon colors for the subject's parts.</summary>
    private static readonly string[] Bright = ["#FF8FB1", "#FFC94D", "#7FD1FF", "#9BE07A", "#C59BFF", "#FF9F6B", "#6FE0C8", "#FFB3D9", "#F7E463", "#8FB8FF"];

    /// <summary>The design pages a cover shows: up to three with different subjects, from the start, middle and end of the book.</summary>
    public static List<ManuscriptPage> Picks(Manuscript m)
    {
        var designs = m.Pages.Where(p => p.Role == PageRole.ColoringDesign && p.Illustration is not null).ToList();
        var picks = new List<ManuscriptPage>();
        var seen = new HashSet<string>();
        foreach (var i in new[] { 0, designs.Count / 2, designs.Count - 1 }.Concat(Enumerable.Range(0, designs.Count)))
        {
            if (i < 0 || i >= designs.Count || picks.Count == 3) continue;
            var props = designs[i].Illustration!.Props;
            var key = props.FirstOrDefault() ?? "";
            if (key is "mandala" or "pattern") key += ColoringTags.VariantOf(designs[i].Illustration);
            var who = designs[i].Illustration!.Characters.FirstOrDefault()?.CharacterId ?? "";
            if (seen.Add(key + "|" + who)) picks.Add(designs[i]);
        }
        return picks;
    }

    public static string Draw(Manuscript m, ArtFrame frame)
    {
        var rng = Rng.For(m.Seed, "coloring-cover");
        var (w, h) = (frame.WidthPt, frame.HeightPt);
        var s = frame.SafeArea;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(w)}pt\" height=\"{N(h)}pt\" viewBox=\"0 0 {N(w)} {N(h)}\">");
        var background = rng.Pick(Backgrounds);
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{background}\"/>");
        // Confetti dots around the cards, in soft colours mixed with the background beforehand: a print file has no live transparency (R14).
        for (var i = 0; i < 26; i++)
        {
            var (x, y, r) = (rng.Range(0, w), rng.Range(0, h), rng.Range(5, 13));
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{Palette.Mix(background, rng.Pick(Bright), 0.55)}\"/>");
        }
        var picks = Picks(m);
        const double pageW = 540, pageH = 702;
        var aspect = pageW / pageH;
        // One big card at the near side, two smaller ones stacked at the far side, overlapping a little like pages on a table.
        var bigH = Math.Min(s.Height * 0.97, s.Width * 0.64 / aspect);
        var bigW = bigH * aspect;
        var smallH = Math.Min(bigH * 0.56, s.Height * 0.5);
        var smallW = smallH * aspect;
        var cards = new List<(double X, double Y, double W, double H, double Angle)>
        {
            (s.X + s.Width * 0.03, s.Y + (s.Height - bigH) / 2, bigW, bigH, -3),
            (s.X + s.Width - smallW - s.Width * 0.03, s.Y + s.Height * 0.02, smallW, smallH, 5),
            (s.X + s.Width - smallW - s.Width * 0.06, s.Y + s.Height - smallH - s.Height * 0.02, smallW, smallH, -4),
        };
        var frameOfPage = new ArtFrame(pageW, pageH, null, new FrameRect(3, 3, pageW - 6, pageH - 6));
        for (var i = 0; i < picks.Count; i++)
        {
            var page = picks[i];
            var (x, y, cw, ch, angle) = picks.Count == 1 ? (s.X + (s.Width - bigW) / 2, s.Y + (s.Height - bigH) / 2, bigW, bigH, 0.0) : cards[i];
            var art = ColoringPainter.Draw(m, page, frameOfPage, Rng.For(m.Seed, "coloring", page.Number));
            var colored = Colorize(art, pageW * pageH, Rng.For(m.Seed, "cover-colors", page.Number));
            var inner = colored[(colored.IndexOf('>', StringComparison.Ordinal) + 1)..colored.LastIndexOf("</svg>", StringComparison.Ordinal)];
            var (cx, cy) = (x + cw / 2, y + ch / 2);
            sb.Append(CultureInfo.InvariantCulture, $"<g transform=\"rotate({N(angle)} {N(cx)} {N(cy)})\">");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + 4)}\" y=\"{N(y + 6)}\" width=\"{N(cw)}\" height=\"{N(ch)}\" rx=\"10\" fill=\"{Palette.Darken(background, 0.18)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(cw)}\" height=\"{N(ch)}\" rx=\"10\" fill=\"#fff\" stroke=\"#4a3b31\" stroke-width=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<svg x=\"{N(x + 4)}\" y=\"{N(y + 4)}\" width=\"{N(cw - 8)}\" height=\"{N(ch - 8)}\" viewBox=\"0 0 {N(pageW)} {N(pageH)}\">{inner}</svg>");
            sb.Append("</g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Fills a line-art design's white regions with colors as a child would: the background in soft colors (big ground and
    /// sky shapes the softest), the friend in one color, the subject in one main color with its details in two accents;
    /// the page frame stays white.
    /// </summary>
    public static string Colorize(string svg, double pageArea, Rng rng)
    {
        var friendAt = svg.IndexOf(ColoringPainter.FriendMark, StringComparison.Ordinal);
        var subjectAt = svg.IndexOf(ColoringPainter.SubjectMark, StringComparison.Ordinal);
        var contour = Shape().Matches(svg).Select(m => StrokeWidth().Match(m.Value)).Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max();
        var main = Bright[rng.Next(Bright.Length)];
        var friend = Bright.Where(b => b != main).ElementAt(rng.Next(Bright.Length - 1));
        var accents = Bright.Where(b => b != main && b != friend).ToArray();
        var index = 0;
        var detail = 0;
        return Shape().Replace(svg, m =>
        {
            var el = m.Value;
            if (!el.Contains("fill=\"white\"", StringComparison.Ordinal)) return el;
            var n = index++;
            if (n == 0) return el;
            var isContour = StrokeWidth().Match(el) is { Success: true } w && double.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture) >= contour - 0.01;
            string color;
            if (subjectAt >= 0 && m.Index > subjectAt) color = isContour ? main : accents[detail++ % 2];
            else if (friendAt >= 0 && m.Index > friendAt) color = isContour ? friend : accents[2 + detail++ % 2];
            else if (subjectAt < 0) color = Bright[(n * 3 + rng.Next(2)) % Bright.Length];
            else
            {
                var (x0, y0, x1, y1) = ColoringInk.Bounds(el);
                color = (x1 - x0) * (y1 - y0) > pageArea * 0.12 ? Soft[1 + n % 2] : Soft[(n * 5) % Soft.Length];
            }
            return el.Replace("fill=\"white\"", $"fill=\"{color}\"", StringComparison.Ordinal);
        });
    }

    [GeneratedRegex("stroke-width=\"([\\d.]+)\"")]
    private static partial Regex StrokeWidth();

    private static string N(double v) => SvgCanvas.N(v);

    [GeneratedRegex("<(path|circle|ellipse|rect|polygon) [^>]*/>")]
    private static partial Regex Shape();
}
