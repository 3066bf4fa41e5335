using System.Globalization;
using System.Runtime.CompilerServices;
using Storyloom.Ai.Art;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;

namespace Storyloom.Ai.Engines;

/// <summary>
/// <see cref="IArtEngine"/> over <see cref="OpenAiPainter"/>. The first picture asked for paints the whole book at once
/// (reference sheets, then every page concurrently up to the rate limits); each picture is then handed to the layout as an SVG
/// of the frame's size with the PNG embedded full-bleed (sliced to fill), so layout and printing stay as they are.
/// Coloring pages are line art for the offline engine: a model is not asked for them.
/// </summary>
/// <remarks>The picture check's report is also kept in the asset cache under the book's pictures, so a task resumed in another
/// process (its pictures already drawn, nothing painted there) still writes the content section of preflight.json.</remarks>
public sealed class AiArtEngine(OpenAiPainter painter, AssetCache? reports = null) : IArtEngine, IReviewedArt
{
    private readonly ConditionalWeakTable<Manuscript, Lazy<PaintedBook>> _books = [];
    private readonly ConditionalWeakTable<Manuscript, System.Collections.Concurrent.ConcurrentDictionary<string, PictureResolution>> _resolution = [];

    public ContentCredit Credit => painter.Credit;

    /// <summary>Every book painted so far (one per manuscript).</summary>
    public IEnumerable<PaintedBook> Painted => _books.Select(b => b.Value.Value);

    public string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame)
    {
        var book = Paint(manuscript, frame);
        var png = book.Pages.TryGetValue(page.Number, out var p) ? p
            : book.Cover ?? throw new InvalidOperationException($"no picture was painted for page {page.Number}: {string.Join("; ", book.Findings)}");
        Measure(manuscript, $"page {page.Number}", png, frame);
        return Svg(png, frame);
    }

    public string DrawCover(Manuscript manuscript, ArtFrame frame)
    {
        var png = Paint(manuscript, frame).Cover ?? throw new InvalidOperationException("no cover picture was painted");
        Measure(manuscript, "cover", png, frame);
        return Svg(png, frame);
    }

    /// <summary>Notes the source pixels per inch of a picture as it fills its frame.</summary>
    private void Measure(Manuscript manuscript, string picture, byte[] png, ArtFrame frame)
    {
        if (png.Length < 24) return;
        var w = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var h = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        _resolution.GetOrCreateValue(manuscript)[picture] = PictureResolution.Of(picture, w, h, frame.WidthPt / 72, frame.HeightPt / 72);
        Keep(manuscript);
    }

    /// <summary>
    /// The vision check of the book's pictures: of the painting in this process, else the one kept in the cache by the process that
    /// painted them (a resumed task); null when checks are off or the pictures were never painted.
    /// </summary>
    public ContentReport? ContentOf(Manuscript manuscript)
    {
        var kept = Kept(manuscript);
        if (!_books.TryGetValue(manuscript, out var lazy) || !lazy.IsValueCreated) return kept;
        var traced = _traced.TryGetValue(manuscript, out var t) ? t : new();
        // A traced design that breaks its level's rules fails its review, whatever the vision check said.
        var reviews = (lazy.Value.Reviews ?? []).Select(r => r.Page is { } n && traced.TryGetValue(n, out var problems) && problems.Count > 0
            ? r with { Passed = false, Problems = [.. r.Problems.Concat(problems).Distinct()] } : r).ToList();
        var measured = _resolution.TryGetValue(manuscript, out var r) ? r : new();
        // Pictures measured by the process that drew them before a stop, and those drawn here.
        var resolution = (kept?.Resolution ?? []).Where(k => !measured.ContainsKey(k.Picture)).Concat(measured.Values)
            .OrderBy(v => v.Picture == "cover" ? int.MaxValue : int.Parse(v.Picture[5..], CultureInfo.InvariantCulture)).ToList();
        return new ContentReport(painter.Checker ?? "off", reviews.Count, reviews.Count(r => r.Redraws > 0), reviews.Count(r => !r.Passed),
            [.. reviews.OrderBy(r => r.Page ?? int.MaxValue)]) { Resolution = resolution };
    }

    /// <summary>Saves this process's report under the book's pictures (when checks are on and a cache was given).</summary>
    private void Keep(Manuscript manuscript)
    {
        if (reports is null || painter.Checker is null || ContentOf(manuscript) is not { } report) return;
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, BookBuilder.Json);
        reports.StoreAsync(painter.ReportKey(manuscript), json, CancellationToken.None).GetAwaiter().GetResult();
    }

    private ContentReport? Kept(Manuscript manuscript)
    {
        if (reports is null || painter.Checker is null) return null;
        var json = reports.TryGetAsync(painter.ReportKey(manuscript), CancellationToken.None).GetAwaiter().GetResult();
        return json is null ? null : System.Text.Json.JsonSerializer.Deserialize<ContentReport>(json, BookBuilder.Json);
    }

    /// <summary>
    /// A coloring design: the model's line art of the page, thresholded and traced to black outline paths (<see cref="LineArt"/>),
    /// fitted into the frame; what breaks the level's rules is added to the page's review.
    /// </summary>
    public string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame)
    {
        var book = Paint(manuscript, frame);
        var png = book.Pages.TryGetValue(page.Number, out var p) ? p : throw new InvalidOperationException($"no picture was painted for page {page.Number}");
        var level = page.Illustration?.Props.FirstOrDefault(x => x.StartsWith("level:", StringComparison.Ordinal)) is { } tag
            && BookFormatNames.Levels.TryGetValue(tag["level:".Length..], out var l) ? l : ColoringLevel.Simple;
        var traced = LineArt.Trace(png, frame, level);
        // Vector outlines print crisp at any size: no source pixels per inch to report for a traced design.
        _traced.GetOrCreateValue(manuscript)[page.Number] = traced.Problems;
        return traced.Svg;
    }

    private readonly ConditionalWeakTable<Manuscript, System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<string>>> _traced = [];

    /// <summary>Paints the whole book on the first call, at the size closest to that call's frame (every page of a book has one shape).</summary>
    private PaintedBook Paint(Manuscript manuscript, ArtFrame frame)
    {
        var lazy = _books.GetValue(manuscript, m => new Lazy<PaintedBook>(() => AiFailures.Run("painting the pictures", () => painter.PaintAsync(m, CancellationToken.None, frame.WidthPt / frame.HeightPt))));
        var fresh = !lazy.IsValueCreated;
        var book = lazy.Value;
        if (fresh) Keep(manuscript);
        // Pictures whose prompts moderation stopped need the user; a book is never printed with a hole in it.
        if (book.Findings.Count > 0) throw new BuildException($"moderation stopped {string.Join("; ", book.Findings)}; the book was stopped for you to review, nothing was printed");
        return book;
    }

    /// <summary>The picture as a standalone SVG of the frame's size: the PNG scaled to cover the whole frame, centred, edges cropped.</summary>
    public static string Svg(byte[] png, ArtFrame frame)
    {
        var w = frame.WidthPt.ToString("0.###", CultureInfo.InvariantCulture);
        var h = frame.HeightPt.ToString("0.###", CultureInfo.InvariantCulture);
        png = PngResampler.ToPrint(png, frame.WidthPt, frame.HeightPt);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" preserveAspectRatio="xMidYMid slice"><image href="data:image/png;base64,{Convert.ToBase64String(png)}" x="0" y="0" width="{w}" height="{h}" preserveAspectRatio="xMidYMid slice"/></svg>""";
    }
}
