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
public sealed record TracedLineArt(string Svg, double BlackShare, double SolidShare, IReadOnlyList<string> Problems);

/// <summary>
/// Coloring pages from an image model: the picture is thresholded to pure black on white (no grey survives), traced with
/// potrace (the Debian package) into filled black outline paths, so lines stay crisp at any trim, and measured: black areas
/// thicker than an outline are solid fills, which the simple and medium levels (ages up to 8) must not have.
/// </summary>
public static partial class LineArt
{
    /// <summary>Share of the picture a young child's page may have in solid black (stray joints where thick lines meet).</summary>
    public const double MaxSolidShare = 0.005;

    public static TracedLineArt Trace(byte[] png, ArtFrame frame, ColoringLevel level, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var (w, h, rgb) = PngResampler.Decode(png);
        var black = new bool[w * h];
        var count = 0;
        for (var i = 0; i < black.Length; i++)
        {
            // Luma under half: ink; everything else (and every grey above it) is paper.
            var luma = (299 * rgb[i * 3] + 587 * rgb[i * 3 + 1] + 114 * rgb[i * 3 + 2]) / 1000;
            if (luma < 128) { black[i] = true; count++; }
        }
        var solid = SolidShare(black, w, h, Math.Max(2, w / 100));
        var problems = new List<string>();
        if (level != ColoringLevel.Detailed && solid > MaxSolidShare)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"solid black fills over {solid:P1} of the design; a {level.ToCli()} page has outlines only"));
        if (count == 0) problems.Add("the picture is blank");
        var paths = Potrace(black, w, h, ct);
        var s = frame.SafeArea;
        string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(frame.WidthPt)} {N(frame.HeightPt)}" width="{N(frame.WidthPt)}" height="{N(frame.HeightPt)}"><rect width="100%" height="100%" fill="white"/><svg x="{N(s.X)}" y="{N(s.Y)}" width="{N(s.Width)}" height="{N(s.Height)}" viewBox="0 0 {w} {h}" preserveAspectRatio="xMidYMid meet">{paths}</svg></svg>""";
        return new TracedLineArt(svg, Math.Round((double)count / black.Length, 4), Math.Round(solid, 4), problems);
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
