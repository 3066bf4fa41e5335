using Microsoft.Extensions.Caching.Memory;

namespace Storyloom.Server.Books;

/// <summary>What a book read shows depends on the book's row, its pages and its cast; these stamps change whenever any of them does
/// (<see cref="Data.ReadStamps"/>). The cast's count catches a character deleted from under a book.</summary>
internal readonly record struct BookStamp(DateTime UpdatedAt, int CastCount, DateTime? CastUpdatedAt);

/// <summary>
/// Book reads answered from memory while the book's stamp in the database is unchanged: one small query instead of three.
/// The stamp lives in the database, so a change made by another server, a worker or the CLI is seen at once; per node, bounded.
/// </summary>
internal sealed class BookReadCache : IDisposable
{
    private const int MaxBooks = 4096;
    private readonly MemoryCache _books = new(new MemoryCacheOptions { SizeLimit = MaxBooks });
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };

    public BookDto? Find(Guid id, BookStamp stamp) =>
        _books.TryGetValue(id, out (BookStamp Stamp, BookDto Book) hit) && hit.Stamp == stamp ? hit.Book : null;

    public void Keep(Guid id, BookStamp stamp, BookDto book) => _books.Set(id, (stamp, book), Entry);

    public void Dispose() => _books.Dispose();
}
