using Storyloom.Print.Printing;
using Storyloom.Print.Tools;

namespace Storyloom.Core.Pipeline;

/// <summary>PNG previews of the cover and the first pages, for people and for visual tests.</summary>
public static class Previews
{
    public const int Dpi = 50;
    public const int FirstPages = 4;

    public static async Task RenderAsync(string interiorPdf, string coverPdf, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await Task.WhenAll(
            ExternalTool.RunCheckedAsync("pdftoppm",
                ["-png", "-r", $"{Dpi}", "-singlefile", coverPdf, Path.Combine(directory, "cover")], ct),
            ExternalTool.RunCheckedAsync("pdftoppm",
                ["-png", "-r", $"{Dpi}", "-f", "1", "-l", $"{FirstPages}", interiorPdf, Path.Combine(directory, "page")], ct));
    }
}
