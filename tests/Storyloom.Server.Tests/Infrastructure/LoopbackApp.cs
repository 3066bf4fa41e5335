using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 with a free port, for what the server under test calls out to (webhooks, OTLP).</summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>The base address, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; }

    private LoopbackApp(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<LoopbackApp> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackApp(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
