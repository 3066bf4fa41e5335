using System.Data;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;

namespace Storyloom.Server.Books;

/// <summary>
/// GET /books/{id}, the hottest read of the API. While nothing was committed to the database since the cached answer was last
/// checked (<see cref="DatabaseVersion"/>), it costs no query of its own; otherwise one query for the owner and the stamps,
/// and the rest from memory while they hold. The answer carries an ETag; a client that sends it back gets 304.
/// </summary>
internal static class ReadBook
{
    public static async Task<Results<BookJson, NotFound>> Handle(
        Guid id, HttpContext context, BookReadCache cache, DatabaseVersion versions, CancellationToken ct)
    {
        // Read before anything else: a commit after this point moves the version on, and the next read checks again.
        var version = await versions.CurrentAsync(ct);
        var user = context.User;
        var cached = cache.Find(id);
        if (cached is not null && cached.HoldsAt(version))
        {
            return user.CanSee(cached.OwnerId) ? new BookJson(cached) : TypedResults.NotFound();
        }
        // Taken only now, as the user gate does: a hit does not even rent a DbContext from the pool.
        var db = context.RequestServices.GetRequiredService<StoryloomDb>();
        var head = await HeadAsync(db, id, ct);
        if (head is not { } found)
        {
            cache.Forget(id);
            return TypedResults.NotFound();
        }
        if (!user.CanSee(found.OwnerId))
        {
            return TypedResults.NotFound();
        }
        var stamp = found.Stamp;
        if (cached is not null && cached.Stamp == stamp)
        {
            cached.HeldAt(version);
            return new BookJson(cached);
        }
        // Another node may have read it under this very stamp: its answer is in Redis.
        if (await cache.FindSharedAsync(id, stamp) is { } shared)
        {
            shared.HeldAt(version);
            cache.Keep(id, shared);
            return new BookJson(shared);
        }
        var book = await db.Books.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var fresh = cache.Make(stamp, await db.DetailsAsync(book, ct));
        // Keep only what was read under the stamp just checked: a write in between leaves the next read to load again.
        if (book.UpdatedAt == stamp.UpdatedAt)
        {
            fresh.HeldAt(version);
            cache.Keep(id, fresh);
            await cache.KeepSharedAsync(id, fresh);
        }
        return new BookJson(fresh);
    }

    /// <summary>The owner and the stamps of a book; null when there is no such book.</summary>
    private static async Task<(Guid OwnerId, BookStamp Stamp)?> HeadAsync(StoryloomDb db, Guid id, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await PostgresHeadAsync(db, id, ct);
        }
        var head = await db.Books.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new
            {
                b.OwnerId,
                b.UpdatedAt,
                CastCount = db.BookCharacters.Count(x => x.BookId == id),
                CastUpdatedAt = db.BookCharacters.Where(x => x.BookId == id)
                    .Join(db.Characters, x => x.CharacterId, c => c.Id, (x, c) => (DateTime?)c.UpdatedAt).Max(),
            })
            .FirstOrDefaultAsync(ct);
        return head is null ? null : (head.OwnerId, new BookStamp(head.UpdatedAt, head.CastCount, head.CastUpdatedAt));
    }

    private const string PostgresHead = """
        SELECT b.owner_id, b.updated_at,
               (SELECT count(*) FROM book_characters x WHERE x.book_id = b.id),
               (SELECT max(c.updated_at) FROM book_characters x JOIN characters c ON c.id = x.character_id WHERE x.book_id = b.id)
        FROM books b WHERE b.id = $1
        """;

    /// <summary>
    /// The same query as plain ADO.NET, prepared: Npgsql keeps a prepared statement per physical connection, so PostgreSQL plans
    /// it once per connection instead of on every read, and EF's per-query work (the LINQ tree, its cache key) is skipped.
    /// </summary>
    private static async Task<(Guid OwnerId, BookStamp Stamp)?> PostgresHeadAsync(StoryloomDb db, Guid id, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(PostgresHead, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            await command.PrepareAsync(ct);
            await using var row = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
            if (!await row.ReadAsync(ct))
            {
                return null;
            }
            return (row.GetGuid(0), new BookStamp(Utc(row.GetDateTime(1)), (int)row.GetInt64(2), await row.IsDBNullAsync(3, ct) ? null : Utc(row.GetDateTime(3))));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}

/// <summary>A book's JSON as cached: 200 with the bytes, or 304 when the client already holds them (If-None-Match).</summary>
internal sealed class BookJson(CachedBook book) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ETag = book.ETag;
        // Private: the answer depends on who asks. no-cache: a browser may keep it but must ask again (and gets 304).
        response.Headers.CacheControl = "private, no-cache";
        if (Matches(context.Request.Headers.IfNoneMatch, book.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = book.Json.Length;
        return response.Body.WriteAsync(book.Json, context.RequestAborted).AsTask();
    }

    /// <summary>If-None-Match compares weakly: W/"x" matches "x"; * matches anything.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag)
    {
        foreach (var value in header)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*" || part == etag || (part.StartsWith("W/", StringComparison.Ordinal) && part.AsSpan(2).SequenceEqual(etag)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(BookDto), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
    }
}
