using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Canva;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Geometry;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Canva;

/// <summary>
/// The "canva" step of a book whose pages or cover use a brand template: each picture is uploaded as an asset, each story
/// page (or the cover) is one autofill job, each design is exported as PDF and downloaded, and the PDFs are fitted onto
/// the book's KDP pages (bleed included) in place of Storyloom's own, so preflight and packaging treat them like any layout.
/// </summary>
internal sealed partial class CanvaBookMaker(StoryloomDb db, CanvaAccounts accounts, Tasks.PrinterHost printer)
{
    public const string Step = Core.Pipeline.BookPipeline.Canva;
    public const string InteriorFile = "out/interior.canva.pdf";
    public const string CoverFile = "out/cover.canva.pdf";

    /// <summary>How many designs the step fills: one per story page with a pages template, one for a cover template.</summary>
    public static int Designs(CanvaBookDto choice, Manuscript manuscript) =>
        (choice.PagesTemplateId is null ? 0 : manuscript.Pages.Count(p => p.Role == PageRole.Story)) + (choice.CoverTemplateId is null ? 0 : 1);

    public async Task<CanvaBookDto?> ChoiceAsync(Guid bookId, CancellationToken ct)
    {
        var choice = await CanvaBooks.LoadAsync(db, bookId, ct);
        return choice.PagesTemplateId is null && choice.CoverTemplateId is null ? null : choice;
    }

    /// <param name="progress">A message and how much of the step is done (0–1), for the task's events and percent.</param>
    public async Task MakeAsync(Guid ownerId, CanvaBookDto choice, BookSpec spec, Manuscript manuscript, BookSteps steps, ArtPlan plan, string work,
        Func<string, double, Task> progress, CancellationToken ct)
    {
        if (!accounts.Options.Configured)
        {
            throw new StepFailedException("this book uses Canva brand templates but the server has no Canva integration; ask the admin to set Storyloom:Canva, or clear the templates (PUT /api/v1/canva/books/{id})");
        }
        var client = accounts.ClientFor(ownerId);
        // KDP wants 300 ppi: a picture as wide as the page (bleed included), with a little to spare.
        var pixels = (int)Math.Ceiling(Math.Max(new InteriorGeometry(spec.PrintOptions).MediaBox.Width, spec.PrintOptions.Trim.WidthPt + 9) / 72 * 300 * 1.05);
        try
        {
            var explained = CanvaConnect.Explain(await client.GetCapabilitiesAsync(ct));
            if (!explained.CanMakeBooks)
            {
                throw new StepFailedException(string.Join(" ", explained.Explanation) + " Clear the Canva templates of this book to make it with Storyloom's layouts.");
            }
            var folder = Path.Combine(work, "canva");
            Directory.CreateDirectory(folder);
            var outDir = Path.Combine(work, "out");
            var story = choice.PagesTemplateId is null ? [] : manuscript.Pages.Where(p => p.Role == PageRole.Story).ToList();
            // One design per story page and one for the cover, plus the fitting: the share of the step each one is.
            double designs = story.Count + (choice.CoverTemplateId is null ? 0 : 1) + 1;
            var made = 0;
            if (choice.PagesTemplateId is { } pagesTemplate)
            {
                var mapping = await MappingAsync(ownerId, pagesTemplate, ct);
                var designed = new List<(int Page, string Pdf)>();
                foreach (var page in story)
                {
                    await progress($"Canva: filling page {page.Number} ({designed.Count + 1} of {story.Count})", made++ / designs);
                    var picture = mapping.ContainsValue(CanvaContent.PagePicture) ? PictureOf(plan, page.Number) : null;
                    var pdf = Path.Combine(folder, $"page-{page.Number:000}.pdf");
                    await DesignAsync(client, pagesTemplate, mapping, manuscript, page.Text, picture, pixels, $"{manuscript.Title}, page {page.Number}", pdf, folder, ct);
                    designed.Add((page.Number, pdf));
                }
                await progress("Canva: fitting the pages onto the book's trim", made / designs);
                await CanvaAssembly.ReplacePagesAsync(Path.Combine(outDir, "interior.pdf"), designed, new InteriorGeometry(spec.PrintOptions),
                    Path.Combine(work, InteriorFile), folder, ct);
            }
            if (choice.CoverTemplateId is { } coverTemplate)
            {
                var mapping = await MappingAsync(ownerId, coverTemplate, ct);
                await progress("Canva: filling the cover", made++ / designs);
                var picture = mapping.ContainsValue(CanvaContent.CoverPicture) ? PictureOf(plan, null) : null;
                var pdf = Path.Combine(folder, "cover.pdf");
                await DesignAsync(client, coverTemplate, mapping, manuscript, null, picture, pixels, $"{manuscript.Title}, cover", pdf, folder, ct);
                await progress("Canva: fitting the cover design onto the front panel", made / designs);
                // Storyloom's cover without its front panel, so its title and picture do not lie hidden under the design.
                var back = await steps.PrintCoverForDesignedFrontAsync(spec, manuscript, plan.ArtRoot, Path.Combine(folder, "cover-back-and-spine.pdf"),
                    await printer.GetAsync(ct), ct);
                await CanvaAssembly.ReplaceFrontCoverAsync(back, pdf, new CoverGeometry(spec.PrintOptions), Path.Combine(work, CoverFile), folder, ct);
            }
        }
        catch (CanvaException e)
        {
            throw new StepFailedException(e.Message);
        }
    }

    private async Task<Dictionary<string, CanvaContent>> MappingAsync(Guid ownerId, string templateId, CancellationToken ct) =>
        await CanvaTemplates.LoadMappingAsync(db, ownerId, templateId, ct)
            ?? throw new StepFailedException($"brand template {templateId} has no saved field mapping; save one (PUT /api/v1/canva/brand-templates/{templateId}/mapping) and retry");

    /// <summary>Upload the picture (if the template takes one), fill the template, export the design and download its PDF.</summary>
    private async Task DesignAsync(CanvaClient client, string templateId, Dictionary<string, CanvaContent> mapping, Manuscript manuscript,
        string? pageText, string? svg, int pixels, string title, string pdfPath, string folder, CancellationToken ct)
    {
        string? assetId = null;
        if (svg is not null)
        {
            var png = await RasterizeAsync(svg, pixels, folder, ct);
            assetId = (await client.UploadAssetAsync(await File.ReadAllBytesAsync(png, ct), Path.GetFileNameWithoutExtension(pdfPath), ct)).Id;
        }
        var data = new Dictionary<string, AutofillValue>(StringComparer.Ordinal);
        foreach (var (field, content) in mapping)
        {
            AutofillValue? value = content switch
            {
                CanvaContent.Title => AutofillValue.ForText(manuscript.Title),
                CanvaContent.Author => AutofillValue.ForText(manuscript.Author),
                CanvaContent.PageText when pageText is not null => AutofillValue.ForText(pageText),
                CanvaContent.PagePicture or CanvaContent.CoverPicture when assetId is not null => AutofillValue.ForImage(assetId),
                _ => null,
            };
            if (value is not null)
            {
                data[field] = value;
            }
        }
        var filled = await client.AutofillAsync(new AutofillRequest(templateId, title.Length > 255 ? title[..255] : title, data), ct);
        var urls = await client.ExportPdfAsync(filled.Design.Id, ct);
        var parts = new List<string>();
        for (var i = 0; i < urls.Count; i++)
        {
            var part = urls.Count == 1 ? pdfPath : $"{pdfPath}.{i}.pdf";
            await File.WriteAllBytesAsync(part, await client.DownloadAsync(urls[i], ct), ct);
            parts.Add(part);
        }
        if (parts.Count > 1)
        {
            // One link per page: the book takes the design's first page.
            File.Copy(parts[0], pdfPath, overwrite: true);
        }
    }

    /// <summary>The page's (or, for null, the cover's) main picture: the first one its art step drew.</summary>
    private static string? PictureOf(ArtPlan plan, int? page) =>
        plan.Steps.FirstOrDefault(s => s.Page == page)?.Files.FirstOrDefault() is { } relative ? Path.Combine(plan.ArtRoot, relative) : null;

    /// <summary>Canva takes PNG, not SVG: Chromium draws the SVG <paramref name="width"/> pixels across (gradients and all), as it does for print.</summary>
    private async Task<string> RasterizeAsync(string svg, int width, string folder, CancellationToken ct)
    {
        var head = new string((await File.ReadAllTextAsync(svg, ct)).AsSpan(0, Math.Min(600, (int)new FileInfo(svg).Length)));
        var box = ViewBox().Match(head);
        var (w, h) = box.Success
            ? (double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture))
            : (1.0, 1.0);
        var height = (int)Math.Round(width * h / w);
        var name = Path.GetFileNameWithoutExtension(svg);
        var html = Path.Combine(folder, name + ".html");
        var png = Path.Combine(folder, name + ".png");
        if (File.Exists(png))
        {
            return png;
        }
        await File.WriteAllTextAsync(html,
            $"<!doctype html><html><body style=\"margin:0;background:#fff\"><img src=\"{new Uri(svg).AbsoluteUri}\" style=\"display:block;width:100vw;height:100vh\"></body></html>", ct);
        await (await printer.GetAsync(ct)).ScreenshotAsync(html, png, width, height, ct);
        return File.Exists(png) ? png : throw new StepFailedException($"Chromium did not draw {Path.GetFileName(svg)} as PNG for Canva");
    }

    [GeneratedRegex(@"viewBox=""\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*""")]
    private static partial Regex ViewBox();
}
