using System.Net;
using Storyloom.Server.Books;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Books;

public abstract class PagesApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task The_manuscript_writes_every_page_and_the_cast_and_the_book_stays_a_draft()
    {
        var (_, client) = await SignedInAsync();
        var book = await client.CreateBookAsync();
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>()).ShouldBeEmpty();

        var written = await (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).ReadAsync<BookDto>();
        written.Status.ShouldBe("draft");
        written.Pages.Select(p => p.Number).ShouldBe(Enumerable.Range(1, 32));
        written.Pages[0].Role.ShouldBe("title");
        written.Pages[^2].Role.ShouldBe("the-end");
        written.Pages[^1].Role.ShouldBe("about-the-author");
        written.Characters.ShouldNotBeEmpty();

        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        pages.Count.ShouldBe(32);
        pages.Where(p => p.Role == "story").ShouldAllBe(p => p.Text != null && p.Illustration != null);

        // Written again: the same pages, and the cast is not duplicated.
        var again = await (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).ReadAsync<BookDto>();
        again.Characters.Count.ShouldBe(written.Characters.Count);
        again.Pages.Count.ShouldBe(32);
    }

    [Fact]
    public async Task A_page_text_can_be_edited_within_the_length_limit()
    {
        var (_, client) = await SignedInAsync();
        var book = await WrittenBookAsync(client);
        var edited = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text = "  Pip ran up the hill.  " }))
            .ReadAsync<PageDto>();
        edited.Text.ShouldBe("Pip ran up the hill.");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages/5", Ct)).ReadAsync<PageDto>()).Text.ShouldBe("Pip ran up the hill.");

        var problem = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text = new string('a', 2001) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("text").ShouldContain("at most 2000");
        (await client.GetAsync($"/api/v1/books/{book.Id}/pages/99", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reordering_moves_story_pages_into_the_same_slots_and_keeps_numbers_1_to_N()
    {
        var (_, client) = await SignedInAsync();
        var book = await WrittenBookAsync(client);
        var before = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var story = before.Where(p => p.Role == "story").Select(p => p.Number).ToList();
        var order = story.AsEnumerable().Reverse().ToList();

        var after = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/reorder", new { order }))
            .ReadAsync<List<PageDto>>();
        after.Select(p => p.Number).ShouldBe(Enumerable.Range(1, 32));
        after.Where(p => p.Role == "story").Select(p => p.Text).ShouldBe(before.Where(p => p.Role == "story").Select(p => p.Text).Reverse());
        after.Where(p => p.Role != "story").Select(p => p.Text).ShouldBe(before.Where(p => p.Role != "story").Select(p => p.Text));
        var stored = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        stored.Select(p => p.Text).ShouldBe(after.Select(p => p.Text));
    }

    [Theory]
    [InlineData("duplicate", "appears more than once")]
    [InlineData("missing", "is missing from the order")]
    [InlineData("foreign", "is not a story page")]
    [InlineData("empty", "order is missing")]
    public async Task Anything_but_a_permutation_of_the_story_pages_is_refused(string kind, string message)
    {
        var (_, client) = await SignedInAsync();
        var book = await WrittenBookAsync(client);
        var story = (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>())
            .Where(p => p.Role == "story").Select(p => p.Number).ToList();
        var order = kind switch
        {
            "duplicate" => [story[0], .. story.Skip(1).SkipLast(1), story[0]],
            "missing" => story.Skip(1).ToList(),
            "foreign" => [1, .. story.Skip(1)],
            _ => [],
        };
        var problem = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/reorder", new { order }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("order").ShouldContain(message);
    }

    [Fact]
    public async Task A_book_without_a_manuscript_cannot_be_reordered()
    {
        var (_, client) = await SignedInAsync();
        var book = await client.CreateBookAsync();
        var problem = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/reorder", new { order = new[] { 3, 4 } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("order").ShouldContain("write the manuscript first");
    }

    [Fact]
    public async Task An_edit_made_from_an_older_read_of_a_page_or_the_book_is_refused_with_412_and_says_to_reload()
    {
        var (_, client) = await SignedInAsync();
        var book = await WrittenBookAsync(client);
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object body, string? ifMatch)
        {
            var request = new HttpRequestMessage(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: ApiCalls.Json) };
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await client.SendAsync(request, Ct);
        }

        // Two tabs read page 5; the first saves, the second's save is refused, and after a reload it goes through.
        var read = await client.GetAsync($"/api/v1/books/{book.Id}/pages/5", Ct);
        var tab = read.Headers.ETag!.ToString();
        (await read.ReadAsync<PageDto>()).ETag.ShouldBe(tab);
        var first = await SendAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text = "Pip ran." }, tab);
        var saved = await first.ReadAsync<PageDto>();
        first.Headers.ETag!.ToString().ShouldBe(saved.ETag);
        saved.ETag.ShouldNotBe(tab);
        var second = await SendAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text = "Pip walked." }, tab);
        (await second.ProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("detail").GetString()!
            .ShouldBe("Page 5 was changed after you opened it (saved in another tab or window, or by the book being made); reload to see that change, then make yours again");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages/5", Ct)).ReadAsync<PageDto>()).Text.ShouldBe("Pip ran.");
        var list = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        list.Single(p => p.Number == 5).ETag.ShouldBe(saved.ETag, "the list gives the same version as the page");
        (await SendAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text = "Pip walked." }, $"W/{saved.ETag}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Without If-Match an edit is taken as before (scripts, the CLI).
        (await SendAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/5/text", new { text = "Pip hopped." }, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The book's fields: the ETag of a GET, and the one a PATCH answers with, is what the next PATCH must send.
        var bookTag = (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).Headers.ETag!.ToString();
        var renamed = await SendAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { title = "Pip Hops" }, bookTag);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterRename = renamed.Headers.ETag!.ToString();
        (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).Headers.ETag!.ToString().ShouldBe(afterRename);
        var stale = await SendAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { title = "Pip Runs" }, bookTag);
        (await stale.ProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("detail").GetString()!.ShouldStartWith("The book was changed after you opened it");
        (await SendAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { title = "Pip Runs" }, afterRename)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Title.ShouldBe("Pip Runs");
    }

    private static async Task<BookDto> WrittenBookAsync(HttpClient client)
    {
        var book = await client.CreateBookAsync();
        return await (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).ReadAsync<BookDto>();
    }
}

public sealed class SqlitePagesApiTests(SqliteApp app) : PagesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPagesApiTests(PostgresApp app) : PagesApiTests(app), IClassFixture<PostgresApp>;
