using System.Globalization;
using Storyloom.Print.Tools;

namespace Storyloom.Cli.Gallery;

/// <summary>
/// One PNG per book: a title line, the whole wrap cover, then every interior page as a numbered thumbnail.
/// pdftoppm renders and ImageMagick's montage lays out the grid: both are plain files in, a file out, and need
/// no browser tab, so sheets are made while Chromium prints the next book.
/// </summary>
internal static class ContactSheet
{
    public const int Columns = 8;
    public const int Thumb = 150;
    public const int Gap = 6;
    /// <summary>Every sheet has this width, so they line up in the gallery page.</summary>
    public const int Width = Columns * (Thumb + 2 * Gap);

    private const string Font = "DejaVu-Sans";

    public static async Task MakeAsync(string interiorPdf, string coverPdf, string title, string output, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("storyloom-sheet-").FullName;
        try
        {
            var inner = Width - 2 * Gap;
            await Task.WhenAll(
                ExternalTool.RunCheckedAsync("pdftoppm", ["-png", "-scale-to", $"{Thumb}", interiorPdf, Path.Combine(work, "p")], ct),
                ExternalTool.RunCheckedAsync("pdftoppm", ["-png", "-singlefile", "-scale-to-x", $"{inner}", "-scale-to-y", "-1", coverPdf, Path.Combine(work, "cover")], ct));

            var pages = Directory.GetFiles(work, "p-*.png").Order(StringComparer.Ordinal).ToList();
            var montage = new List<string> { "-font", Font, "-pointsize", "12", "-background", "#f4f1ea" };
            for (var i = 0; i < pages.Count; i++)
            {
                montage.AddRange(["-label", (i + 1).ToString(CultureInfo.InvariantCulture), pages[i]]);
            }
            var grid = Path.Combine(work, "grid.png");
            montage.AddRange(["-tile", $"{Columns}x", "-geometry", $"{Thumb}x{Thumb}+{Gap}+{Gap}", grid]);
            await ExternalTool.RunCheckedAsync("montage", montage, ct);

            await ExternalTool.RunCheckedAsync("convert",
            [
                "-background", "#f4f1ea",
                "(", "-size", $"{Width}x44", "xc:#f4f1ea", "-font", $"{Font}-Bold", "-pointsize", "20", "-fill", "#262321",
                "-gravity", "west", "-annotate", $"+{Gap * 2}+0", title, ")",
                "(", Path.Combine(work, "cover.png"), "-bordercolor", "#f4f1ea", "-border", $"{Gap}", ")",
                grid, "-append", "-depth", "8", output,
            ], ct);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
