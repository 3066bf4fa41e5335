using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Ops;

/// <summary>A tiny OTLP/HTTP collector on loopback: keeps each protobuf body POSTed to /v1/traces and /v1/metrics and answers 200.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private LoopbackApp _app = null!;

    public ConcurrentQueue<(string Path, string ContentType, byte[] Body)> Posts { get; } = new();

    /// <summary>The base address, as OTEL_EXPORTER_OTLP_ENDPOINT takes it.</summary>
    public string Url => _app.Url;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._app = await LoopbackApp.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Posts.Enqueue(($"/v1/{signal}", context.Request.ContentType ?? "", body.ToArray()));
            // An empty Export…ServiceResponse: full success.
            return Results.Bytes([], "application/x-protobuf");
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
