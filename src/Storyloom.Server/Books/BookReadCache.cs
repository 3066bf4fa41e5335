using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Storyloom.Server.Books;

/// <summary>What a book read shows depends on the book's row, its pages and its cast; these stamps change whenever any of them does
/// (<see cref="Data.ReadStamps"/>). The cast's count catches a character deleted from under a book.</summary>
internal readonly record struct BookStamp(DateTime UpdatedAt, int CastCount, DateTime? CastUpdatedAt);

/// <summary>A book's answer as sent (UTF-8 JSON and its ETag), with what it was read under.</summary>
internal sealed class CachedBook(Guid ownerId, BookStamp stamp, byte[] json)
{
    public Guid OwnerId { get; } = ownerId;
    public BookStamp Stamp { get; } = stamp;
    public byte[] Json { get; } = json;
    public string ETag { get; } = $"\"{Convert.ToBase64String(SHA256.HashData(json).AsSpan(0, 12)).Replace('+', '-').Replace('/', '_')}\"";

    // The database version (Data.DatabaseVersion) under which the stamp was last seen to hold; 0: never.
    private long _heldAt;

    /// <summary>True when nothing was committed since the stamp was last checked, so it still holds without asking.</summary>
    public bool HoldsAt(long? version) => version is { } v && Volatile.Read(ref _heldAt) == v;

    /// <summary><paramref name="version"/> must have been read before the stamp was checked: a later commit then moves it on.</summary>
    public void HeldAt(long? version) => Volatile.Write(ref _heldAt, version ?? 0);
}

/// <summary>
/// Book reads answered from memory, as the bytes once sent, while the book's stamp in the database is unchanged. The stamp
/// lives in the database, so a change made by another server, a worker or the CLI is seen at once; per node, bounded.
/// </summary>
internal sealed class BookReadCache(IOptions<JsonOptions> json) : IDisposable
{
    private const int MaxBooks = 4096;
    private readonly MemoryCache _books = new(new MemoryCacheOptions { SizeLimit = MaxBooks });
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public CachedBook? Find(Guid id) => _books.TryGetValue(id, out CachedBook? hit) ? hit : null;

    /// <summary>Serialises <paramref name="book"/> once, as <c>TypedResults.Ok</c> would; kept only when asked to.</summary>
    public CachedBook Make(BookStamp stamp, BookDto book) => new(book.OwnerId, stamp, JsonSerializer.SerializeToUtf8Bytes(book, _json));

    public void Keep(Guid id, CachedBook book) => _books.Set(id, book, Entry);

    public void Forget(Guid id) => _books.Remove(id);

    public void Dispose() => _books.Dispose();
}
