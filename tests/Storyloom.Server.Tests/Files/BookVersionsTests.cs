using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Tasks;
using Storyloom.Server.Books;
using Storyloom.Server.Files;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Storage;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Files;

/// <summary>A server with its worker and instant printing, storing in the data folder or (with <paramref name="s3"/>) in a moto bucket.</summary>
public abstract class VersionsApp(Db db, bool s3) : IAsyncLifetime
{
    public StoryloomApp Server { get; private set; } = null!;
    public MotoServer? Moto { get; private set; }
    public string? Bucket { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Dictionary<string, string?>? settings = null;
        if (s3)
        {
            Moto = new MotoServer();
            await Moto.InitializeAsync();
            Bucket = await Moto.CreateBucketAsync();
            settings = Moto.Settings(Bucket);
        }
        Server = await StoryloomApp.StartAsync(db, settings, s => s.AddSingleton<IBookPrinting>(new InstantPrinting()));
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
    }
}

public sealed class SqliteLocalVersionsApp() : VersionsApp(Db.Sqlite, s3: false);

public sealed class PostgresS3VersionsApp() : VersionsApp(Db.Postgres, s3: true);

/// <summary>Generate, edit, rebuild: every build is a version of its own and the older one stays, on a folder and on S3.</summary>
[Collection("tasks")]
public abstract class BookVersionsTests(VersionsApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rebuild_writes_a_new_version_and_keeps_the_previous_one_until_it_is_deleted()
    {
        var app = fixture.Server;
        var client = app.CreateClient(await app.CreateUserAsync());
        var book = await client.CreateBookAsync(("title", "Pip and the Lantern"), ("pageCount", 24));
        (await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, TimeSpan.FromSeconds(90))).Status.ShouldBe("succeeded");

        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var page = pages.First(p => p.Role == "story").Number;
        (await client.PutAsJsonAsync($"/api/v1/books/{book.Id}/pages/{page}/text", new { text = "Pip found a lantern glowing in the snow." }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var rebuild = await (await client.PostAsync($"/api/v1/books/{book.Id}/rebuild", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(rebuild.Id, TimeSpan.FromSeconds(90))).Status.ShouldBe("succeeded");

        var versions = await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>();
        versions.Select(v => (v.Number, v.Latest)).ShouldBe([(2, true), (1, false)]);
        versions[0].TaskId.ShouldBe(rebuild.Id);
        versions.ShouldAllBe(v => v.Files.Select(f => f.Name).SequenceEqual(new[] { "interior.pdf", "cover.pdf", "listing.json", "manuscript.json", "preflight.json" }));
        versions.SelectMany(v => v.Files).ShouldAllBe(f => f.Size > 0);
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/manuscript.json?version=1", Ct)).ShouldNotContain("glowing in the snow");
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/manuscript.json", Ct)).ShouldContain("glowing in the snow");

        var stored = await StoredKeysAsync(book.Id);
        stored.ShouldContain($"books/{book.Id:N}/v1/interior.pdf");
        stored.ShouldContain($"books/{book.Id:N}/v2/interior.pdf");

        (await client.DeleteAsync($"/api/v1/books/{book.Id}/versions/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StoredKeysAsync(book.Id)).ShouldAllBe(k => k.StartsWith($"books/{book.Id:N}/v2/", StringComparison.Ordinal));
        (await client.DeleteAsync($"/api/v1/books/{book.Id}/versions/2", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files.zip", Ct)).Length.ShouldBeGreaterThan(100);

        if (fixture.Bucket is { } bucket)
        {
            // On S3 nothing of the book's files or the step outputs sits in the data folder: the bucket holds them.
            var keys = await fixture.Moto!.KeysAsync(bucket);
            keys.ShouldContain(k => k.StartsWith("assets/", StringComparison.Ordinal));
            Directory.Exists(Path.Combine(app.DataDirectory, "assets")).ShouldBeFalse();
            Directory.Exists(Path.Combine(app.DataDirectory, "books", book.Id.ToString("N"), "v2")).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Restoring_an_older_version_makes_it_current_keeps_the_one_that_was_and_sets_the_pages_back()
    {
        var app = fixture.Server;
        var client = app.CreateClient(await app.CreateUserAsync());
        var book = await client.CreateBookAsync(("title", "Pip and the Kite"), ("pageCount", 24));
        (await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, TimeSpan.FromSeconds(90))).Status.ShouldBe("succeeded");
        var pages = await (await client.GetAsync($"/api/v1/books/{book.Id}/pages", Ct)).ReadAsync<List<PageDto>>();
        var page = pages.First(p => p.Role == "story");
        (await client.PutAsJsonAsync($"/api/v1/books/{book.Id}/pages/{page.Number}/text", new { text = "The kite flew over the red barn." }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var rebuild = await (await client.PostAsync($"/api/v1/books/{book.Id}/rebuild", null, Ct)).ReadAsync<TaskDto>(HttpStatusCode.Accepted);
        (await client.WaitForAsync(rebuild.Id, TimeSpan.FromSeconds(90))).Status.ShouldBe("succeeded");

        // Nobody else may restore it, and a version that is not there is named.
        var stranger = app.CreateClient(await app.CreateUserAsync());
        (await stranger.PostAsync($"/api/v1/books/{book.Id}/versions/1/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await client.PostAsync($"/api/v1/books/{book.Id}/versions/9/restore", null, Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString()!.ShouldContain("no version 9");

        var restored = await (await client.PostAsync($"/api/v1/books/{book.Id}/versions/1/restore", null, Ct)).ReadAsync<BookVersionDto>();
        restored.Number.ShouldBe(3);
        restored.RestoredFrom.ShouldBe(1);
        restored.Latest.ShouldBeTrue();
        var versions = await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>();
        versions.Select(v => (v.Number, v.Latest, v.RestoredFrom)).ShouldBe([(3, true, (int?)1), (2, false, null), (1, false, null)]);
        versions[0].Files.Select(f => (f.Name, f.Size)).ShouldBe(versions[2].Files.Select(f => (f.Name, f.Size)));
        (await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct))
            .ShouldBe(await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf?version=1", Ct));
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/manuscript.json?version=2", Ct)).ShouldContain("over the red barn");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages/{page.Number}", Ct)).ReadAsync<PageDto>()).Text.ShouldBe(page.Text);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready");

        // An edit since the last build is thrown away by restoring the latest: no copy is made, only the pages go back.
        (await client.PutAsJsonAsync($"/api/v1/books/{book.Id}/pages/{page.Number}/text", new { text = "A word I did not want." }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("outdated");
        (await (await client.PostAsync($"/api/v1/books/{book.Id}/versions/3/restore", null, Ct)).ReadAsync<BookVersionDto>()).Number.ShouldBe(3);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>()).Count.ShouldBe(3);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/pages/{page.Number}", Ct)).ReadAsync<PageDto>()).Text.ShouldBe(page.Text);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<BookDto>()).Status.ShouldBe("ready");

        // While the book is being made, restoring would race the build: refused in plain words (a task row marked running, no job).
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Storyloom.Server.Data.StoryloomDb>();
            var running = new GenerationTask { OwnerId = book.OwnerId, BookId = book.Id, Kind = TaskRunner.RebuildKind, Status = TaskStatuses.Running, CreatedAt = DateTime.UtcNow };
            db.GenerationTasks.Add(running);
            await db.SaveChangesAsync(Ct);
            var busy = await client.PostAsync($"/api/v1/books/{book.Id}/versions/2/restore", null, Ct);
            (await busy.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("being made right now");
            db.GenerationTasks.Remove(running);
            await db.SaveChangesAsync(Ct);
        }
    }

    private async Task<List<string>> StoredKeysAsync(Guid bookId)
    {
        var store = fixture.Server.App.Services.GetRequiredService<Storyloom.Server.Storage.IFileStore>();
        var keys = new List<string>();
        await foreach (var f in store.ListAsync(Storyloom.Server.Assets.BookFiles.BookPrefix(bookId), Ct))
        {
            if (!f.Key.Contains("/build/", StringComparison.Ordinal))
            {
                keys.Add(f.Key);
            }
        }
        return keys;
    }
}

public sealed class SqliteLocalBookVersionsTests(SqliteLocalVersionsApp app) : BookVersionsTests(app), IClassFixture<SqliteLocalVersionsApp>;

public sealed class PostgresS3BookVersionsTests(PostgresS3VersionsApp app) : BookVersionsTests(app), IClassFixture<PostgresS3VersionsApp>;
