using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Print.Tools;

namespace Storyloom.Ai.Art;

/// <summary>A model's coloring picture made print-clean: the outlines as vector paths, and what was measured against the level's rules.</summary>
/// <param name="Svg">Pure black on white, the traced picture fitted (not cropped) into the frame's safe area.</param>
/// <param name="SolidShare">Share of the picture inside black areas wider than a thick outline (a fill a child cannot color).</param>
/// <param name="Problems">What breaks the level's rules; empty when the design is fine.</param>
/// <param name="OpenShare">Share of the picture in regions whose outline has a gap (after small gaps were bridged): color runs out of them.</param>
/// <param name="BridgedShare">Share of the picture that bridging the small gaps closed (they were open in the model's picture, closed in the design).</param>
public sealed record TracedLineArt(string Svg, double BlackShare, double SolidShare, IReadOnlyList<string> Problems, double OpenShare = 0, double BridgedShare = 0);

/// <summary>
/// Coloring pages from an image model: the picture is thresholded to pure black on white (no grey survives), traced with
/// potrace (the Debian package) into filled black outline paths, so lines stay crisp at any trim, and measured: black areas
/// thicker than an outline are solid fills, which the simple and medium levels (ages up to 8) must not have; hairline gaps in
/// outlines are bridged before tracing, and shapes still open (a gap a crayon goes through) are a finding at every level.
/// </summary>
public static partial class LineArt
{
    /// <summary>Share of the picture a young child's page may have in solid black (stray joints where thick lines meet).</summary>
    public const double MaxSolidShare = 0.005;

    /// <summary>Share of the picture that may sit in regions with a gap in their outline (a stroke's loose end, a hair of open background).</summary>
    public const double MaxOpenShare = 0.01;

    public static TracedLineArt Trace(byte[] png, ArtFrame frame, ColoringLevel level, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var (w, h, black, count) = Ink(png);
        var (closed, bridged, open, solid, problems) = Measure(black, w, h, count, level);
        var paths = Potrace(closed, w, h, ct);
        var s = frame.SafeArea;
        string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(frame.WidthPt)} {N(frame.HeightPt)}" width="{N(frame.WidthPt)}" height="{N(frame.HeightPt)}"><rect width="100%" height="100%" fill="white"/><svg x="{N(s.X)}" y="{N(s.Y)}" width="{N(s.Width)}" height="{N(s.Height)}" viewBox="0 0 {w} {h}" preserveAspectRatio="xMidYMid meet">{paths}</svg></svg>""";
        return new TracedLineArt(svg, Math.Round((double)count / black.Length, 4), Math.Round(solid, 4), problems, Math.Round(open, 4), Math.Round(bridged, 4));
    }

    /// <summary>What breaks the level's rules in a model's picture, before anything is traced: for the painter to redraw it with.</summary>
    public static IReadOnlyList<string> Inspect(byte[] png, ColoringLevel level)
    {
        var (w, h, black, count) = Ink(png);
        return Measure(black, w, h, count, level).Problems;
    }

    private static (int W, int H, bool[] Black, int Count) Ink(byte[] png)
    {
        var (w, h, rgb) = PngResampler.Decode(png);
        var black = new bool[w * h];
        var count = 0;
        for (var i = 0; i < black.Length; i++)
        {
            // Luma under half: ink; everything else (and every grey above it) is paper.
            var luma = (299 * rgb[i * 3] + 587 * rgb[i * 3 + 1] + 114 * rgb[i * 3 + 2]) / 1000;
            if (luma < 128) { black[i] = true; count++; }
        }
        return (w, h, black, count);
    }

    /// <summary>
    /// The rules a design is held to: small gaps in outlines are bridged (a closing of the ink by about 0.4 % of the side), then
    /// what is still open is measured (the area a closing by about 1.6 % of the side would seal: regions whose outline has a gap a
    /// crayon goes through); solid black fills are measured on the model's own lines.
    /// </summary>
    private static (bool[] Closed, double Bridged, double Open, double Solid, List<string> Problems) Measure(bool[] black, int w, int h, int count, ColoringLevel level)
    {
        var problems = new List<string>();
        var small = Math.Max(1, w / 256);
        var closed = Close(black, w, h, small);
        var bridged = OpenShare(black, w, h, small);
        var wide = Math.Max(2, w / 64);
        var open = OpenShare(closed, w, h, wide);
        var solid = SolidShare(black, w, h, Math.Max(2, w / 100));
        if (level != ColoringLevel.Detailed && solid > MaxSolidShare)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"solid black fills over {solid:P1} of the design; a {level.ToCli()} page has outlines only"));
        if (open > MaxOpenShare)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"outlines left open: {open:P1} of the design is in shapes with a gap in their outline (up to {2 * wide} px of {w}); close every outline so color stays inside"));
        if (count == 0) problems.Add("the picture is blank");
        return (closed, bridged, open, solid, problems);
    }

    /// <summary>
    /// Share of the picture that is paper reachable from the edge now, but enclosed once the ink is thickened by <paramref name="r"/>:
    /// the inside of shapes whose outline has a gap no wider than 2r (a closed shape is enclosed already and counts nothing).
    /// </summary>
    internal static double OpenShare(bool[] black, int w, int h, int r)
    {
        var thick = Dilate(black, w, h, r);
        var outside = FromEdge(black, w, h);
        var stillOutside = FromEdge(thick, w, h);
        var sealedOff = 0;
        for (var i = 0; i < black.Length; i++)
            if (!thick[i] && outside[i] && !stillOutside[i]) sealedOff++;
        return (double)sealedOff / black.Length;
    }

    /// <summary>Morphological closing with a square of side 2r+1: gaps up to 2r wide are bridged, lines keep their width.</summary>
    internal static bool[] Close(bool[] black, int w, int h, int r)
    {
        var thick = Dilate(black, w, h, r);
        var paper = new bool[thick.Length];
        for (var i = 0; i < thick.Length; i++) paper[i] = !thick[i];
        var grown = Dilate(paper, w, h, r);
        var result = new bool[thick.Length];
        for (var i = 0; i < thick.Length; i++) result[i] = !grown[i];
        return result;
    }

    /// <summary>Max filter with a square of side 2r+1, by rows then columns (running counts: linear in the pixels).</summary>
    private static bool[] Dilate(bool[] src, int w, int h, int r)
    {
        var rows = new bool[src.Length];
        for (var y = 0; y < h; y++)
        {
            var n = 0;
            for (var x = 0; x < Math.Min(r, w); x++) if (src[y * w + x]) n++;
            for (var x = 0; x < w; x++)
            {
                if (x + r < w && src[y * w + x + r]) n++;
                if (x - r - 1 >= 0 && src[y * w + x - r - 1]) n--;
                rows[y * w + x] = n > 0;
            }
        }
        var result = new bool[src.Length];
        for (var x = 0; x < w; x++)
        {
            var n = 0;
            for (var y = 0; y < Math.Min(r, h); y++) if (rows[y * w + x]) n++;
            for (var y = 0; y < h; y++)
            {
                if (y + r < h && rows[(y + r) * w + x]) n++;
                if (y - r - 1 >= 0 && rows[(y - r - 1) * w + x]) n--;
                result[y * w + x] = n > 0;
            }
        }
        return result;
    }

    /// <summary>Paper reachable from the picture's edge through paper (4-connected).</summary>
    private static bool[] FromEdge(bool[] ink, int w, int h)
    {
        var seen = new bool[ink.Length];
        var stack = new Stack<int>();
        void Push(int i)
        {
            if (!ink[i] && !seen[i]) { seen[i] = true; stack.Push(i); }
        }
        for (var x = 0; x < w; x++) { Push(x); Push((h - 1) * w + x); }
        for (var y = 0; y < h; y++) { Push(y * w); Push(y * w + w - 1); }
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            int x = i % w, y = i / w;
            if (x > 0) Push(i - 1);
            if (x < w - 1) Push(i + 1);
            if (y > 0) Push(i - w);
            if (y < h - 1) Push(i + w);
        }
        return seen;
    }

    /// <summary>Share of pixels inside a black square of side 2r+1 (an area no outline is that thick at this level).</summary>
    private static double SolidShare(bool[] black, int w, int h, int r)
    {
        var sum = new int[(w + 1) * (h + 1)];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                sum[(y + 1) * (w + 1) + x + 1] = (black[y * w + x] ? 1 : 0) + sum[y * (w + 1) + x + 1] + sum[(y + 1) * (w + 1) + x] - sum[y * (w + 1) + x];
        var side = 2 * r + 1;
        var full = side * side;
        var solid = 0;
        for (var y = r; y < h - r; y++)
            for (var x = r; x < w - r; x++)
            {
                int x0 = x - r, y0 = y - r, x1 = x + r + 1, y1 = y + r + 1;
                if (sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0] + sum[y0 * (w + 1) + x0] == full) solid++;
            }
        return (double)solid / (w * h);
    }

    /// <summary>The black pixels as potrace's filled paths (in pixel units, y down), through a PBM file.</summary>
    private static string Potrace(bool[] black, int w, int h, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "storyloom-trace-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var pbm = Path.Combine(dir, "in.pbm");
            var rowBytes = (w + 7) / 8;
            using (var f = File.Create(pbm))
            {
                f.Write(Encoding.ASCII.GetBytes($"P4\n{w} {h}\n"));
                var row = new byte[rowBytes];
                for (var y = 0; y < h; y++)
                {
                    Array.Clear(row);
                    for (var x = 0; x < w; x++)
                        if (black[y * w + x]) row[x >> 3] |= (byte)(0x80 >> (x & 7));
                    f.Write(row);
                }
            }
            var output = Path.Combine(dir, "out.svg");
            // Specks under 0.05% of the side are dropped; curves are smoothed at potrace's defaults.
            ExternalTool.RunCheckedAsync("potrace", ["--svg", "--flat", "--turdsize", Math.Max(2, w / 200).ToString(CultureInfo.InvariantCulture), "-o", output, pbm], ct)
                .GetAwaiter().GetResult();
            var traced = File.ReadAllText(output);
            // potrace draws in its own units (points at 72 dpi: one a pixel) with y up; the group's transform maps them back.
            var group = Group().Match(traced);
            if (!group.Success) throw new InvalidOperationException("potrace answered an SVG without its group of paths");
            return group.Value.Replace("fill=\"#000000\"", "fill=\"black\"", StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex("<g [^>]*>.*</g>", RegexOptions.Singleline)]
    private static partial Regex Group();
}
