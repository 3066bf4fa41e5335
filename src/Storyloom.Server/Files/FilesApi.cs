using System.IO.Compression;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;

namespace Storyloom.Server.Files;

/// <summary>
/// Downloads of a book's built files and its versions (one per build); only its owner or an admin, 404 for everyone else
/// and before the first build. The files come from the configured store (a folder or a bucket).
/// </summary>
internal static partial class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/books/{id:guid}").WithTags("Files").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/files/{name}", Download).WithName("DownloadBookFile")
            .WithSummary("Download interior.pdf, cover.pdf, listing.json, manuscript.json, preflight.json, ebook.epub or ebook-cover.jpg of the latest build (or ?version=n)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["application/json", "application/epub+zip", "image/jpeg"]);
        files.MapGet("/files.zip", Zip).WithName("DownloadBookZip")
            .WithSummary("Every file of the latest build (or ?version=n) in one zip, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        files.MapGet("/ebook/read-along", ReadAlong.Pages).WithName("ReadAlongPages")
            .WithSummary("The eBook's pages as its EPUB has them: picture, text boxes, and for a narrated eBook each page's audio with the time each sentence is read");
        files.MapGet("/ebook/items/{**path}", ReadAlong.Item).WithName("EbookItem")
            .WithSummary("One picture, sound, style sheet or font from inside ebook.epub (a path under EPUB/ that read-along names)")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "audio/mpeg", "audio/mp4", "text/css", "font/ttf"]);
        files.MapGet("/versions", BookVersions.List).WithName("ListBookVersions")
            .WithSummary("The book's builds, newest first; each rebuild adds one and keeps the older ones until deleted");
        files.MapDelete("/versions/{number:int}", BookVersions.Delete).WithName("DeleteBookVersion")
            .WithSummary("Delete one build and its files; the only build left cannot be deleted (409)");
        files.MapPost("/versions/{number:int}/restore", RestoreVersion.Handle).WithName("RestoreBookVersion")
            .WithSummary("Make an older build the current one: its files become a new version (the current one is kept) and the pages go back to what it printed; restoring the latest throws away edits made since");
        return api;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> Download(
        Guid id, string name, string? version, ClaimsPrincipal user, StoryloomDb db, BookFiles files, CancellationToken ct)
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
        if (!TryVersion(version, out var number, out var invalid))
        {
            return invalid;
        }
        var build = await BookVersions.FindAsync(db, id, number, ct);
        if (build is null)
        {
            return NotFound(number is null ? $"{name} is not built yet; generate the book first" : NoVersion(id, number.Value));
        }
        var stream = build.Files().Any(f => f.Name == name) ? await files.OpenReadAsync(id, build.Number, name, ct) : null;
        return stream is null
            ? NotFound($"version {build.Number} has no {name}")
            : TypedResults.Stream(stream, contentType, $"{Slug(book.Title)}-{name}", lastModified: build.CreatedAt, enableRangeProcessing: stream.CanSeek);
    }

    private static async Task<Results<PushStreamHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> Zip(
        Guid id, string? version, ClaimsPrincipal user, StoryloomDb db, BookFiles files, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        if (!TryVersion(version, out var number, out var invalid))
        {
            return invalid;
        }
        var build = await BookVersions.FindAsync(db, id, number, ct);
        if (build is null)
        {
            return NotFound(number is null ? "the book is not built yet; generate it first" : NoVersion(id, number.Value));
        }
        var folder = Slug(book.Title);
        var names = BookFiles.Known.Keys.Where(k => build.Files().Any(f => f.Name == k)).ToList();
        return TypedResults.Stream(async body =>
        {
            // Written straight to the response: a 600 MB interior never sits in memory or in a temp file.
            var output = new SmallSyncWritesBuffered(body);
            await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
            {
                await WriteEntriesAsync(zip, folder, files, build, names, ct);
            }
            await output.FlushAsync(ct);
        }, "application/zip", $"{folder}.zip");
    }

    /// <summary>?version=n: a positive whole number, or absent for the latest build.</summary>
    internal static bool TryVersion(string? text, out int? number, out ValidationProblem invalid)
    {
        number = null;
        invalid = null!;
        if (text is null)
        {
            return true;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            number = n;
            return true;
        }
        invalid = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["version"] = [$"version is '{text}'; give a version number from GET /books/{{id}}/versions, or leave it out for the latest"],
        });
        return false;
    }

    private static string NoVersion(Guid id, int number) => $"the book has no version {number}; GET /api/v1/books/{id}/versions lists them";

    private static async Task WriteEntriesAsync(ZipArchive zip, string folder, BookFiles files, BookVersion build, IReadOnlyList<string> names, CancellationToken ct)
    {
        foreach (var name in names)
        {
            await using var source = await files.OpenReadAsync(build.BookId, build.Number, name, ct);
            if (source is null)
            {
                continue;
            }
            // PDFs are compressed already; deflating them again costs CPU for nothing.
            var level = name.EndsWith(".pdf", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            var entry = zip.CreateEntry($"{folder}/{name}", level);
            entry.LastWriteTime = build.CreatedAt;
            await using var target = await entry.OpenAsync(ct);
            await source.CopyToAsync(target, ct);
        }
    }

    internal static ProblemHttpResult NotFound(string detail) =>
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
