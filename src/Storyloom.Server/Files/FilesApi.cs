using System.IO.Compression;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Files;

/// <summary>Downloads of a book's built files; only its owner or an admin, 404 for everyone else and before the first build.</summary>
internal static partial class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/books/{id:guid}").WithTags("Files").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/files/{name}", Download).WithName("DownloadBookFile")
            .WithSummary("Download interior.pdf, cover.pdf, listing.json, manuscript.json or preflight.json of the last build")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["application/json"]);
        files.MapGet("/files.zip", Zip).WithName("DownloadBookZip")
            .WithSummary("Every file of the last build in one zip, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return api;
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Download(
        Guid id, string name, ClaimsPrincipal user, StoryloomDb db, StoryloomOptions options, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        if (!BookFiles.Known.TryGetValue(name, out var contentType))
        {
            return NotFound($"there is no file '{name}'; ask for one of {string.Join(", ", BookFiles.Known.Keys)}");
        }
        var path = new BookFiles(options).PathOf(id, name);
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, contentType, $"{Slug(book.Title)}-{name}", enableRangeProcessing: true)
            : NotFound($"{name} is not built yet; generate the book first");
    }

    private static async Task<Results<PushStreamHttpResult, NotFound, ProblemHttpResult>> Zip(
        Guid id, ClaimsPrincipal user, StoryloomDb db, StoryloomOptions options, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var existing = new BookFiles(options).Existing(id);
        if (existing.Count == 0)
        {
            return NotFound("the book is not built yet; generate it first");
        }
        var folder = Slug(book.Title);
        return TypedResults.Stream(async body =>
        {
            // Written straight to the response: a 600 MB interior never sits in memory or in a temp file.
            var output = new SmallSyncWritesBuffered(body);
            await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
            {
                await WriteEntriesAsync(zip, folder, existing, ct);
            }
            await output.FlushAsync(ct);
        }, "application/zip", $"{folder}.zip");
    }

    private static async Task WriteEntriesAsync(ZipArchive zip, string folder, IReadOnlyList<(string Name, string Path)> existing, CancellationToken ct)
    {
        foreach (var (name, path) in existing)
        {
            // PDFs are compressed already; deflating them again costs CPU for nothing.
            var level = name.EndsWith(".pdf", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            var entry = zip.CreateEntry($"{folder}/{name}", level);
            entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using var target = await entry.OpenAsync(ct);
            await source.CopyToAsync(target, ct);
        }
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    internal static string Slug(string title)
    {
        var slug = NonWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "book" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}

/// <summary>
/// ZipArchive (.NET 10) still writes each entry's data descriptor synchronously when the entry stream is closed, which the
/// server forbids; those few bytes are held here and sent with the next asynchronous write.
/// </summary>
internal sealed class SmallSyncWritesBuffered(Stream inner) : Stream
{
    private readonly MemoryStream _pending = new();
    private long _position;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _position += buffer.Length;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPendingAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
        _position += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    private async Task SendPendingAsync(CancellationToken ct)
    {
        if (_pending.Length > 0)
        {
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            _pending.SetLength(0);
        }
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
