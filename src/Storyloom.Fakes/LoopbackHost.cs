using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Storyloom.Fakes;

/// <summary>How every fake is hosted: a slim app without logging, Kestrel on 127.0.0.1 only (port 0 picks a free one).</summary>
internal static class LoopbackHost
{
    public static WebApplication Build(int port, HttpProtocols protocols = HttpProtocols.Http1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port, l => l.Protocols = protocols));
        return builder.Build();
    }

    /// <summary>Starts the app and answers the address it listens on, as http://127.0.0.1:PORT (no trailing slash).</summary>
    public static async Task<string> StartAsync(WebApplication app, int port, CancellationToken ct)
    {
        await app.StartAsync(ct);
        var address = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()?.Addresses.First() : null;
        return (address ?? $"http://127.0.0.1:{port}").Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public static async ValueTask StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
