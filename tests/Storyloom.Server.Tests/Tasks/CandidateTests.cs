using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

public sealed class PostgresQueueApp() : TaskFixture(Db.Postgres, instant: true);

/// <summary>Pictures drawn again for a page belong to the page's content, wherever a reorder puts it.</summary>
public abstract class CandidateTests(TaskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Candidates_follow_their_page_after_a_reorder_and_choosing_one_changes_that_page()
    {
        var client = fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());
        var book = await client.CreateBookAsync(("title", $"Pip Moves {Guid.NewGuid():N}"[..24]), ("pageCount", 24));
        (await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience)).Status.ShouldBe("succeeded");
        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var slots = pages.Where(p => p.Role == "story").Select(p => p.Number).ToList();
        var (from, to) = (slots[2], slots[4]);

        var drawn = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/{from}/regenerate-picture", new { count = 1 }))
            .ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(drawn.Id, Patience)).Status.ShouldBe("succeeded");
        var drawnList = await PicturesAsync(client, book.Id, from);
        var candidate = drawnList.Candidates.ShouldHaveSingleItem();
        drawnList.Original.ShouldNotBeNull();
        var sha = Convert.ToHexStringLower(SHA256.HashData(await client.GetByteArrayAsync(candidate.Url, Ct)));

        // The page moves two places on: its content is now page `to`, and its picture goes with it.
        var order = slots.Where(n => n != from).ToList();
        order.Insert(slots.IndexOf(to), from);
        (await client.PostAsJsonAsync($"/api/v1/books/{book.Id}/pages/reorder", new { order }, ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages/{to}", Ct)).ReadAsync<PageDto>()).Text.ShouldBe(pages.Single(p => p.Number == from).Text);
        var moved = await PicturesAsync(client, book.Id, to);
        moved.Candidates.ShouldHaveSingleItem().Id.ShouldBe(candidate.Id);
        moved.Original.ShouldBeNull("without a choice the moved page is drawn anew at its place; the old original would not be what prints");
        (await PicturesAsync(client, book.Id, from)).Candidates.ShouldBeEmpty();

        (await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/{to}/picture", new { candidateId = candidate.Id }))
            .ReadAsync<PictureListDto>()).ChosenId.ShouldBe(candidate.Id);
        var rebuild = await (await client.PostAsync($"/api/v1/books/{book.Id}/rebuild", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(rebuild.Id, Patience)).Status.ShouldBe("succeeded");

        // The rebuilt page `to` shows exactly the picture the user saw and chose; page `from` does not.
        await using var scope = fixture.Server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        async Task<ICollection<string>> PrintedAsync(int number) => JsonSerializer.Deserialize<Dictionary<string, string>>(
            (await db.TaskSteps.AsNoTracking().SingleAsync(s => s.TaskId == rebuild.Id && s.Name == $"art-p{number:000}", Ct)).OutputJson!)!.Values;
        (await PrintedAsync(to)).ShouldContain(sha);
        (await PrintedAsync(from)).ShouldNotContain(sha);
    }

    private static async Task<PictureListDto> PicturesAsync(HttpClient client, Guid bookId, int number) =>
        await (await client.GetAsync($"/api/v1/books/{bookId}/pages/{number}/pictures", Ct)).ReadAsync<PictureListDto>();
}

[Collection("tasks")]
public sealed class SqliteCandidateTests(SqliteQueueApp fixture) : CandidateTests(fixture), IClassFixture<SqliteQueueApp>;

[Collection("tasks")]
public sealed class PostgresCandidateTests(PostgresQueueApp fixture) : CandidateTests(fixture), IClassFixture<PostgresQueueApp>;
