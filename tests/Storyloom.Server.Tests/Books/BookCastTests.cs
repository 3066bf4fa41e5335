using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Core.Books;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Books;

/// <summary>Given a book whose user chose saved characters, when it is made, then the engines get that cast, in order, as given.</summary>
public abstract class BookCastTests(TaskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync() => fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());

    [Fact]
    public async Task The_chosen_characters_become_the_cast_of_the_brief_in_their_order()
    {
        var client = await SignedInAsync();
        var moss = await client.CreateCharacterAsync("Moss", "owl", "wise");
        var pip = await client.CreateCharacterAsync("Pip", "fox", "brave", "curious");
        var book = await client.CreateBookAsync(("characterIds", new[] { pip.Id, moss.Id }), ("imprint", "Acorn Press"), ("reviewedByAuthor", true));

        await using var scope = fixture.Server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var saved = await db.Books.SingleAsync(b => b.Id == book.Id, Ct);
        var (spec, errors) = BookBrief.Validate(await db.BriefAsync(saved, Ct));

        errors.ShouldBeNull();
        spec!.Cast.Select(c => (c.Name, c.Species)).ShouldBe([("Pip", Species.Fox), ("Moss", Species.Owl)]);
        var hero = spec.Cast[0];
        hero.Look.ShouldBe(pip.VisualDescription);
        hero.Traits.ShouldBe(["brave", "curious"]);
        hero.BodyColor.ShouldBe("#d9822b");
        hero.Role.ShouldBe("hero");
        spec.Imprint.ShouldBe("Acorn Press");
        spec.ReviewedByAuthor.ShouldBeTrue();
        spec.Credit.ShouldBeFalse();
    }

    [Fact]
    public async Task The_whole_brief_is_kept_and_cleared_by_field()
    {
        var client = await SignedInAsync();
        var book = await client.CreateBookAsync(("author", null), ("dedication", "For Ada."), ("aboutAuthor", "I write by the sea."),
            ("meetTheCharacters", true), ("imprint", "Acorn Press"), ("credit", true));
        book.Author.ShouldBe("");
        (book.Dedication, book.AboutAuthor, book.MeetTheCharacters, book.Imprint, book.Credit, book.ReviewedByAuthor)
            .ShouldBe(("For Ada.", "I write by the sea.", true, "Acorn Press", true, false));

        var patched = await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { imprint = "", dedication = "" }))
            .ReadAsync<BookDto>();
        (patched.Imprint, patched.Dedication, patched.AboutAuthor).ShouldBe((null, null, "I write by the sea."));

        var problem = await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}",
            new { imprint = new string('i', BriefLimits.Imprint + 1), aboutAuthor = new string('a', BriefLimits.AboutAuthor + 1) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("imprint").ShouldContain($"keep it to {BriefLimits.Imprint}");
        problem.FieldError("aboutAuthor").ShouldContain($"keep it to {BriefLimits.AboutAuthor}");
    }

    [Fact]
    public async Task A_brief_is_checked_without_saving_and_says_what_the_offline_engines_will_not_do()
    {
        var client = await SignedInAsync();
        var before = (await client.GetStringAsync("/api/v1/books", Ct)).Length;

        var check = await (await client.PostAsJsonAsync("/api/v1/books/check", ApiCalls.Brief(("theme", "a giraffe who wants to touch the clouds")), ApiCalls.Json, Ct))
            .ReadAsync<CheckBrief.BriefCheck>();
        check.Warnings.ShouldContain(w => w.Contains("cannot draw a giraffe", StringComparison.Ordinal));
        (await client.GetStringAsync("/api/v1/books", Ct)).Length.ShouldBe(before, "a check saves nothing");

        var created = await client.CreateBookAsync(("theme", "a giraffe who wants to touch the clouds"));
        created.Warnings.ShouldBe(check.Warnings);

        var fine = await (await client.PostAsJsonAsync("/api/v1/books/check", ApiCalls.Brief(("theme", "first day of school")), ApiCalls.Json, Ct))
            .ReadAsync<CheckBrief.BriefCheck>();
        fine.Warnings.ShouldBeEmpty();

        var problem = await (await client.PostAsJsonAsync("/api/v1/books/check", ApiCalls.Brief(("pageCount", 7)), ApiCalls.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("pageCount").ShouldNotBeEmpty();

        var stranger = fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());
        var theirs = await stranger.CreateCharacterAsync("Moss", "owl", "wise");
        var notYours = await (await client.PostAsJsonAsync("/api/v1/books/check", ApiCalls.Brief(("characterIds", new[] { theirs.Id })), ApiCalls.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        notYours.FieldError("characterIds").ShouldContain("does not exist");
    }

    /// <summary>Depends on the story engine honouring <c>BookSpec.Cast</c> (issue 17, item 1): fails until it does.</summary>
    [Fact]
    public async Task A_book_made_with_a_chosen_character_has_that_character_as_its_hero()
    {
        var client = await SignedInAsync();
        var pip = await client.CreateCharacterAsync("Pip", "fox", "brave");
        var title = $"Night Walk {Guid.NewGuid():N}"[..24];
        var book = await client.CreateBookAsync(("title", title), ("pageCount", 24), ("characterIds", new[] { pip.Id }));

        var queued = await client.GenerateAsync(book.Id);
        var task = await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(120));
        task.Status.ShouldBe("succeeded", task.Error);

        using var manuscript = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/manuscript.json", Ct));
        var cast = manuscript.RootElement.GetProperty("cast");
        cast[0].GetProperty("name").GetString().ShouldBe("Pip");
        cast[0].GetProperty("species").GetString().ShouldBe("Fox");
    }
}

public sealed class SqliteBookCastTests(SqliteQueueApp fixture) : BookCastTests(fixture), IClassFixture<SqliteQueueApp>;

public sealed class PostgresBookCastTests(PostgresQueueApp fixture) : BookCastTests(fixture), IClassFixture<PostgresQueueApp>;
