using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Books;
using Storyloom.Server.Files;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Files;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Books;

/// <summary>A duplicate is a book of its own: the same brief, cast, edited pages, chosen pictures and latest build, free of the original.</summary>
[Collection("tasks")]
public abstract class DuplicateBookTests(VersionsApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_duplicate_keeps_the_edits_pictures_and_build_and_outlives_the_original()
    {
        var app = fixture.Server;
        var client = app.CreateClient(await app.CreateUserAsync());
        var book = await client.CreateBookAsync(("title", "Pip and the Puddle"), ("pageCount", 24));
        (await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience)).Status.ShouldBe("succeeded");
        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var page = pages.First(p => p.Role == "story").Number;
        var drawn = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/{page}/regenerate-picture", new { count = 1 }))
            .ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(drawn.Id, Patience)).Status.ShouldBe("succeeded");
        var candidate = (await PicturesAsync(client, book.Id, page)).Candidates.ShouldHaveSingleItem();
        (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/{page}/picture", new { candidateId = candidate.Id })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync($"/api/v1/books/{book.Id}/pages/{page}/text", new { text = "Pip jumped in the biggest puddle." }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another user cannot copy it; the owner's double click with one key makes one copy.
        var stranger = app.CreateClient(await app.CreateUserAsync());
        (await stranger.PostAsync($"/api/v1/books/{book.Id}/duplicate", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> DuplicateAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/books/{book.Id}/duplicate");
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, Ct);
        }
        var copy = await (await DuplicateAsync()).ReadAsync<BookDto>(HttpStatusCode.Created);
        (await (await DuplicateAsync()).ReadAsync<BookDto>(HttpStatusCode.Created)).Id.ShouldBe(copy.Id);

        copy.Id.ShouldNotBe(book.Id);
        copy.Title.ShouldBe("Copy of Pip and the Puddle");
        copy.Status.ShouldBe("outdated");
        copy.PageCount.ShouldBe(book.PageCount);
        copy.Characters.Select(c => c.Id).ShouldBe(book.Characters.Select(c => c.Id));
        (await (await client.GetAsync($"/api/v1/books/{copy.Id}/pages/{page}", Ct)).ReadAsync<PageDto>()).Text.ShouldBe("Pip jumped in the biggest puddle.");
        var versions = await (await client.GetAsync($"/api/v1/books/{copy.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>();
        versions.ShouldHaveSingleItem().Number.ShouldBe(1);
        (await client.GetByteArrayAsync($"/api/v1/books/{copy.Id}/files/interior.pdf", Ct))
            .ShouldBe(await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct));

        // Editing the copy leaves the original alone; deleting the original leaves the copy's chosen picture.
        (await client.PutAsJsonAsync($"/api/v1/books/{copy.Id}/pages/{page}/text", new { text = "Pip stayed dry." }, ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages/{page}", Ct)).ReadAsync<PageDto>()).Text.ShouldBe("Pip jumped in the biggest puddle.");
        var picture = await client.GetByteArrayAsync(candidate.Url, Ct);
        (await client.DeleteAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var kept = await PicturesAsync(client, copy.Id, page);
        kept.Candidates.ShouldHaveSingleItem().Seed.ShouldBe(candidate.Seed);
        kept.ChosenId.ShouldBe(kept.Candidates[0].Id);
        (await client.GetByteArrayAsync(kept.Candidates[0].Url, Ct)).ShouldBe(picture);

        var rebuild = await (await client.PostAsync($"/api/v1/books/{copy.Id}/rebuild", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(rebuild.Id, Patience)).Status.ShouldBe("succeeded");
        (await client.GetStringAsync($"/api/v1/books/{copy.Id}/files/manuscript.json", Ct)).ShouldContain("Pip stayed dry.");
    }

    [Fact]
    public async Task A_draft_is_copied_as_a_draft_and_a_long_title_is_shortened_to_fit()
    {
        var client = fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());
        var book = await client.CreateBookAsync(("title", new string('A', 118)));
        var copy = await (await client.PostAsync($"/api/v1/books/{book.Id}/duplicate", null, Ct)).ReadAsync<BookDto>(HttpStatusCode.Created);
        copy.Status.ShouldBe("draft");
        copy.Title.Length.ShouldBe(120);
        copy.Title.ShouldStartWith("Copy of AAA");
        (await (await client.GetAsync($"/api/v1/books/{copy.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>()).ShouldBeEmpty();
    }

    private static async Task<PictureListDto> PicturesAsync(HttpClient client, Guid bookId, int number) =>
        await (await client.GetAsync($"/api/v1/books/{bookId}/pages/{number}/pictures", Ct)).ReadAsync<PictureListDto>();
}

public sealed class SqliteDuplicateBookTests(SqliteLocalVersionsApp app) : DuplicateBookTests(app), IClassFixture<SqliteLocalVersionsApp>;

public sealed class PostgresDuplicateBookTests(PostgresS3VersionsApp app) : DuplicateBookTests(app), IClassFixture<PostgresS3VersionsApp>;
