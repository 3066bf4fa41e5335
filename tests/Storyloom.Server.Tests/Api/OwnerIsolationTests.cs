using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Hosting;
using Storyloom.Server.Templates;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Api;

/// <summary>Every resource route for its owner, another user (404, so ids do not leak), an admin (sees all) and nobody (401).</summary>
public abstract class OwnerIsolationTests(AppFixture fixture) : ApiTests(fixture)
{
    private sealed record Route(HttpMethod Method, string Url, object? Body = null);

    [Fact]
    public async Task Another_user_gets_404_on_every_route_and_the_owner_and_an_admin_get_through()
    {
        var (_, owner) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        var (_, admin) = await SignedInAsync(Storyloom.Server.Accounts.Roles.Admin);
        var anonymous = App.CreateClient();
        var character = await owner.CreateCharacterAsync("Pip", "fox");
        var book = await owner.CreateBookAsync(("characterIds", new[] { character.Id }));
        await owner.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct);
        var story = (await (await owner.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>())
            .Where(p => p.Role == "story").Select(p => p.Number).ToList();
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7"u8.ToArray()));
        var template = await (await owner.PostAsJsonAsync("/api/v1/templates", new { name = "Mine", spec = new { shape = "quest" } }, ApiCalls.Json, Ct))
            .ReadAsync<TemplateDto>(HttpStatusCode.Created);
        var characterBody = new { name = "Pip", species = "fox", visualDescription = "a small fox" };
        var templateBody = new { name = "Mine", spec = new { shape = "friend" } };

        Route[] routes =
        [
            new(HttpMethod.Get, $"/api/v1/books/{book.Id}"),
            new(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { seed = 9 }),
            new(HttpMethod.Post, $"/api/v1/books/{book.Id}/manuscript"),
            new(HttpMethod.Get, $"/api/v1/books/{book.Id}/pages"),
            new(HttpMethod.Get, $"/api/v1/books/{book.Id}/pages/3"),
            new(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/3/text", new { text = "Hello." }),
            new(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/reorder", new { order = story }),
            new(HttpMethod.Get, $"/api/v1/books/{book.Id}/files/interior.pdf"),
            new(HttpMethod.Get, $"/api/v1/books/{book.Id}/files.zip"),
            new(HttpMethod.Get, $"/api/v1/characters/{character.Id}"),
            new(HttpMethod.Put, $"/api/v1/characters/{character.Id}", characterBody),
            new(HttpMethod.Get, $"/api/v1/templates/{template.Id}"),
            new(HttpMethod.Put, $"/api/v1/templates/{template.Id}", templateBody),
        ];
        foreach (var route in routes)
        {
            (await SendAsync(anonymous, route)).ShouldBe(HttpStatusCode.Unauthorized, $"{route.Method} {route.Url} anonymous");
            (await SendAsync(other, route)).ShouldBe(HttpStatusCode.NotFound, $"{route.Method} {route.Url} another user");
            ((int)await SendAsync(owner, route)).ShouldBeInRange(200, 299, $"{route.Method} {route.Url} owner");
            ((int)await SendAsync(admin, route)).ShouldBeInRange(200, 299, $"{route.Method} {route.Url} admin");
        }

        var deleteBook = new Route(HttpMethod.Delete, $"/api/v1/books/{book.Id}");
        var deleteCharacter = new Route(HttpMethod.Delete, $"/api/v1/characters/{character.Id}");
        (await SendAsync(other, deleteBook)).ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(other, deleteCharacter)).ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(admin, deleteBook)).ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(admin, deleteCharacter)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_own_resources()
    {
        var (_, owner) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        await owner.CreateBookAsync();
        await owner.CreateCharacterAsync("Pip", "fox");
        (await (await other.GetAsync("/api/v1/books", Ct)).ReadAsync<PagedList<BookSummaryDto>>()).Total.ShouldBe(0);
        (await (await other.GetAsync("/api/v1/characters", Ct)).ReadAsync<PagedList<Server.Characters.CharacterDto>>()).Total.ShouldBe(0);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Route route)
    {
        var request = new HttpRequestMessage(route.Method, route.Url);
        if (route.Body is not null)
        {
            request.Content = JsonContent.Create(route.Body, options: ApiCalls.Json);
        }
        return (await client.SendAsync(request, Ct)).StatusCode;
    }
}

public sealed class SqliteOwnerIsolationTests(SqliteApp app) : OwnerIsolationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOwnerIsolationTests(PostgresApp app) : OwnerIsolationTests(app), IClassFixture<PostgresApp>;
