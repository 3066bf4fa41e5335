using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Print.Tools;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

public abstract class RegenerationTests(TaskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private async Task<HttpClient> SignedInAsync() => fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());

    [Fact]
    public async Task Drawing_a_page_again_twice_keeps_six_candidates_and_the_rebuild_prints_the_chosen_one()
    {
        var client = await SignedInAsync();
        var book = await client.CreateBookAsync(("title", $"Pip Draws Again {Guid.NewGuid():N}"[..28]), ("pageCount", 24));
        var made = await client.GenerateAsync(book.Id);
        (await client.WaitForAsync(made.Id, Patience)).Status.ShouldBe("succeeded");
        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var number = pages.Where(p => p.Role == "story").Select(p => p.Number).Skip(2).First();
        var other = pages.Where(p => p.Role == "story").Select(p => p.Number).Skip(4).First();
        var before = await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct);

        // No body: three new pictures, each a saved step, with live events.
        var first = await (await client.PostAsync($"/api/v1/books/{book.Id}/pages/{number}/regenerate-picture", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        first.Kind.ShouldBe("regenerate-picture");
        var events = await client.ReadEventsAsync(first.Id);
        events.Select(e => e.Type).ShouldBe(["queued", "started", "step", "step", "step", "succeeded"]);
        events.Where(e => e.Type == "step").Select(e => e.Data.StepText).ShouldBe(["Drawing new picture 1", "Drawing new picture 2", "Drawing new picture 3"]);
        var three = await PicturesAsync(client, book.Id, number);
        three.Candidates.Count.ShouldBe(3);
        three.ChosenId.ShouldBeNull();
        // The picture the page was made with stays beside them, to compare: the build's own file, chosen while nothing else is.
        var original = three.Original.ShouldNotBeNull();
        original.Chosen.ShouldBeTrue();
        original.Seed.ShouldBe(book.Seed);
        var originalHash = await ImageHashAsync(client, original.Url);
        (await StepHashesAsync(made.Id, $"art-p{number:000}")).ShouldContain(originalHash);

        // As on another worker, whose art folder is empty: the original comes from the build's saved step, not drawn again.
        Directory.Delete(Path.Combine(fixture.Server.App.Services.GetRequiredService<StoryloomOptions>().DataDirectory, "books", book.Id.ToString("N"), "build"), recursive: true);
        var second = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/pages/{number}/regenerate-picture", new { count = 3 }))
            .ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(second.Id, Patience)).Status.ShouldBe("succeeded");
        var six = await PicturesAsync(client, book.Id, number);
        six.Candidates.Count.ShouldBe(6);
        six.Candidates.Take(3).Select(c => c.Id).ShouldBe(three.Candidates.Select(c => c.Id));
        six.Candidates.Select(c => c.Seed).Distinct().Count().ShouldBe(6);
        six.Candidates.Select(c => c.Seed).ShouldNotContain(book.Seed);
        var hashes = new List<string>();
        foreach (var c in six.Candidates)
        {
            hashes.Add(await ImageHashAsync(client, c.Url));
        }
        hashes.Distinct().Count().ShouldBe(6, "each seed draws another picture");
        hashes.ShouldNotContain(originalHash);
        six.Original.ShouldNotBeNull().Id.ShouldBe(original.Id, "the original is kept once");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready", "drawing candidates changes nothing yet");

        // A picture of another page, or of another book, cannot be chosen here.
        var wrongPage = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/{other}/picture", new { candidateId = six.Candidates[0].Id }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        wrongPage.FieldError("candidateId").ShouldContain($"is a picture of page {number}");
        (await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/{number}/picture", new { }))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("candidateId").ShouldContain("missing");

        var chosen = six.Candidates[4];
        var picked = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/{number}/picture", new { candidateId = chosen.Id }))
            .ReadAsync<PictureListDto>();
        picked.ChosenId.ShouldBe(chosen.Id);
        picked.Candidates.Single(c => c.Chosen).Id.ShouldBe(chosen.Id);
        picked.Original.ShouldNotBeNull().Chosen.ShouldBeFalse();
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("outdated");

        var rebuild = await (await client.PostAsync($"/api/v1/books/{book.Id}/rebuild", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(rebuild.Id, Patience)).Status.ShouldBe("succeeded");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready");

        // The rebuild's art step for the page saved exactly the chosen candidate's picture (same content hash).
        (await StepHashesAsync(rebuild.Id, $"art-p{number:000}")).ShouldContain(hashes[4]);

        // And the printed page shows it: that page looks different, another page is as it was.
        var after = await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct);
        (await PageImageAsync(before, number)).ShouldNotBe(await PageImageAsync(after, number));
        (await PageImageAsync(before, other)).ShouldBe(await PageImageAsync(after, other));

        // Back to the original by its id: the choice is cleared, and its picture is still the one the book was made with.
        var back = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/pages/{number}/picture", new { candidateId = original.Id }))
            .ReadAsync<PictureListDto>();
        back.ChosenId.ShouldBeNull();
        back.Original.ShouldNotBeNull().Chosen.ShouldBeTrue();
        (await ImageHashAsync(client, back.Original.Url)).ShouldBe(originalHash);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("outdated");
    }

    [Fact]
    public async Task The_cover_is_drawn_again_and_a_page_rewritten_before_the_first_build()
    {
        var client = await SignedInAsync();
        var book = await client.CreateBookAsync(("title", $"Pip Rewrites {Guid.NewGuid():N}"[..26]), ("pageCount", 24), ("ageGroup", "3-5"));
        (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var story = pages.Where(p => p.Role == "story").ToList();
        var target = story[3];

        var cover = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/books/{book.Id}/cover/regenerate", new { count = 2 }))
            .ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        var text = await (await client.PostAsync($"/api/v1/books/{book.Id}/pages/{target.Number}/regenerate-text", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(cover.Id, Patience)).Status.ShouldBe("succeeded");
        var done = await client.WaitForAsync(text.Id, Patience);
        done.Status.ShouldBe("succeeded", done.Error);
        done.Steps.ShouldNotBeNull().Select(s => s.Text).ShouldBe(["Writing new text for the page"]);

        var covers = await (await client.GetAsync($"/api/v1/books/{book.Id}/cover/pictures", Ct)).ReadAsync<PictureListDto>();
        covers.Page.ShouldBeNull();
        covers.Candidates.Count.ShouldBe(2);
        // Before the first build nobody drew the cover yet: the offline engine draws its original for free.
        (await ImageHashAsync(client, covers.Original.ShouldNotBeNull().Url)).ShouldNotBeOneOf(
            await ImageHashAsync(client, covers.Candidates[0].Url), await ImageHashAsync(client, covers.Candidates[1].Url));
        (await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/cover/picture", new { candidateId = covers.Candidates[1].Id }))
            .ReadAsync<PictureListDto>()).ChosenId.ShouldBe(covers.Candidates[1].Id);
        (await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/books/{book.Id}/cover/picture", new { original = true }))
            .ReadAsync<PictureListDto>()).ChosenId.ShouldBeNull();

        // New words on that page only, as long as the age band reads, in the same place of the story (the picture's brief stays).
        var now = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var rewritten = now.Single(p => p.Number == target.Number);
        rewritten.Text.ShouldNotBeNullOrWhiteSpace();
        rewritten.Text.ShouldNotBe(target.Text);
        rewritten.Illustration.ToString().ShouldBe(target.Illustration.ToString());
        foreach (var line in rewritten.Text!.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Length > 12))
        {
            now.Where(p => p.Number != target.Number).ShouldAllBe(p => p.Text == null || !p.Text.Contains(line), $"'{line}' is said on another page too");
        }
        var words = rewritten.Text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        words.ShouldBeInRange(4, 40);
        now.Where(p => p.Number != target.Number).Select(p => p.Text).ShouldBe(pages.Where(p => p.Number != target.Number).Select(p => p.Text));
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("draft", "a book never built has no files to be out of date");
    }

    [Fact]
    public async Task Bad_requests_get_field_errors_and_another_user_gets_404_everywhere()
    {
        var client = await SignedInAsync();
        var book = await client.CreateBookAsync(("pageCount", 24));
        (await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var b = $"/api/v1/books/{book.Id}";

        (await (await client.SendJsonAsync(HttpMethod.Post, $"{b}/pages/5/regenerate-picture", new { count = 9 })).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("count").ShouldContain("1 to 4");
        (await (await client.SendJsonAsync(HttpMethod.Post, $"{b}/cover/regenerate", new { count = 0 })).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("count").ShouldContain("1 to 4");
        (await (await client.PostAsync($"{b}/pages/2/regenerate-picture", null, Ct)).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("number").ShouldContain("no picture of its own");
        (await (await client.PostAsync($"{b}/pages/2/regenerate-text", null, Ct)).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("number").ShouldContain("only story pages");
        (await (await client.SendJsonAsync(HttpMethod.Put, $"{b}/pages/5/picture", new { candidateId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("candidateId").ShouldContain("is not a picture of this book");
        (await (await client.SendJsonAsync(HttpMethod.Put, $"{b}/cover/picture", new { candidateId = Guid.NewGuid(), original = true })).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("candidateId").ShouldContain("not both");
        (await client.PostAsync($"{b}/pages/99/regenerate-picture", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stranger = await SignedInAsync();
        var calls = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, $"{b}/pages/5/regenerate-text", null), (HttpMethod.Post, $"{b}/pages/5/regenerate-picture", new { count = 1 }),
            (HttpMethod.Get, $"{b}/pages/5/pictures", null), (HttpMethod.Put, $"{b}/pages/5/picture", new { original = true }),
            (HttpMethod.Post, $"{b}/cover/regenerate", null), (HttpMethod.Get, $"{b}/cover/pictures", null),
            (HttpMethod.Put, $"{b}/cover/picture", new { original = true }), (HttpMethod.Get, $"{b}/pictures/{Guid.NewGuid()}", null),
        };
        foreach (var (method, url, body) in calls)
        {
            var response = body is null ? await stranger.SendAsync(new HttpRequestMessage(method, url), Ct) : await stranger.SendJsonAsync(method, url, body);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {url}");
        }
    }

    /// <summary>The content hashes a task's step saved.</summary>
    private async Task<IReadOnlyCollection<string>> StepHashesAsync(Guid taskId, string step)
    {
        await using var scope = fixture.Server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var saved = await db.TaskSteps.AsNoTracking().SingleAsync(s => s.TaskId == taskId && s.Name == step, Ct);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(saved.OutputJson!)!.Values;
    }

    private static async Task<string> ImageHashAsync(HttpClient client, string url)
    {
        using var image = await client.GetAsync(url, Ct);
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType?.MediaType.ShouldBe("image/svg+xml");
        return Convert.ToHexStringLower(SHA256.HashData(await image.Content.ReadAsByteArrayAsync(Ct)));
    }

    private static async Task<PictureListDto> PicturesAsync(HttpClient client, Guid bookId, int number) =>
        await (await client.GetAsync($"/api/v1/books/{bookId}/pages/{number}/pictures", Ct)).ReadAsync<PictureListDto>();

    /// <summary>One page of a PDF rendered small, as PNG bytes.</summary>
    private static async Task<string> PageImageAsync(byte[] pdf, int page)
    {
        var dir = Directory.CreateTempSubdirectory("storyloom-regen-");
        try
        {
            var file = Path.Combine(dir.FullName, "book.pdf");
            await File.WriteAllBytesAsync(file, pdf, Ct);
            var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ExternalTool.RunCheckedAsync("pdftoppm", ["-png", "-r", "20", "-f", p, "-l", p, "-singlefile", file, Path.Combine(dir.FullName, "page")], Ct);
            return Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(dir.FullName, "page.png"), Ct)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

[Collection("tasks")]
public sealed class SqliteRegenerationTests(SqliteTaskApp fixture) : RegenerationTests(fixture), IClassFixture<SqliteTaskApp>;

[Collection("tasks")]
public sealed class PostgresRegenerationTests(PostgresTaskApp fixture) : RegenerationTests(fixture), IClassFixture<PostgresTaskApp>;
