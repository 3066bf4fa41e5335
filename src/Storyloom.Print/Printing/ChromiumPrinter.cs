using Storyloom.Print.Tools;
using Microsoft.Playwright;

namespace Storyloom.Print.Printing;

/// <summary>Where to find Chromium and how long a print may take.</summary>
public sealed record ChromiumOptions
{
    /// <summary>Defaults to $STORYLOOM_CHROMIUM, then /usr/bin/chromium.</summary>
    public string ExecutablePath { get; init; } =
        Environment.GetEnvironmentVariable("STORYLOOM_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);
}

/// <summary>What the page's own fit script reported after layout.</summary>
/// <param name="OverflowingPages">1-based pages whose text did not fit its box even at the smallest allowed size.</param>
public sealed record PrintResult(IReadOnlyList<int> OverflowingPages);

/// <summary>
/// One warm headless Chromium, driven through Playwright, that prints HTML files to PDF with the page size the
/// HTML's CSS <c>@page</c> rule asks for. Thread-safe: each print uses its own tab.
/// </summary>
public sealed class ChromiumPrinter : IAsyncDisposable
{
    // Without the background-networking flags Chromium keeps dialing out, and this machine has no network.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--font-render-hinting=none",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ChromiumOptions _options;

    private ChromiumPrinter(IPlaywright playwright, IBrowser browser, ChromiumOptions options)
    {
        _playwright = playwright;
        _browser = browser;
        _options = options;
    }

    public static async Task<ChromiumPrinter> StartAsync(ChromiumOptions? options = null)
    {
        options ??= new ChromiumOptions();
        if (!File.Exists(options.ExecutablePath))
        {
            throw new ExternalToolException(
                $"Chromium was not found at {options.ExecutablePath}; install the Debian package 'chromium' (./storyloom demo does this) or set STORYLOOM_CHROMIUM");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = true,
                Args = Args,
                Timeout = (float)options.Timeout.TotalMilliseconds,
            });
            return new ChromiumPrinter(playwright, browser, options);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> using the CSS page size.</summary>
    public async Task<PrintResult> PrintAsync(string htmlPath, string pdfPath, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var page = await _browser.NewPageAsync();
        try
        {
            var timeout = (float)_options.Timeout.TotalMilliseconds;
            page.SetDefaultTimeout(timeout);
            await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            // Fonts and the fit script must finish before printing.
            await page.EvaluateAsync("() => document.fonts.ready.then(() => window.storyloomFit ? window.storyloomFit() : null)");
            var overflow = await page.EvaluateAsync<int[]>(
                "() => Array.from(document.querySelectorAll('[data-overflow]')).map(e => Number(e.closest('[data-page]')?.dataset.page ?? 0))");
            ct.ThrowIfCancellationRequested();
            await page.PdfAsync(new PagePdfOptions
            {
                Path = pdfPath,
                PreferCSSPageSize = true,
                PrintBackground = true,
                Outline = false,
                Tagged = false,
            });
            return new PrintResult(overflow.Distinct().Order().ToArray());
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Draws <paramref name="htmlPath"/> into a PNG of <paramref name="width"/> × <paramref name="height"/> pixels, in a tab of the same warm browser.</summary>
    public async Task ScreenshotAsync(string htmlPath, string pngPath, int width, int height, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        try
        {
            var timeout = (float)_options.Timeout.TotalMilliseconds;
            page.SetDefaultTimeout(timeout);
            await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            ct.ThrowIfCancellationRequested();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = pngPath, Type = ScreenshotType.Png });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Opens <paramref name="htmlPath"/> in a new tab of the warm browser with the given viewport and pixel density, waits for its
    /// fonts, and hands the tab to <paramref name="work"/> (the eBook step reads text boxes and shoots page pictures this way).</summary>
    public async Task<T> InTabAsync<T>(string htmlPath, int width, int height, double deviceScale, Func<IPage, Task<T>> work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = (float)deviceScale,
        });
        try
        {
            var timeout = (float)_options.Timeout.TotalMilliseconds;
            page.SetDefaultTimeout(timeout);
            await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            await page.EvaluateAsync("() => document.fonts.ready.then(() => window.storyloomFit ? window.storyloomFit() : null)");
            return await work(page);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
