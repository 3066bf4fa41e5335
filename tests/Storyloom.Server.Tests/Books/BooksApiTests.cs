using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Books;
using Storyloom.Server.Templates;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Books;

public abstract class BooksApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task A_book_goes_through_create_read_patch_and_delete()
    {
        var (user, client) = await SignedInAsync();
        var created = await client.CreateBookAsync(("moral", "Friends help"), ("shape", "quest"));
        created.OwnerId.ShouldBe(user.Id);
        created.Status.ShouldBe("draft");
        created.Pages.ShouldBeEmpty();
        created.Shape.ShouldBe("quest");
        created.SpineWidthIn.ShouldBeGreaterThan(0);

        var read = await (await client.GetAsync($"/api/v1/books/{created.Id}", Ct)).ReadAsync<BookDto>();
        read.Title.ShouldBe("Pip and the Lost Kite");
        read.Trim.ShouldBe("8.5x8.5");
        read.Ink.ShouldBe("premium-color");

        var patched = await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{created.Id}",
            new { title = "Pip Finds the Kite", pageCount = 40, moral = "" })).ReadAsync<BookDto>();
        patched.Title.ShouldBe("Pip Finds the Kite");
        patched.PageCount.ShouldBe(40);
        patched.Moral.ShouldBeNull();
        patched.Author.ShouldBe("Ada Lane");
        patched.UpdatedAt.ShouldBeGreaterThanOrEqualTo(created.UpdatedAt);

        (await client.DeleteAsync($"/api/v1/books/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/books/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_create_sent_twice_with_one_Idempotency_Key_makes_one_book_and_answers_the_same()
    {
        var (_, client) = await SignedInAsync();
        async Task<HttpResponseMessage> Create(string key, string title = "Pip and the Lost Kite")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/books") { Content = JsonContent.Create(ApiCalls.Brief(("title", title)), options: ApiCalls.Json) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, Ct);
        }
        var key = Guid.NewGuid().ToString();
        var first = await Create(key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var book = await first.ReadAsync<BookDto>(HttpStatusCode.Created);
        var again = await Create(key);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await again.ReadAsync<BookDto>(HttpStatusCode.Created)).Id.ShouldBe(book.Id);
        var list = await (await client.GetAsync("/api/v1/books", Ct)).Content.ReadAsStringAsync(Ct);
        System.Text.RegularExpressions.Regex.Matches(list, "\"Pip and the Lost Kite\"").Count.ShouldBe(1);

        // The same key for another body is refused; a refused request keeps no key, so it can be sent again fixed.
        (await (await Create(key, "Another Title")).ProblemAsync(HttpStatusCode.UnprocessableEntity)).Detail().ShouldContain("different request");
        var badKey = Guid.NewGuid().ToString();
        (await Create(badKey, "")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Create(badKey, "Pip, Fixed")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await Create("not a key")).ProblemAsync(HttpStatusCode.BadRequest)).Detail().ShouldContain("visible ASCII");

        // Keys are per user: another user's same key makes their own book.
        var (_, other) = await SignedInAsync();
        using var theirs = new HttpRequestMessage(HttpMethod.Post, "/api/v1/books") { Content = JsonContent.Create(ApiCalls.Brief(), options: ApiCalls.Json) };
        theirs.Headers.Add("Idempotency-Key", key);
        var made = await other.SendAsync(theirs, Ct);
        made.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await made.ReadAsync<BookDto>(HttpStatusCode.Created)).Id.ShouldNotBe(book.Id);
    }

    [Fact]
    public async Task Emoji_in_a_brief_or_a_page_are_refused_under_their_field()
    {
        var (_, client) = await SignedInAsync();
        var problem = await (await client.PostAsJsonAsync("/api/v1/books", ApiCalls.Brief(("title", "Luna 🌙")), ApiCalls.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("title").ShouldContain("🌙");
        problem.FieldError("title").ShouldContain("empty boxes");
    }

    [Fact]
    public async Task Impossible_print_options_are_refused_with_the_CLI_sentence_under_the_field()
    {
        var (_, client) = await SignedInAsync();
        var problem = await (await client.PostAsJsonAsync("/api/v1/books",
            ApiCalls.Brief(("ink", "standard-color"), ("pageCount", 24)), ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("pageCount").ShouldContain("standard color needs at least 72 pages; choose premium-color or add pages");

        problem = await (await client.PostAsJsonAsync("/api/v1/books",
            ApiCalls.Brief(("trim", "9x9"), ("paper", "cream"), ("ageGroup", "4-6"), ("title", null)), ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("trim").ShouldContain("not a KDP paperback trim");
        problem.FieldError("paper").ShouldContain("cream paper is only printed with black ink");
        problem.FieldError("ageGroup").ShouldContain("use 0-2, 3-5, 6-8 or 9-12");
        problem.FieldError("title").ShouldContain("title is missing");
    }

    [Fact]
    public async Task A_body_that_is_not_the_right_JSON_names_the_field_or_the_place()
    {
        var (_, client) = await SignedInAsync();
        var wrongType = await (await client.PostAsync("/api/v1/books",
            new StringContent("{\"title\": \"Pip\", \"pageCount\": \"many\"}", System.Text.Encoding.UTF8, "application/json"), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        wrongType.FieldError("pageCount").ShouldContain("'pageCount' has the wrong type");
        var malformed = await (await client.PostAsync("/api/v1/books",
            new StringContent("{\"title\": \"Pip\",\n \"pageCount\": }", System.Text.Encoding.UTF8, "application/json"), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        malformed.Detail().ShouldContain("not valid JSON near line 2");
        var missing = await (await client.PostAsync("/api/v1/books", new StringContent("", System.Text.Encoding.UTF8, "application/json"), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        missing.FieldError("body").ShouldContain("JSON body is required");
    }

    [Fact]
    public async Task A_patch_is_checked_together_with_the_fields_it_does_not_change()
    {
        var (_, client) = await SignedInAsync();
        var book = await client.CreateBookAsync();
        var problem = await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { ink = "standard-color" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("pageCount").ShouldContain("at least 72 pages");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Ink.ShouldBe("premium-color");
    }

    [Fact]
    public async Task A_template_fills_in_what_the_request_leaves_out()
    {
        var (_, client) = await SignedInAsync();
        var templates = await (await client.GetAsync("/api/v1/templates?kind=coloring", Ct)).ReadAsync<List<TemplateDto>>();
        var dinosaurs = templates.Single(t => t.Key == "coloring-dinosaurs");
        var response = await client.PostAsJsonAsync("/api/v1/books",
            new { title = "Dino Doodles", templateId = dinosaurs.Id, pageCount = 60 }, ApiCalls.Json, Ct);
        var book = await response.ReadAsync<BookDto>(HttpStatusCode.Created);
        book.Kind.ShouldBe("coloring");
        book.Theme.ShouldBe("dinosaurs");
        book.Ink.ShouldBe("bw");
        book.PageCount.ShouldBe(60);
        book.TemplateId.ShouldBe(dinosaurs.Id);
    }

    [Fact]
    public async Task Characters_are_linked_in_order_and_unknown_ones_are_named()
    {
        var (_, client) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        var a = await client.CreateCharacterAsync("Pip", "fox");
        var b = await client.CreateCharacterAsync("Bo", "bear");
        var theirs = await other.CreateCharacterAsync("Nim", "owl");
        var book = await client.CreateBookAsync(("characterIds", new[] { b.Id, a.Id }));
        book.Characters.Select(c => c.Name).ShouldBe(["Bo", "Pip"]);

        var problem = await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { characterIds = new[] { theirs.Id } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("characterIds").ShouldContain(theirs.Id.ToString());

        var cleared = await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/books/{book.Id}", new { characterIds = Array.Empty<Guid>() }))
            .ReadAsync<BookDto>();
        cleared.Characters.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_pages_sorts_filters_and_searches()
    {
        var (_, client) = await SignedInAsync();
        await client.CreateBookAsync(("title", "banana Boat"), ("theme", "the sea"));
        await client.CreateBookAsync(("title", "Apple Tree"), ("theme", "seasons"), ("ageGroup", "6-8"));
        await client.CreateBookAsync(("title", "Cherry Dragon"), ("theme", "a kind DRAGON"), ("author", "Mo Dragonetti"));
        await client.CreateBookAsync(("title", "Dots"), ("kind", "coloring"), ("theme", "mandalas"), ("trim", "8.5x11"), ("ink", "bw"),
            ("pageCount", 100), ("bleed", false), ("ageGroup", "9-12"));
        var (_, stranger) = await SignedInAsync();
        await stranger.CreateBookAsync(("title", "Not Yours"));

        var first = await List(client, "?sort=title&pageSize=3");
        first.Total.ShouldBe(4);
        first.Items.Select(b => b.Title).ShouldBe(["Apple Tree", "banana Boat", "Cherry Dragon"]);
        (await List(client, "?sort=title&pageSize=3&page=2")).Items.Select(b => b.Title).ShouldBe(["Dots"]);
        (await List(client, "?sort=-title&pageSize=1")).Items.Single().Title.ShouldBe("Dots");
        (await List(client, "?sort=createdAt")).Items.First().Title.ShouldBe("banana Boat");
        (await List(client, "")).Items.First().Title.ShouldBe("Dots");

        (await List(client, "?kind=coloring")).Items.Select(b => b.Title).ShouldBe(["Dots"]);
        (await List(client, "?ageGroup=6-8")).Items.Select(b => b.Title).ShouldBe(["Apple Tree"]);
        (await List(client, "?status=ready")).Total.ShouldBe(0);
        (await List(client, "?q=dragon&sort=title")).Items.Select(b => b.Title).ShouldBe(["Cherry Dragon"]);
        (await List(client, "?q=SEA&sort=title")).Items.Select(b => b.Title).ShouldBe(["Apple Tree", "banana Boat"]);
        (await List(client, "?q=dragonetti")).Total.ShouldBe(1);

        var problem = await (await client.GetAsync("/api/v1/books?sort=colour&pageSize=101&kind=novel", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("sort").ShouldContain("title, createdAt, updatedAt, pageCount");
        problem.FieldError("pageSize").ShouldContain("1 to 100");
        problem.FieldError("kind").ShouldContain("story or coloring");
    }

    [Fact]
    public async Task An_admin_lists_every_book_only_when_asking_for_all()
    {
        var (_, client) = await SignedInAsync();
        var book = await client.CreateBookAsync(("title", "Only Mine Zebra"));
        var (_, admin) = await SignedInAsync(Storyloom.Server.Accounts.Roles.Admin);
        (await List(admin, "?q=zebra")).Total.ShouldBe(0);
        (await List(admin, "?q=zebra&all=true")).Items.Single().Id.ShouldBe(book.Id);
        (await List(client, "?q=zebra&all=true")).Total.ShouldBe(1);
    }

    private static async Task<PagedList<BookSummaryDto>> List(HttpClient client, string query) =>
        await (await client.GetAsync("/api/v1/books" + query, Ct)).ReadAsync<PagedList<BookSummaryDto>>();
}

public sealed class SqliteBooksApiTests(SqliteApp app) : BooksApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBooksApiTests(PostgresApp app) : BooksApiTests(app), IClassFixture<PostgresApp>;
