using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Accounts;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Books;

/// <summary>Book reads come from memory while the book's stamps hold; these tests change a book every way there is and read
/// it back at once. The clock is frozen, so a stamp that only followed the clock would miss every second change.</summary>
public abstract class BookReadCacheTests(ClockApp fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_change_to_a_book_its_pages_or_its_cast_shows_in_the_next_read()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        var pip = await client.CreateCharacterAsync("Pip", "fox", "brave");
        var book = await client.CreateBookAsync(("characterIds", new[] { pip.Id }));
        await (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).ReadAsync<BookDto>();
        await Read(client, book.Id);

        foreach (var text in new[] { "Pip ran up the hill.", "Pip ran down the hill." })
        {
            await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text });
            (await Read(client, book.Id)).Pages.Single(p => p.Number == 5).Excerpt.ShouldBe(text);
        }
        foreach (var title in new[] { "Pip's Kite", "Pip's Other Kite" })
        {
            await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { title });
            (await Read(client, book.Id)).Title.ShouldBe(title);
        }
        foreach (var name in new[] { "Pippa", "Pipkin" })
        {
            (await client.PutAsJsonAsync($"/api/v1/characters/{pip.Id}", new { name, species = "fox", traits = new[] { "brave" }, visualDescription = "a small fox" },
                ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Read(client, book.Id)).Characters.Single().Name.ShouldBe(name);
        }
        var reversed = (await Read(client, book.Id)).Pages.Where(p => p.Role == "story").Select(p => p.Number).Reverse().ToList();
        var firstStory = (await Read(client, book.Id)).Pages.First(p => p.Role == "story");
        await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/reorder", new { order = reversed });
        (await Read(client, book.Id)).Pages.Last(p => p.Role == "story").Excerpt.ShouldBe(firstStory.Excerpt);

        await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { characterIds = Array.Empty<Guid>() });
        (await Read(client, book.Id)).Characters.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_saved_by_another_process_without_loading_its_book_shows_in_the_next_read()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        var book = await client.CreateBookAsync();
        await (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).ReadAsync<BookDto>();
        var before = await Read(client, book.Id);

        // As a worker does: a context of its own, the page alone.
        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            var page = await db.Pages.SingleAsync(p => p.BookId == book.Id && p.Number == 6, Ct);
            page.Text = "Written by a worker.";
            await db.SaveChangesAsync(Ct);
        }

        var after = await Read(client, book.Id);
        after.Pages.Single(p => p.Number == 6).Excerpt.ShouldBe("Written by a worker.");
        after.UpdatedAt.ShouldBeGreaterThan(before.UpdatedAt);
    }

    [Fact]
    public async Task A_book_read_by_its_owner_is_still_hidden_from_everyone_else()
    {
        var owner = App.CreateClient(await App.CreateUserAsync());
        var book = await owner.CreateBookAsync();
        await Read(owner, book.Id);
        await Read(owner, book.Id);

        var other = App.CreateClient(await App.CreateUserAsync());
        (await other.GetAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.CreateClient(await App.CreateUserAsync(Storyloom.Server.Accounts.Roles.Admin)).GetAsync($"/api/v1/books/{book.Id}", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_row_changed_by_plain_sql_on_another_connection_shows_in_the_next_read()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        var book = await client.CreateBookAsync();
        await Read(client, book.Id);
        await Read(client, book.Id);

        // Not through the change tracker: as another process would, one statement that moves the stamp with the title.
        foreach (var title in new[] { "Changed Elsewhere", "Changed Again" })
        {
            await using (var scope = App.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
                var now = ReadStamps.Now().AddSeconds(title.Length);
                await db.Books.Where(b => b.Id == book.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Title, title).SetProperty(b => b.UpdatedAt, now), Ct);
            }
            (await Read(client, book.Id)).Title.ShouldBe(title);
        }

        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StoryloomDb>().Books.Where(b => b.Id == book.Id).ExecuteDeleteAsync(Ct);
        }
        (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_that_holds_the_current_etag_gets_304_and_a_changed_book_gets_a_new_one()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        var book = await client.CreateBookAsync();
        var first = await client.GetAsync($"/api/v1/books/{book.Id}", Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag.ShouldNotBeNull();
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        (await Conditional(client, book.Id, etag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await Conditional(client, book.Id, "W/" + etag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await Conditional(client, book.Id, "\"something-else\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { title = "A New Title" });
        var changed = await Conditional(client, book.Id, etag.Tag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await changed.ReadAsync<BookDto>()).Title.ShouldBe("A New Title");

        // The ETag proves nothing about who asks: another user still gets 404.
        var other = App.CreateClient(await App.CreateUserAsync());
        (await Conditional(other, book.Id, changed.Headers.ETag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, Guid id, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/books/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<BookDto> Read(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/books/{id}", Ct)).ReadAsync<BookDto>();
}

public sealed class SqliteBookReadCacheTests(SqliteClockApp app) : BookReadCacheTests(app), IClassFixture<SqliteClockApp>;

public sealed class PostgresBookReadCacheTests(PostgresClockApp app) : BookReadCacheTests(app), IClassFixture<PostgresClockApp>;
