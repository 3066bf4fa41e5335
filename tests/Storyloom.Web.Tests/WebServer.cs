using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Storyloom.Fakes.Canva;
using Storyloom.Server.Hosting;

namespace Storyloom.Web.Tests;

/// <summary>
/// The real server (SQLite, offline engines) on Kestrel at 127.0.0.1 on a free port, serving the built web app, and one
/// headless Debian Chromium. A browser needs a real socket, so this is not a TestServer. The server's Canva integration
/// points at the fake Canva on another loopback port (a user sees Canva only after connecting it).
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public WebApplication App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("storyloom-web-test-").FullName;
    public IBrowser Browser { get; private set; } = null!;
    public FakeCanvaServer Canva { get; private set; } = null!;
    private IPlaywright? _playwright;

    /// <summary>Where the tests save screenshots of the main screens (STORYLOOM_WEB_SHOTS, default /tmp/storyloom-web-shots).</summary>
    public static string ShotsDirectory { get; } =
        Environment.GetEnvironmentVariable("STORYLOOM_WEB_SHOTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "storyloom-web-shots");

    public async ValueTask InitializeAsync()
    {
        Canva = await FakeCanvaServer.StartAsync();
        App = StoryloomServer.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storyloom:DataDirectory"] = DataDirectory,
                ["Storyloom:Database:Provider"] = "sqlite",
                ["Storyloom:Limits:RequestsPerMinute"] = "1000000",
                ["Storyloom:Limits:AuthRequestsPerMinute"] = "1000000",
                // The fake Canva listens on loopback; a self-hoster allows such hosts the same way.
                ["Storyloom:Network:AllowedPrivateHosts"] = "127.0.0.1, ::1, localhost",
                ["Storyloom:Canva:ClientId"] = FakeCanvaServer.ClientId,
                ["Storyloom:Canva:ClientSecret"] = FakeCanvaServer.ClientSecret,
                ["Storyloom:Canva:AuthorizeUrl"] = Canva.AuthorizeUrl,
                ["Storyloom:Canva:ApiBaseUrl"] = Canva.ApiBaseUrl,
                ["Storyloom:Canva:PollFirstDelay"] = "00:00:00.020",
                ["Storyloom:Canva:PollMaxDelay"] = "00:00:00.200",
                ["Storyloom:Canva:RetryBaseDelay"] = "00:00:00.050",
            });
        });
        await StoryloomServer.PrepareDatabaseAsync(App.Services, CancellationToken.None);
        await App.StartAsync();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The port is known only now; Canva's callback is built from the public URL, never from the Host header.
        App.Services.GetRequiredService<StoryloomOptions>().PublicUrl = BaseUrl;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ShotsDirectory);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            // The tests inject axe-core as an inline script.
            BypassCSP = true,
        });
        // Generous: the build machine is shared and often loaded.
        context.SetDefaultTimeout(120_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Canva.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans /tmp
        }
    }
}
