using Storyloom.Core.Books;
using Storyloom.Core.Ebook;
using Storyloom.Core.Pipeline;

namespace Storyloom.Server.Tasks;

/// <summary>
/// The task's eBook step: after the print book is checked, the Kindle eBook is made from the same interior.html, pictures
/// and fonts (<see cref="EbookBuilder"/>), in the task's <c>ebook/</c> folder with copies of listing.json and preflight.json
/// that gain their <c>ebook</c> sections; the package step takes those.
/// </summary>
internal sealed class EbookMaker(PrinterHost printer)
{
    public const string Step = BookPipeline.Ebook;
    public const string Folder = "ebook";

    /// <summary>The files the step leaves in the work folder, saved with the step and packaged with the book.</summary>
    public static readonly IReadOnlyList<string> Outputs =
        [$"{Folder}/{EbookBuilder.EpubFile}", $"{Folder}/{EbookBuilder.CoverFile}", $"{Folder}/listing.json", $"{Folder}/preflight.json"];

    /// <summary>Progress through the builder's parts, as a share of the step (narration is the long part when asked).</summary>
    public static double Share(string part, bool narrated) => part switch
    {
        _ when part.StartsWith("Drawing", StringComparison.Ordinal) => 0.3,
        _ when part.StartsWith("Reading", StringComparison.Ordinal) => 0.4,
        _ when part.StartsWith("Packing", StringComparison.Ordinal) => narrated ? 0.85 : 0.6,
        _ => 0.02,
    };

    public async Task<EbookReport> MakeAsync(BookSteps steps, BookSpec spec, Manuscript manuscript, string work, string artRoot,
        string preflightJson, IVoice? voice, IProgress<string> progress, CancellationToken ct)
    {
        var dir = Path.Combine(work, Folder);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(work, "manuscript.json"), Path.Combine(dir, "manuscript.json"), overwrite: true);
        File.Copy(Path.Combine(work, "listing.json"), Path.Combine(dir, "listing.json"), overwrite: true);
        File.Copy(preflightJson, Path.Combine(dir, "preflight.json"), overwrite: true);
        var report = await new EbookBuilder(steps).BuildAsync(spec, manuscript, dir, await printer.GetAsync(ct), voice, progress, ct, buildDir: artRoot);
        // Previews of the eBook pages are for the CLI's folder; the server shows the pages from the EPUB itself.
        if (Directory.Exists(Path.Combine(dir, "preview")))
        {
            Directory.Delete(Path.Combine(dir, "preview"), recursive: true);
        }
        return report;
    }

    /// <summary>Called in line by the builder (no thread-pool hop), so each part's event is chained after the one before.</summary>
    internal sealed class Parts(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
