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
/// lives in the database, so a change made by another server, a worker or the CLI is seen at once; per node, bounded. With
/// Redis the answers are shared too: a book read on one node is served from Redis on the others (still checked against the
/// stamp), and a write anywhere drops the entry from Redis and from every node's memory (<see cref="Cluster.ChangeSignals"/>).
/// </summary>
internal sealed class BookReadCache : IDisposable
{
    public const string Signal = "book";
    private const int MaxBooks = 4096;
    private static readonly TimeSpan SharedLifetime = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _books = new(new MemoryCacheOptions { SizeLimit = MaxBooks });
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };
    private readonly JsonSerializerOptions _json;
    private readonly Cluster.RedisLink _link;

    public BookReadCache(IOptions<JsonOptions> json, Cluster.RedisLink link)
    {
        _json = json.Value.SerializerOptions;
        _link = link;
        link.On(Signal, id => { if (Guid.TryParse(id, out var bookId)) Forget(bookId); });
        // Writes made while Redis was away were not announced: what this node holds is checked against the database again.
        link.OnRestored(() => _books.Clear());
    }

    public CachedBook? Find(Guid id) => _books.TryGetValue(id, out CachedBook? hit) ? hit : null;

    /// <summary>Serialises <paramref name="book"/> once, as <c>TypedResults.Ok</c> would; kept only when asked to.</summary>
    public CachedBook Make(BookStamp stamp, BookDto book) => new(book.OwnerId, stamp, JsonSerializer.SerializeToUtf8Bytes(book, _json));

    public void Keep(Guid id, CachedBook book) => _books.Set(id, book, Entry);

    /// <summary>Drops the entry from this node's memory only (a write calls <see cref="Cluster.ChangeSignals"/>, which tells every node).</summary>
    public void Forget(Guid id) => _books.Remove(id);

    /// <summary>The answer another node put in Redis under exactly <paramref name="stamp"/>; null without Redis or on a miss.</summary>
    public async Task<CachedBook?> FindSharedAsync(Guid id, BookStamp stamp)
    {
        if (_link.Database is not { } db)
        {
            return null;
        }
        try
        {
            var value = (byte[]?)await db.StringGetAsync(SharedKey(id));
            if (value is null || value.Length < Header)
            {
                return null;
            }
            var found = new BookStamp(
                new DateTime(BitConverter.ToInt64(value, 16), DateTimeKind.Utc), BitConverter.ToInt32(value, 24),
                BitConverter.ToInt64(value, 28) is var cast and not 0 ? new DateTime(cast, DateTimeKind.Utc) : null);
            return found == stamp ? new CachedBook(new Guid(value.AsSpan(0, 16)), found, value[Header..]) : null;
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Puts the answer in Redis for the other nodes; nothing without Redis.</summary>
    public async Task KeepSharedAsync(Guid id, CachedBook book)
    {
        if (_link.Database is not { } db)
        {
            return;
        }
        var value = new byte[Header + book.Json.Length];
        book.OwnerId.TryWriteBytes(value.AsSpan(0, 16));
        BitConverter.TryWriteBytes(value.AsSpan(16, 8), book.Stamp.UpdatedAt.Ticks);
        BitConverter.TryWriteBytes(value.AsSpan(24, 4), book.Stamp.CastCount);
        BitConverter.TryWriteBytes(value.AsSpan(28, 8), book.Stamp.CastUpdatedAt?.Ticks ?? 0);
        book.Json.CopyTo(value, Header);
        try
        {
            await db.StringSetAsync(SharedKey(id), value, SharedLifetime);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Not shared this time; the next read tries again.
        }
    }

    // Owner (16 bytes), the stamp (8 + 4 + 8), then the JSON as sent.
    private const int Header = 36;

    public StackExchange.Redis.RedisKey SharedKey(Guid id) => _link.Key("book:" + id.ToString("N"));

    public void Dispose() => _books.Dispose();
}
