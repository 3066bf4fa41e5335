using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Storyloom.Server.Tests.Ops;

/// <summary>A real HTTP server on loopback that records every POST it gets: where alert webhooks land in the tests.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(string PathAndQuery, JsonElement Body)> Calls { get; } = new();

    /// <summary>Each call's Storyloom-Signature header and exact body bytes, in the order of <see cref="Calls"/>.</summary>
    public ConcurrentQueue<(string? Signature, byte[] Body)> Raw { get; } = new();

    /// <summary>The address to give as a webhook URL (the path and query are recorded too).</summary>
    public string Url { get; private set; } = "";

    private WebhookReceiver(WebApplication app) => _app = app;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var bytes = new MemoryStream();
            await context.Request.Body.CopyToAsync(bytes);
            using var body = JsonDocument.Parse(bytes.ToArray());
            receiver.Raw.Enqueue((context.Request.Headers["Storyloom-Signature"].FirstOrDefault(), bytes.ToArray()));
            receiver.Calls.Enqueue((context.Request.Path + context.Request.QueryString, body.RootElement.Clone()));
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
