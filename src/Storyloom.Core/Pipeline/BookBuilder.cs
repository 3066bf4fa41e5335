using System.Diagnostics;
using System.Text.Json;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Layout;
using Storyloom.Core.Story;
using Storyloom.Print.Geometry;
using Storyloom.Print.Preflight;
using Storyloom.Print.Printing;

namespace Storyloom.Core.Pipeline;

/// <summary>One step of a build, for progress bars: Index counts from 1 to Total.</summary>
public sealed record BuildProgress(int Index, int Total, string Step);

/// <summary>What a finished build produced. When preflight failed nothing was published: <see cref="OutputDirectory"/> is then the
/// staging folder that holds the failed PDFs and their preflight.json, and the folder the book was asked for is as it was.</summary>
public sealed record BookResult(
    string OutputDirectory,
    Manuscript Manuscript,
    PreflightReport Preflight,
    CoverGeometry Cover,
    IReadOnlyList<string> Files,
    int PicturesDrawn,
    int PicturesReused,
    TimeSpan Elapsed,
    ReadingLevel? ReadingLevel)
{
    /// <summary>True when the files were moved into the folder asked for (every MUST rule of preflight passed).</summary>
    public bool Published { get; init; } = true;

    /// <summary>The eBook's check when one was made (preflight.json's ebook section).</summary>
    public global::Storyloom.Core.Ebook.EbookReport? Ebook { get; init; }

    /// <summary>The folder the book was asked for.</summary>
    public string RequestedDirectory { get; init; } = OutputDirectory;

    /// <summary>The AI pictures' check, when the art engine made one.</summary>
    public ContentReport? Content { get; init; }
}

/// <summary>preflight.json: the KDP checks, plus the reading level when the book has a manuscript to read.</summary>
public sealed record PreflightFile(string Verdict, bool Passed, PreflightRequest Request, IReadOnlyList<PreflightCheck> Checks, ReadingLevel? ReadingLevel)
{
    /// <summary>Story books: the story check (theme, cast, travel, named-but-not-in-the-scene, repetition, length).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public StoryReport? Story { get; init; }

    /// <summary>AI pictures: what the vision check saw in each, redraws included.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ContentReport? Content { get; init; }

    /// <summary>Coloring and concept books with the AI writer: who planned the pages and what the plan's check found.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PlanReport? Plan { get; init; }
}

/// <summary>A build that could not finish; the message is one line saying what went wrong and what to do.</summary>
public sealed class BuildException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs the declared steps of <see cref="BookPipeline"/> in memory, for the CLI: story, safety, art, layout (PDFs with exact
/// boxes), preflight, previews, the eBook when asked, package. Everything, the build/ sources included, is written
/// to a staging folder outside the output folder and moved into place only when every step succeeded and preflight passed,
/// so a failed build leaves the output folder as it was. A book that fails preflight keeps its staging folder (the PDFs and
/// preflight.json) for the user to read; other failures delete it.
/// </summary>
public sealed class BookBuilder(IStoryEngine story, IArtEngine artEngine)
{
    private readonly BookSteps _steps = new(story, artEngine);

    /// <summary>The voice that reads a narrated eBook; by default espeak-ng in the book's language (offline).</summary>
    public Func<Manuscript, global::Storyloom.Core.Ebook.IVoice> Voice { get; init; } = m => new global::Storyloom.Core.Ebook.EspeakVoice(m.Language);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="printer">A warm printer to reuse; when null one is started and stopped for this build.</param>
    public async Task<BookResult> BuildAsync(BookSpec spec, string outputDirectory, IProgress<BuildProgress>? progress = null,
        ChromiumPrinter? printer = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var outDir = Path.GetFullPath(outputDirectory);
        PrepareOutput(outDir);
        var staging = Path.Combine(StagingRoot, $"{Path.GetFileName(outDir.TrimEnd(Path.DirectorySeparatorChar))}-{Guid.NewGuid():N}");
        var buildDir = Path.Combine(staging, "build");
        var keepStaging = false;
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(buildDir);
        var ownsPrinter = printer is null;
        // Chromium takes about a second to start: let it start while the story is written and the art drawn.
        var printerTask = printer is null ? ChromiumPrinter.StartAsync() : Task.FromResult(printer);
        Task? closing = null;
        try
        {
            var ebook = BookPipeline.EbookAsked(spec);
            // Progress follows the declared steps; the server saves the same steps (the art step once per picture).
            var steps = BookPipeline.For(ebook);
            var step = 0;
            void Report(string name)
            {
                step = steps.Select((s, i) => (s, i)).First(x => x.s.Name == name).i + 1;
                progress?.Report(new BuildProgress(step, steps.Count, steps[step - 1].Label));
            }

            Report(BookPipeline.Story);
            var manuscript = _steps.WriteStory(spec);
            await BookSteps.WriteJsonAsync(Path.Combine(staging, "manuscript.json"), manuscript, ct);
            await BookSteps.WriteJsonAsync(Path.Combine(staging, "listing.json"), _steps.Listing(spec, manuscript), ct);

            Report(BookPipeline.Safety);
            if (BookSteps.CheckSafety(spec, manuscript) is { Passed: false } safety)
            {
                throw new BuildException("the book fails its safety check: " + string.Join("; ", safety.Problems.Take(3)) + "; try another --seed or theme, and please report it");
            }

            Report(BookPipeline.Art);
            var plan = _steps.PlanArt(spec, manuscript, buildDir);
            ReuseArt(plan, Path.Combine(outDir, "build"));
            var drawn = plan.Steps.Sum(s => BookSteps.DrawArt(plan, s.Name));
            var reused = plan.Steps.Sum(s => s.Files.Count) - drawn;

            Report(BookPipeline.Layout);
            printer = await printerTask;
            var printed = await _steps.PrintAsync(spec, manuscript, buildDir, staging, printer, null, ct);
            if (ownsPrinter && !ebook)
            {
                // Nothing else needs the browser: it shuts down while the PDFs are checked, not after.
                closing = DisposeStartedPrinterAsync(printerTask);
            }

            Report(BookPipeline.Preflight);
            // Previews only read the finished PDFs, so they render while preflight checks them.
            var previews = Previews.RenderAsync(printed.InteriorPdf, printed.CoverPdf, Path.Combine(staging, "preview"), ct);
            var content = _steps.ContentOf(manuscript);
            var (report, readingLevel) = await BookSteps.PreflightAsync(spec, manuscript, printed.InteriorPdf, printed.CoverPdf,
                Path.Combine(staging, "preflight.json"), ct, content);

            Report(BookPipeline.Previews);
            await previews;

            global::Storyloom.Core.Ebook.EbookReport? ebookReport = null;
            if (ebook && report.Passed)
            {
                Report(BookPipeline.Ebook);
                ebookReport = await new global::Storyloom.Core.Ebook.EbookBuilder(_steps).BuildAsync(spec, manuscript, staging, printer, spec.Narrate ? Voice(manuscript) : null, null, ct);
            }
            Report(BookPipeline.Package);
            if (!report.Passed || ebookReport is { Passed: false })
            {
                keepStaging = true;
                var kept = Directory.EnumerateFileSystemEntries(staging).Order(StringComparer.Ordinal).ToList();
                return new BookResult(staging, manuscript, report, printed.Cover, kept, drawn, reused, clock.Elapsed, readingLevel)
                {
                    Published = false,
                    Content = content,
                    RequestedDirectory = outDir,
                    Ebook = ebookReport,
                };
            }
            var files = Publish(staging, outDir);
            return new BookResult(outDir, manuscript, report, printed.Cover, files, drawn, reused, clock.Elapsed, readingLevel) { Content = content, Ebook = ebookReport };
        }
        finally
        {
            if (ownsPrinter)
            {
                await (closing ?? DisposeStartedPrinterAsync(printerTask));
            }
            if (!keepStaging && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Where builds are staged: the temp folder, so nothing appears in the output folder until the book is good.</summary>
    public static string StagingRoot => Path.Combine(Path.GetTempPath(), "storyloom-staging");

    /// <summary>Pictures already drawn into the output folder's build/ by an earlier run are copied in, not drawn again.</summary>
    private static void ReuseArt(ArtPlan plan, string publishedBuild)
    {
        foreach (var picture in plan.Pictures)
        {
            var old = Path.Combine(publishedBuild, picture.RelativePath);
            var target = Path.Combine(plan.ArtRoot, picture.RelativePath);
            if (File.Exists(old) && !File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(old, target);
            }
        }
    }

    private static async Task DisposeStartedPrinterAsync(Task<ChromiumPrinter> starting)
    {
        try
        {
            await (await starting).DisposeAsync();
        }
        catch (Exception)
        {
            // It never started; the build has already failed with the reason, which must not be masked here.
        }
    }

    /// <summary>Fails early, before any work, when the folder cannot be written; creates nothing (a folder that does not exist
    /// yet is made when the book is published, so a failed build leaves no trace).</summary>
    public static void PrepareOutput(string outDir)
    {
        try
        {
            if (File.Exists(outDir))
            {
                throw new BuildException($"--out {outDir} is a file; give a folder path");
            }
            // The folder itself, or the nearest folder above it that exists, must take a new file.
            var probeDir = outDir;
            while (!Directory.Exists(probeDir) && Path.GetDirectoryName(probeDir) is { } parent)
            {
                if (File.Exists(parent))
                {
                    throw new IOException($"{parent} is a file, not a folder");
                }
                probeDir = parent;
            }
            var probe = Path.Combine(probeDir, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException($"cannot write to --out {outDir} ({e.Message.TrimEnd('.')}); choose a folder you can write to", e);
        }
    }

    /// <summary>Moves the staged files into the output folder (file by file: the staging folder may be on another disk);
    /// preview/ is replaced, build/ is merged so earlier pictures stay for the next run.</summary>
    private static List<string> Publish(string staging, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        var preview = Path.Combine(outDir, "preview");
        if (Directory.Exists(preview))
        {
            Directory.Delete(preview, recursive: true);
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(outDir, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                MoveTree(entry, target);
            }
            else
            {
                File.Move(entry, target, overwrite: true);
            }
            files.Add(target);
        }
        return files;
    }

    private static void MoveTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Move(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            MoveTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
