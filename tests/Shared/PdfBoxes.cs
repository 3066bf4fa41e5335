using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Print.Geometry;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;

namespace Storyloom.Tests.Shared;

/// <summary>Reads page boxes back with poppler's pdfinfo, independent of our own writer.</summary>
internal static partial class PdfBoxes
{
    public sealed record Page(int Number, PdfRect Media, PdfRect Crop, PdfRect Bleed, PdfRect Trim);

    public static async Task<IReadOnlyList<Page>> ReadAsync(string pdf)
    {
        var info = (await ExternalTool.RunCheckedAsync("pdfinfo", ["-box", "-f", "1", "-l", "100000", pdf], CancellationToken.None)).StdoutText;
        var boxes = new Dictionary<int, Dictionary<string, PdfRect>>();
        foreach (Match m in BoxLine().Matches(info))
        {
            var page = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var v = Enumerable.Range(3, 4).Select(i => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
            boxes.TryAdd(page, []);
            boxes[page][m.Groups[2].Value] = new PdfRect(v[0], v[1], v[2], v[3]);
        }
        return boxes.OrderBy(kv => kv.Key)
            .Select(kv => new Page(kv.Key, kv.Value["MediaBox"], kv.Value["CropBox"], kv.Value["BleedBox"], kv.Value["TrimBox"]))
            .ToList();
    }

    [GeneratedRegex(@"Page\s+(\d+)\s+(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)")]
    private static partial Regex BoxLine();
}
