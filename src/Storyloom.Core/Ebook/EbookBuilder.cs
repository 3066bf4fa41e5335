using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyloom.Core.Books;
using Storyloom.Core.Layout;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Geometry;
using Storyloom.Print.Preflight;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;

namespace Storyloom.Core.Ebook;

/// <summary>One finding of the eBook check: the rule, MUST or SHOULD, the page (0 for the whole book) and what is wrong.</summary>
public sealed record EbookFinding(string Rule, string Level, int Page, string Message);

/// <summary>The <c>ebook</c> section of preflight.json.</summary>
/// <param name="DeliveryCostUsd">KDP's delivery cost per sale at the 70% royalty, US store: $0.15 per MB.</param>
public sealed record EbookReport(
    string Verdict,
    bool Passed,
    string File,
    long Bytes,
    double Megabytes,
    double DeliveryCostUsd,
    int Pages,
    IReadOnlyList<int> LeftOut,
    string Viewport,
    double MinFontPx,
    double SmallestCapMm,
    string Cover,
    bool Narrated,
    string? Narrator,
    double NarrationSeconds,
    EpubCheckResult Epubcheck,
    IReadOnlyList<EbookFinding> Findings,
    double Seconds)
{
    /// <summary>Seconds each part took: pages, cover, narration, pack, check (for bench/).</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();
}

/// <summary>listing.json's <c>ebook</c> section: what KDP's eBook forms ask.</summary>
public sealed record ListingEbook(string File, string Cover, int Pages, string ReadingAge, int ReadingAgeMin, int ReadingAgeMax,
    double FileSizeMb, double DeliveryCostUsd, bool Narrated, string? Narrator, AiDisclosureEbook AiContent);

/// <summary>The AI-content answers of the eBook: the print book's, plus who made the narration.</summary>
public sealed record AiDisclosureEbook(AiAnswer Text, AiAnswer Images, AiAnswer Translations, AiAnswer? Narration, string Note);

/// <summary>
/// Adds the Kindle eBook to a book already printed: ebook.epub (fixed layout, one page per printed page but for the print-only
/// ones) and ebook-cover.jpg (2560 × 1600), made from the same interior.html, pictures and fonts; epubcheck, size and delivery
/// cost go into preflight.json's <c>ebook</c> section and the eBook's fields into listing.json.
/// </summary>
public sealed class EbookBuilder(BookSteps steps)
{
    public const string EpubFile = "ebook.epub";
    public const string CoverFile = "ebook-cover.jpg";

    /// <summary>Pages that exist only for paper: blank backs, the colour test, the notes pages that pad a print book.</summary>
    public static bool IsPrintOnly(PageRole role) => role is PageRole.BlankBack or PageRole.ColorTest or PageRole.Notes or PageRole.BelongsTo;

    public static bool CanMake(BookKind kind) => kind == BookKind.Story;

    /// <param name="bookDir">The book's folder (or its staging folder): manuscript.json, preflight.json, listing.json and build/interior.html.</param>
    /// <param name="voice">Reads each page aloud when given (media overlays); null makes a silent eBook.</param>
    /// <param name="buildDir">The folder of interior.html and the pictures when it is not the book folder's build/ (the server keeps a book's art apart).</param>
    public async Task<EbookReport> BuildAsync(BookSpec spec, Manuscript manuscript, string bookDir, ChromiumPrinter printer, IVoice? voice,
        IProgress<string>? progress, CancellationToken ct, string? buildDir = null)
    {
        if (!CanMake(manuscript.Kind))
        {
            throw new BuildException("coloring books have no eBook (a Kindle cannot be colored in); make it for story and concept books");
        }
        var clock = Stopwatch.StartNew();
        var build = buildDir ?? Path.Combine(bookDir, "build");
        var interiorHtml = Path.Combine(build, "interior.html");
        if (!File.Exists(interiorHtml))
        {
            throw new BuildException($"{interiorHtml} is missing; the eBook is made from the print layout, so build the print book first");
        }
        // A shared art folder is not a place for one run's scratch files.
        var work = Path.Combine(buildDir is null ? build : bookDir, "ebook-work");
        var screen = EbookGeometry.For(spec.Trim);
        var geometry = new InteriorGeometry(spec.PrintOptions);
        var kept = manuscript.Pages.Where(p => !IsPrintOnly(p.Role)).ToList();
        var leftOut = manuscript.Pages.Where(p => IsPrintOnly(p.Role)).Select(p => p.Number).ToList();

        var timings = new Dictionary<string, double>();
        var lap = Stopwatch.StartNew();
        void Lap(string name)
        {
            timings[name] = Math.Round(lap.Elapsed.TotalSeconds, 2);
            lap.Restart();
        }
        progress?.Report("Laying out the eBook pages");
        var captured = await PageCapture.CaptureAsync(printer, interiorHtml, geometry, screen, kept.Select(p => p.Number).ToList(),
            Path.Combine(work, "images"), ct);
        IReadOnlyList<EbookPage> pages = captured.Select(c =>
        {
            var page = kept.Single(p => p.Number == c.Number);
            return new EbookPage(c.Number, page.Role, c.ImageFile, c.Blocks, AltText(manuscript, page));
        }).ToList();

        Lap("pages");
        progress?.Report("Drawing the eBook cover");
        var coverJpeg = Path.Combine(bookDir, CoverFile);
        await steps.ShootEbookCoverAsync(spec, manuscript, build, printer, coverJpeg, ct);

        Lap("cover");
        if (voice is not null)
        {
            progress?.Report("Reading the pages aloud");
            pages = await Narration.NarrateAsync(pages, voice, Path.Combine(work, "audio"), ct);
            Lap("narration");
        }

        progress?.Report("Packing and checking the EPUB");
        var content = new EbookContent(manuscript, screen, coverJpeg, pages, Fonts(manuscript.Language), voice?.Narrator, Modified(bookDir));
        var tree = Path.Combine(work, "epub");
        EpubWriter.WriteTree(content, tree);
        var epub = Path.Combine(bookDir, EpubFile);
        EpubWriter.Zip(tree, epub);
        Lap("pack");
        var checkTask = EpubCheck.RunAsync(epub, ct);
        var (findings, smallestCap) = await CheckPagesAsync(printer, tree, pages, screen, Path.Combine(bookDir, "preview"), ct);
        Lap("page-check");
        var check = await checkTask;
        Lap("epubcheck-wait");

        var bytes = new FileInfo(epub).Length;
        var mb = bytes / 1024.0 / 1024.0;
        if (check.Fatal + check.Errors > 0)
        {
            findings.Insert(0, new EbookFinding("E1", "MUST", 0, $"epubcheck {check.Version}: {check.Fatal + check.Errors} errors, first: {check.Messages.First(m => m.Severity is "ERROR" or "FATAL").Message}"));
        }
        if (check.Warnings > 0)
        {
            findings.Insert(0, new EbookFinding("E1", "MUST", 0, $"epubcheck {check.Version}: {check.Warnings} warnings, first: {check.Messages.First(m => m.Severity == "WARNING").Message}"));
        }
        if (voice is null && mb > 5 * Math.Max(1, pages.Count / 32.0))
        {
            findings.Add(new EbookFinding("E5", "SHOULD", 0, $"the eBook is {mb:0.0} MB; aim for at most 5 MB for 32 pages (KDP charges $0.15 per MB at 70% royalty)"));
        }
        var passed = findings.All(f => f.Level != "MUST");
        var total = pages.Sum(p => p.Audio?.Seconds ?? 0);
        var report = new EbookReport(passed ? (findings.Count == 0 ? "PASS" : "PASS with notes") : "FAIL", passed, EpubFile, bytes, Math.Round(mb, 3),
            DeliveryCost(bytes), pages.Count, leftOut, $"{screen.Width}x{screen.Height}", screen.MinFontPx, Math.Round(smallestCap, 2),
            $"{CoverFile} 1600x2560", voice is not null, voice?.Narrator, Math.Round(total, 1), check, findings, Math.Round(clock.Elapsed.TotalSeconds, 1)) { Timings = timings };

        await UpdateJsonAsync(Path.Combine(bookDir, "preflight.json"), "ebook", JsonSerializer.SerializeToNode(report, BookBuilder.Json), ct);
        await UpdateJsonAsync(Path.Combine(bookDir, "listing.json"), "ebook", JsonSerializer.SerializeToNode(Listing(bookDir, manuscript, report, voice), BookBuilder.Json), ct);
        Directory.Delete(work, recursive: true);
        return report;
    }

    /// <summary>
    /// Reads a finished book folder back: its manuscript, and the brief as far as the eBook needs it (trim, ink, paper, bleed and
    /// page count from listing.json's print section).
    /// </summary>
    public static (BookSpec Spec, Manuscript Manuscript) ReadBook(string bookDir)
    {
        var manuscriptPath = Path.Combine(bookDir, "manuscript.json");
        var listingPath = Path.Combine(bookDir, "listing.json");
        if (!File.Exists(manuscriptPath) || !File.Exists(listingPath))
        {
            throw new BuildException($"{bookDir} is not a book folder (manuscript.json and listing.json are missing); give the folder `storyloom book new` wrote");
        }
        var manuscript = JsonSerializer.Deserialize<Manuscript>(File.ReadAllText(manuscriptPath), BookBuilder.Json)
            ?? throw new BuildException($"{manuscriptPath} is empty");
        var listing = JsonSerializer.Deserialize<ListingFile>(File.ReadAllText(listingPath), BookBuilder.Json)
            ?? throw new BuildException($"{listingPath} is empty");
        var trim = Print.Kdp.Trims.TryParse(listing.Print.Trim) ?? throw new BuildException($"listing.json names an unknown trim '{listing.Print.Trim}'");
        var spec = new BookSpec
        {
            Title = manuscript.Title, Author = manuscript.Author, Kind = manuscript.Kind, Age = manuscript.Age, Theme = manuscript.Theme,
            Seed = manuscript.Seed, ArtStyle = manuscript.ArtStyle, Trim = trim, Pages = listing.Print.Pages,
            Ink = Print.Kdp.InkPaperNames.ParseInk(listing.Print.Ink) ?? Print.Kdp.Ink.PremiumColor,
            Paper = Print.Kdp.InkPaperNames.ParsePaper(listing.Print.Paper) ?? Print.Kdp.Paper.White,
            Bleed = listing.Print.Bleed, Ebook = true,
        };
        return (spec, manuscript);
    }

    /// <summary>KDP's delivery cost for the 70% royalty in the US store: $0.15 per MB (of 1024 KB), to the cent, at least $0.01.</summary>
    public static double DeliveryCost(long bytes) => Math.Max(0.01, Math.Round(bytes / 1024.0 / 1024.0 * 0.15, 2, MidpointRounding.AwayFromZero));

    /// <summary>The alt text of a page's picture, from its scene; empty for a page with no picture (the copyright page).</summary>
    internal static string AltText(Manuscript m, ManuscriptPage page)
    {
        var scene = page.Illustration?.Description?.Trim();
        var first = m.Pages.FirstOrDefault(p => p.Illustration is not null)?.Illustration?.Description?.Trim();
        return page.Role switch
        {
            PageRole.Copyright => "",
            PageRole.Title => $"The cover picture of {m.Title}" + (first is { Length: > 0 } ? $": {first}" : "."),
            PageRole.MeetTheCharacters => "Portraits of the characters: " + string.Join("; ", m.Cast.Select(c => $"{c.Name}, {c.VisualDescription.TrimEnd('.')}")) + ".",
            PageRole.TheEnd when scene is null => $"The cover picture of {m.Title} again" + (first is { Length: > 0 } ? $": {first}" : "."),
            _ => scene ?? "",
        };
    }

    /// <summary>The fonts the print book used: Andika regular and bold, and the font of the language's own script.</summary>
    internal static IReadOnlyList<EmbeddedFont> Fonts(string language)
    {
        var fonts = new List<EmbeddedFont>
        {
            new(FontFile("Andika:regular"), "Andika", "normal", "normal"),
            new(FontFile("Andika:bold"), "Andika", "bold", "normal"),
        };
        if (Scripts.OwnFont(language) is { } own)
        {
            fonts.Add(new(FontFile(own), own, "normal", "normal"));
        }
        return fonts;
    }

    private static string FontFile(string pattern)
    {
        var run = ExternalTool.RunAsync("fc-match", ["-f", "%{file}", pattern], CancellationToken.None).GetAwaiter().GetResult();
        var file = run.StdoutText.Trim();
        if (!File.Exists(file) || !file.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase))
        {
            throw new BuildException($"the font '{pattern}' is not installed as TrueType (fc-match gave '{file}'); install {string.Join(", ", Scripts.Packages)}");
        }
        return file;
    }

    /// <summary>The book's manuscript date, so a rebuild of the same book gives the same EPUB metadata.</summary>
    private static DateTimeOffset Modified(string bookDir)
    {
        var manuscript = Path.Combine(bookDir, "manuscript.json");
        var time = File.Exists(manuscript) ? File.GetLastWriteTimeUtc(manuscript) : DateTime.UtcNow;
        return new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, TimeSpan.Zero);
    }

    /// <summary>
    /// Opens every page of the unpacked EPUB in Chromium at the eBook's size: each text box must show all its text inside the page
    /// and overlap no other; the smallest capital is measured. The first pages are saved as preview PNGs.
    /// </summary>
    private static async Task<(List<EbookFinding> Findings, double SmallestCapMm)> CheckPagesAsync(ChromiumPrinter printer, string tree,
        IReadOnlyList<EbookPage> pages, EbookGeometry screen, string previewDir, CancellationToken ct)
    {
        Directory.CreateDirectory(previewDir);
        var findings = new List<EbookFinding>();
        var smallest = double.MaxValue;
        var first = Path.Combine(tree, "EPUB", "pages", EpubWriter.PageName(pages[0]) + ".xhtml");
        await printer.InTabAsync(first, screen.Width, screen.Height, 1, async tab =>
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                if (i > 0)
                {
                    await tab.GotoAsync(new Uri(Path.Combine(tree, "EPUB", "pages", EpubWriter.PageName(page) + ".xhtml")).AbsoluteUri);
                    await tab.EvaluateAsync("() => document.fonts.ready");
                }
                var facts = await tab.EvaluateAsync<JsonElement>(CheckScript);
                foreach (var problem in facts.GetProperty("problems").EnumerateArray())
                {
                    findings.Add(new EbookFinding("E3", "MUST", page.Number, problem.GetString()!));
                }
                if (!EpubWriter.ForGrownUps(page.Role) && facts.GetProperty("smallest").GetDouble() is var px and > 0)
                {
                    smallest = Math.Min(smallest, screen.CapMm(px));
                }
                if (i < 3)
                {
                    await tab.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(previewDir, $"ebook-{EpubWriter.PageName(page)}.png") });
                }
            }
            return 0;
        }, ct);
        if (smallest < EbookGeometry.MinCapMm - 0.05)
        {
            findings.Add(new EbookFinding("E4", "MUST", 0, $"the smallest capitals are {smallest:0.0} mm high on a 7-inch screen; at least {EbookGeometry.MinCapMm} mm"));
        }
        return (findings, smallest == double.MaxValue ? 0 : smallest);
    }

    private const string CheckScript = """
        () => {
          const W = document.body.clientWidth, H = document.body.clientHeight;
          const blocks = [...document.querySelectorAll('.text')];
          const problems = [];
          let smallest = 0;
          blocks.forEach((b, i) => {
            const r = b.getBoundingClientRect();
            const words = b.textContent.trim().slice(0, 40);
            const mh = b.style.maxHeight || getComputedStyle(b).maxHeight;
            const maxH = mh.endsWith('%') ? parseFloat(mh) * H / 100 : parseFloat(mh);
            b.style.maxHeight = 'none';
            const need = b.getBoundingClientRect().height;
            b.style.maxHeight = '';
            if (need > maxH + 1) problems.push(`the text "${words}" does not fit its box (${Math.round(need)} px of ${Math.round(maxH)})`);
            if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5) problems.push(`the text "${words}" runs off the page`);
            blocks.slice(i + 1).forEach(o => {
              const q = o.getBoundingClientRect();
              if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1)
                problems.push(`the text "${words}" overlaps "${o.textContent.trim().slice(0, 40)}"`);
            });
            for (const e of [b, ...b.querySelectorAll('*')]) {
              if (![...e.childNodes].some(n => n.nodeType === 3 && n.nodeValue.trim())) continue;
              const px = parseFloat(getComputedStyle(e).fontSize);
              smallest = smallest === 0 ? px : Math.min(smallest, px);
            }
          });
          return { problems, smallest };
        }
        """;

    private static ListingEbook Listing(string bookDir, Manuscript m, EbookReport report, IVoice? voice)
    {
        var (min, max) = ListingFile.Ages(m.Age);
        AiAnswer? narration = voice is null ? null : new AiAnswer(voice.IsAiModel, voice.Narrator, voice.IsAiModel ? "Entire work, with minimal or no editing" : null);
        var print = ReadListing(bookDir)?.AiContent;
        var text = print?.Text ?? new AiAnswer(false, null, null);
        var images = print?.Images ?? new AiAnswer(false, null, null);
        var note = (print?.Note ?? "") + (voice is null ? "" : voice.IsAiModel
            ? " The narration was spoken by an AI voice: answer Yes for it where KDP asks about AI-generated audio."
            : " The narration is synthetic speech from espeak-ng, a rule-based (not AI) speech synthesizer.");
        return new ListingEbook(report.File, CoverFile, report.Pages, m.Listing.ReadingAge, min, max, report.Megabytes, report.DeliveryCostUsd,
            report.Narrated, report.Narrator, new AiDisclosureEbook(text, images, print?.Translations ?? new AiAnswer(false, null, null), narration, note.Trim()));
    }

    private static ListingFile? ReadListing(string bookDir)
    {
        var path = Path.Combine(bookDir, "listing.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<ListingFile>(File.ReadAllText(path), BookBuilder.Json) : null;
    }

    /// <summary>Sets one top-level property of a JSON file (written to a temp file, then renamed); the rest stays as it was.</summary>
    private static async Task UpdateJsonAsync(string path, string property, JsonNode? value, CancellationToken ct)
    {
        var root = File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!.AsObject() : new JsonObject();
        root[property] = value;
        await BookSteps.WriteTextAsync(path, root.ToJsonString(BookBuilder.Json), ct);
    }
}
