using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Ops;

/// <summary>A real HTTP server on loopback that records every POST it gets: where alert webhooks land in the tests.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackApp _app = null!;

    public ConcurrentQueue<(string PathAndQuery, JsonElement Body)> Calls { get; } = new();

    /// <summary>Each call's Storyloom-Signature header and exact body bytes, in the order of <see cref="Calls"/>.</summary>
    public ConcurrentQueue<(string? Signature, byte[] Body)> Raw { get; } = new();

    /// <summary>The address to give as a webhook URL (the path and query are recorded too).</summary>
    public string Url => _app.Url;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._app = await LoopbackApp.StartAsync(app => app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var bytes = new MemoryStream();
            await context.Request.Body.CopyToAsync(bytes);
            using var body = JsonDocument.Parse(bytes.ToArray());
            receiver.Raw.Enqueue((context.Request.Headers["Storyloom-Signature"].FirstOrDefault(), bytes.ToArray()));
            receiver.Calls.Enqueue((context.Request.Path + context.Request.QueryString, body.RootElement.Clone()));
            return Results.NoContent();
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
