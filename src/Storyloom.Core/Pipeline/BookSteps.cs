using System.Text.Json;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Layout;
using Storyloom.Core.Story;
using Storyloom.Print.Geometry;
using Storyloom.Print.Preflight;
using Storyloom.Print.Printing;

namespace Storyloom.Core.Pipeline;

/// <summary>What the safety gate found; a failed gate stops the book before any picture is drawn.</summary>
public sealed record SafetyReport(bool Passed, IReadOnlyList<string> Problems, ReadingLevel? ReadingLevel);

/// <summary>The pictures of one art step: one page's pictures, or the cover's (Page null).</summary>
public sealed record ArtStep(string Name, int? Page, IReadOnlyList<string> Files);

/// <summary>The printed PDFs of a book (boxes set) and the geometry of its cover.</summary>
public sealed record PrintedBook(string InteriorPdf, string CoverPdf, CoverGeometry Cover);

/// <summary>Every picture a book's layout asks for, grouped into art steps that can be drawn and saved one at a time.</summary>
public sealed class ArtPlan
{
    internal ArtPlan(string artRoot, IReadOnlyList<PlannedPicture> pictures)
    {
        ArtRoot = artRoot;
        Pictures = pictures.DistinctBy(p => p.RelativePath).ToList();
        Steps = Pictures.GroupBy(p => p.Page)
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => new ArtStep(BookPipeline.ArtStepName(g.Key), g.Key, g.Select(p => p.RelativePath).ToList()))
            .ToList();
    }

    /// <summary>The folder the layout's HTML sits in; picture paths are relative to it.</summary>
    public string ArtRoot { get; }
    public IReadOnlyList<ArtStep> Steps { get; }
    internal IReadOnlyList<PlannedPicture> Pictures { get; }
}

/// <summary>
/// What the declared steps of <see cref="BookPipeline"/> do, each reading the previous one's output and writing its own.
/// <see cref="BookBuilder"/> runs them in one go for the CLI; the server's task runner saves each step's output before the
/// next starts, so a re-run skips what is done.
/// </summary>
public sealed class BookSteps(IStoryEngine story, IArtEngine artEngine)
{
    /// <summary>
    /// Part of every picture's cache key: a changed engine must never reuse old pictures. Deterministic builds make
    /// the module version id a hash of the engine's code, so it changes exactly when the code does.
    /// </summary>
    public string ArtEngineId { get; } = $"{artEngine.GetType().FullName}@{artEngine.GetType().Assembly.ManifestModule.ModuleVersionId:N}";

    public ContentCredit StoryCredit => story.Credit;
    public ContentCredit ArtCredit => artEngine.Credit;

    public Manuscript WriteStory(BookSpec spec) => story.Write(spec);

    /// <summary>What the art engine's own picture check found, when it has one.</summary>
    public ContentReport? ContentOf(Manuscript manuscript) => (artEngine as IReviewedArt)?.ContentOf(manuscript);

    public ListingFile Listing(BookSpec spec, Manuscript manuscript, HumanEdits? edits = null) => ListingFile.From(manuscript, spec, story.Credit, artEngine.Credit, edits);

    /// <summary>Every story or design page has what it needs before anything is drawn or printed.</summary>
    public static SafetyReport CheckSafety(BookSpec spec, Manuscript manuscript)
    {
        var problems = new List<string>();
        if (manuscript.Pages.Count != spec.Pages)
        {
            problems.Add($"the story engine wrote {manuscript.Pages.Count} pages, not {spec.Pages}; generate the book again");
        }
        foreach (var page in manuscript.Pages.Where(p => p.Role == PageRole.Story && string.IsNullOrWhiteSpace(p.Text)))
        {
            problems.Add($"page {page.Number} has no text; write it or regenerate that page");
        }
        if (StoryCheckOf(manuscript) is { Passed: false, Revision: null } story)
        {
            problems.AddRange(story.Findings.Where(f => f.Level == StoryCheck.Must).Select(f => (f.Page > 0 ? $"page {f.Page}: " : "") + f.Message));
        }
        return new SafetyReport(problems.Count == 0, problems, ReadingLevel.For(manuscript));
    }

    /// <summary>
    /// The story check of a story book: the engine's own when it made one, else run now. A failing check of the offline engine
    /// stops the book (a defect of the engine); a model's story still failing after its one revision (<see cref="StoryReport.Revision"/>)
    /// is kept and reported; a manuscript without a report of its own (edited pages) is shown but does not stop the book.
    /// </summary>
    public static StoryReport? StoryCheckOf(Manuscript manuscript)
    {
        if (manuscript.Kind != BookKind.Story || manuscript.Pages.All(p => p.Role != PageRole.Story)) return null;
        if (manuscript.Check is { } own) return own;
        var report = StoryCheck.Run(manuscript);
        return report with { Passed = true };
    }

    /// <summary>Lays the book out without drawing, to learn which pictures it needs (in a few milliseconds).</summary>
    public ArtPlan PlanArt(BookSpec spec, Manuscript manuscript, string artRoot)
    {
        var pictures = new List<PlannedPicture>();
        var art = new ArtStore(artRoot, artEngine, ArtEngineId, grayscale: spec.Ink == Print.Kdp.Ink.Bw, pictures);
        new InteriorLayout(manuscript, spec, art, story.Credit).Build();
        new CoverLayout(manuscript, spec, art).Build();
        return new ArtPlan(artRoot, pictures);
    }

    /// <summary>Draws the pictures of one step that are not saved yet; returns how many the engine drew.</summary>
    public static int DrawArt(ArtPlan plan, string stepName)
    {
        var drawn = 0;
        var step = plan.Steps.Single(s => s.Name == stepName);
        foreach (var picture in plan.Pictures.Where(p => step.Files.Contains(p.RelativePath)))
        {
            var path = Path.Combine(plan.ArtRoot, picture.RelativePath);
            if (!File.Exists(path))
            {
                ArtStore.Save(path, picture.Draw());
                drawn++;
            }
        }
        return drawn;
    }

    /// <summary>Builds the interior and cover HTML in <paramref name="artRoot"/> and prints them to <paramref name="outDir"/> with exact boxes.</summary>
    public async Task<PrintedBook> PrintAsync(BookSpec spec, Manuscript manuscript, string artRoot, string outDir, ChromiumPrinter printer,
        IProgress<string>? progress, CancellationToken ct)
    {
        var art = new ArtStore(artRoot, artEngine, ArtEngineId, grayscale: spec.Ink == Print.Kdp.Ink.Bw);
        var interior = new InteriorLayout(manuscript, spec, art, story.Credit);
        var cover = new CoverLayout(manuscript, spec, art);
        var interiorHtml = Path.Combine(artRoot, "interior.html");
        var coverHtml = Path.Combine(artRoot, "cover.html");
        await WriteTextAsync(interiorHtml, interior.Build(), ct);
        await WriteTextAsync(coverHtml, cover.Build(), ct);

        progress?.Report("Printing the interior");
        Directory.CreateDirectory(outDir);
        var rawInterior = Path.Combine(outDir, "interior.raw.pdf");
        var rawCover = Path.Combine(outDir, "cover.raw.pdf");
        var interiorPdf = Path.Combine(outDir, "interior.pdf");
        var coverPdf = Path.Combine(outDir, "cover.pdf");
        // Two tabs of one browser: the cover prints while the interior does, and gets its exact boxes while the interior still prints.
        var coverPrint = PrintWithBoxesAsync(printer, coverHtml, rawCover, coverPdf, _ => cover.Boxes, ct);
        var printed = await PrintWithBoxesAsync(printer, interiorHtml, rawInterior, interiorPdf, interior.BoxesFor, ct);
        progress?.Report("Printing the cover");
        var coverPrinted = await coverPrint;
        progress?.Report("Setting exact print boxes");
        var overflow = printed.OverflowingPages.Select(p => $"page {p}").Concat(coverPrinted.OverflowingPages.Select(_ => "the cover")).ToList();
        if (overflow.Count > 0)
        {
            throw new BuildException(
                $"the text of {string.Join(", ", overflow)} does not fit even at the smallest size for ages {spec.Age.ToCli()}; shorten that text or the title, or choose a larger trim");
        }
        return new PrintedBook(interiorPdf, coverPdf, cover.Geometry);
    }

    private static async Task<PrintResult> PrintWithBoxesAsync(ChromiumPrinter printer, string html, string raw, string pdf,
        Func<int, PageBoxes> boxes, CancellationToken ct)
    {
        var printed = await printer.PrintAsync(html, raw, ct);
        await PdfBoxWriter.WriteAsync(raw, pdf, boxes, ct);
        File.Delete(raw);
        return printed;
    }

    /// <summary>
    /// Prints the wrap cover again with its front panel left empty (back, spine and the picture's strip over the folds only),
    /// for a front designed elsewhere and laid over it; the boxes are the cover's.
    /// </summary>
    public async Task<string> PrintCoverForDesignedFrontAsync(BookSpec spec, Manuscript manuscript, string artRoot, string coverPdf,
        ChromiumPrinter printer, CancellationToken ct)
    {
        var art = new ArtStore(artRoot, artEngine, ArtEngineId, grayscale: spec.Ink == Print.Kdp.Ink.Bw);
        var cover = new CoverLayout(manuscript, spec, art, designedFront: true);
        var html = Path.Combine(artRoot, "cover-designed-front.html");
        await WriteTextAsync(html, cover.Build(), ct);
        var raw = coverPdf + ".raw.pdf";
        var printed = await printer.PrintAsync(html, raw, ct);
        if (printed.OverflowingPages.Count > 0)
        {
            throw new BuildException("the blurb on the back cover does not fit even at the smallest size; shorten it or choose a larger trim");
        }
        await PdfBoxWriter.WriteAsync(raw, coverPdf, _ => cover.Boxes, ct);
        File.Delete(raw);
        return coverPdf;
    }

    /// <summary>
    /// The eBook's cover: the print cover's front laid out again on a 5 x 8 in trim (exactly 1.6:1), its picture drawn for that
    /// frame, and shot without bleed, barcode or price as a 1600 x 2560 px JPEG.
    /// </summary>
    public async Task ShootEbookCoverAsync(BookSpec spec, Manuscript manuscript, string artRoot, ChromiumPrinter printer, string jpegPath, CancellationToken ct)
    {
        var ebookSpec = spec with { Trim = Print.Kdp.Trims.Find(5m, 8m)!, Bleed = true };
        var art = new ArtStore(artRoot, artEngine, ArtEngineId, grayscale: false);
        var cover = new CoverLayout(manuscript, ebookSpec, art);
        var html = Path.Combine(artRoot, "ebook-cover.html");
        await WriteTextAsync(html, cover.Build(), ct);
        const double px = 4.0 / 3.0;
        var g = cover.Geometry;
        var front = g.FrontPanel;
        var scale = 1600 / (front.Width * px);
        var tmp = jpegPath + $".{Guid.NewGuid():N}.jpg";
        await printer.InTabAsync(html, (int)Math.Ceiling(g.WidthPt * px) + 8, (int)Math.Ceiling(g.HeightPt * px) + 4, scale, async tab =>
        {
            await tab.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions
            {
                Path = tmp,
                Type = Microsoft.Playwright.ScreenshotType.Jpeg,
                Quality = 88,
                Clip = new Microsoft.Playwright.Clip { X = (float)(front.X0 * px), Y = (float)((g.HeightPt - front.Y1) * px), Width = (float)(front.Width * px), Height = (float)(front.Height * px) },
            });
            return 0;
        }, ct);
        File.Move(tmp, jpegPath, overwrite: true);
    }

    /// <summary>Checks the PDFs against the KDP rules and writes preflight.json beside them.</summary>
    public static async Task<(PreflightReport Report, ReadingLevel? ReadingLevel)> PreflightAsync(BookSpec spec, Manuscript manuscript,
        string interiorPdf, string coverPdf, string preflightJson, CancellationToken ct, ContentReport? content = null)
    {
        var report = await PreflightRunner.RunAsync(new PreflightRequest(interiorPdf, coverPdf, spec.PrintOptions), ct);
        var readingLevel = ReadingLevel.For(manuscript);
        // The file travels with the book (a download, a zip): it names the PDFs beside it, not the folder they were made in.
        var written = report.ForUser(Path.GetFileName(interiorPdf), Path.GetFileName(coverPdf));
        await WriteJsonAsync(preflightJson, new PreflightFile(written.Verdict, written.Passed, written.Request, written.Checks, readingLevel) { Story = StoryCheckOf(manuscript), Content = content, Plan = manuscript.Plan }, ct);
        return (report, readingLevel);
    }

    public static async Task WriteJsonAsync<T>(string path, T value, CancellationToken ct) =>
        await WriteTextAsync(path, JsonSerializer.Serialize(value, BookBuilder.Json), ct);

    public static async Task WriteTextAsync(string path, string text, CancellationToken ct)
    {
        var tmp = path + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(tmp, text, ct);
        File.Move(tmp, path, overwrite: true);
    }
}
