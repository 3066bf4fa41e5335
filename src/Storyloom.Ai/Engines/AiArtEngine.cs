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
public sealed class AiArtEngine(OpenAiPainter painter) : IArtEngine, IReviewedArt
{
    private readonly ConditionalWeakTable<Manuscript, Lazy<PaintedBook>> _books = [];
    private readonly OfflineArtEngine _lineArt = new();
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
    }

    /// <summary>The vision check of a book painted in this process (null when checks are off or nothing was painted).</summary>
    public ContentReport? ContentOf(Manuscript manuscript)
    {
        if (!_books.TryGetValue(manuscript, out var lazy) || !lazy.IsValueCreated) return null;
        var reviews = lazy.Value.Reviews ?? [];
        var resolution = _resolution.TryGetValue(manuscript, out var r) ? r.Values.OrderBy(v => v.Picture == "cover" ? int.MaxValue : int.Parse(v.Picture[5..], CultureInfo.InvariantCulture)).ToList() : [];
        return new ContentReport(painter.Checker ?? "off", reviews.Count, reviews.Count(r => r.Redraws > 0), reviews.Count(r => !r.Passed),
            [.. reviews.OrderBy(r => r.Page ?? int.MaxValue)]) { Resolution = resolution };
    }

    public string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) => _lineArt.DrawColoringPage(manuscript, page, frame);

    /// <summary>Paints the whole book on the first call, at the size closest to that call's frame (every page of a book has one shape).</summary>
    private PaintedBook Paint(Manuscript manuscript, ArtFrame frame)
    {
        var lazy = _books.GetValue(manuscript, m => new Lazy<PaintedBook>(() => AiFailures.Run("painting the pictures", () => painter.PaintAsync(m, CancellationToken.None, frame.WidthPt / frame.HeightPt))));
        var book = lazy.Value;
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
