using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Books;
using Storyloom.Server.Characters;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Characters;

public abstract class CharactersApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task A_character_goes_through_create_read_update_and_delete()
    {
        var (user, client) = await SignedInAsync();
        var created = await client.CreateCharacterAsync("Pip", "fox", "Brave", "curious");
        created.OwnerId.ShouldBe(user.Id);
        created.Traits.ShouldBe(["brave", "curious"]);
        created.Role.ShouldBe("hero");

        var updated = await (await client.PutAsJsonAsync($"/api/v1/characters/{created.Id}", new
        {
            name = "Pip", species = "dragon", role = "friend", traits = new[] { "kind-hearted" },
            visualDescription = "a small green dragon with a yellow bow", accentColor = "#FFD700", accessory = "bow",
        }, ApiCalls.Json, Ct)).ReadAsync<CharacterDto>();
        updated.Species.ShouldBe("dragon");
        updated.AccentColor.ShouldBe("#ffd700");
        updated.BodyColor.ShouldBeNull();

        var read = await (await client.GetAsync($"/api/v1/characters/{created.Id}", Ct)).ReadAsync<CharacterDto>();
        read.ShouldBeEquivalentTo(updated);
        (await client.DeleteAsync($"/api/v1/characters/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/characters/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_fields_are_named_with_what_to_send()
    {
        var (_, client) = await SignedInAsync();
        var problem = await (await client.PostAsJsonAsync("/api/v1/characters", new
        {
            name = "", species = "wolf", traits = new[] { "brave!", "ok" }, visualDescription = "x", bodyColor = "orange",
        }, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("name").ShouldContain("1 to 60");
        problem.FieldError("species").ShouldContain("child, fox, bear, rabbit, cat, dog, owl, mouse, dragon, robot");
        problem.FieldError("traits").ShouldContain("'brave!' is not a short word");
        problem.FieldError("bodyColor").ShouldContain("#rrggbb");
    }

    [Fact]
    public async Task Search_finds_characters_by_name_or_trait()
    {
        var (_, client) = await SignedInAsync();
        await client.CreateCharacterAsync("Pip", "fox", "brave");
        await client.CreateCharacterAsync("Bo", "bear", "sleepy");
        await client.CreateCharacterAsync("Pippa", "cat", "shy");
        var (_, other) = await SignedInAsync();
        await other.CreateCharacterAsync("Pipkin", "owl", "brave");

        (await Names(client, "?q=pip")).ShouldBe(["Pip", "Pippa"]);
        (await Names(client, "?q=BRAVE")).ShouldBe(["Pip"]);
        (await Names(client, "")).ShouldBe(["Bo", "Pip", "Pippa"]);
        (await Names(client, "?pageSize=1&page=2")).ShouldBe(["Pip"]);
    }

    [Fact]
    public async Task A_character_in_a_book_is_not_deleted_and_the_conflict_names_the_book()
    {
        var (_, client) = await SignedInAsync();
        var pip = await client.CreateCharacterAsync("Pip", "fox");
        var first = await client.CreateBookAsync(("title", "Pip at Sea"), ("characterIds", new[] { pip.Id }));
        await client.CreateBookAsync(("title", "Pip in Space"), ("characterIds", new[] { pip.Id }));
        (await (await client.GetAsync($"/api/v1/characters/{pip.Id}", Ct)).ReadAsync<CharacterDto>()).Books.Select(b => b.Title)
            .ShouldBe(["Pip at Sea", "Pip in Space"]);

        var problem = await (await client.DeleteAsync($"/api/v1/characters/{pip.Id}", Ct)).ProblemAsync(HttpStatusCode.Conflict);
        problem.Detail().ShouldContain("\"Pip at Sea\", \"Pip in Space\"");

        await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{first.Id}", new { characterIds = Array.Empty<Guid>() });
        var books = await (await client.GetAsync("/api/v1/books?q=pip%20in", Ct)).ReadAsync<PagedList<BookSummaryDto>>();
        await client.DeleteAsync($"/api/v1/books/{books.Items.Single().Id}", Ct);
        (await client.DeleteAsync($"/api/v1/characters/{pip.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<List<string>> Names(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/v1/characters" + query, Ct)).ReadAsync<PagedList<CharacterDto>>()).Items.Select(c => c.Name).ToList();
}

public sealed class SqliteCharactersApiTests(SqliteApp app) : CharactersApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCharactersApiTests(PostgresApp app) : CharactersApiTests(app), IClassFixture<PostgresApp>;
