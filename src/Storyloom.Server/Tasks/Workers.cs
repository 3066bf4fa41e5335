using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Printing;

namespace Storyloom.Server.Tasks;

/// <summary>The two steps that leave the process (Chromium prints, poppler and qpdf check): the seam where queue tests put a fast fake.</summary>
public interface IBookPrinting
{
    Task PrintAsync(BookSteps steps, BookSpec spec, Manuscript manuscript, string artRoot, string outDir, CancellationToken ct);

    Task PreflightAsync(BookSpec spec, Manuscript manuscript, string interiorPdf, string coverPdf, string preflightJson, CancellationToken ct);

    /// <summary>The previews step: PNGs of the cover and first pages into <paramref name="directory"/>.</summary>
    Task PreviewsAsync(string interiorPdf, string coverPdf, string directory, CancellationToken ct);
}

internal sealed class ChromiumBookPrinting(PrinterHost printer) : IBookPrinting
{
    public async Task PrintAsync(BookSteps steps, BookSpec spec, Manuscript manuscript, string artRoot, string outDir, CancellationToken ct) =>
        await steps.PrintAsync(spec, manuscript, artRoot, outDir, await printer.GetAsync(ct), null, ct);

    public Task PreviewsAsync(string interiorPdf, string coverPdf, string directory, CancellationToken ct) =>
        Previews.RenderAsync(interiorPdf, coverPdf, directory, ct);

    public Task PreflightAsync(BookSpec spec, Manuscript manuscript, string interiorPdf, string coverPdf, string preflightJson, CancellationToken ct) =>
        BookSteps.PreflightAsync(spec, manuscript, interiorPdf, coverPdf, preflightJson, ct);
}

/// <summary>One warm Chromium per worker process, started on the first book and shared by its jobs (one tab each).</summary>
internal sealed class PrinterHost : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ChromiumPrinter? _printer;

    public async Task<ChromiumPrinter> GetAsync(CancellationToken ct)
    {
        if (_printer is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(ct);
        try
        {
            return _printer ??= await ChromiumPrinter.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_printer is not null)
        {
            await _printer.DisposeAsync();
        }
        _gate.Dispose();
    }
}

/// <summary>
/// Wraps the art engine for benchmarks and tests (Storyloom:Jobs:SimulatedArtLatency, ArtCallLog): each picture can take
/// as long as a paid model's, and each call can be written down so a test can count them across processes.
/// </summary>
internal sealed class ObservedArtEngine(IArtEngine inner, JobOptions options) : IArtEngine
{
    private static readonly Lock LogGate = new();

    public ContentCredit Credit => inner.Credit;

    public string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) =>
        Observe(manuscript, page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), frame, () => inner.DrawStoryPage(manuscript, page, frame));

    public string DrawCover(Manuscript manuscript, ArtFrame frame) => Observe(manuscript, "cover", frame, () => inner.DrawCover(manuscript, frame));

    public string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) =>
        Observe(manuscript, page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), frame, () => inner.DrawColoringPage(manuscript, page, frame));

    private string Observe(Manuscript manuscript, string what, ArtFrame frame, Func<string> draw)
    {
        if (options.SimulatedArtLatency > TimeSpan.Zero)
        {
            Thread.Sleep(options.SimulatedArtLatency);
        }
        var svg = draw();
        if (options.ArtCallLog is { Length: > 0 } path)
        {
            lock (LogGate)
            {
                File.AppendAllText(path, $"{manuscript.Title}|{what}|{frame}|{Environment.ProcessId}\n");
            }
        }
        return svg;
    }
}
