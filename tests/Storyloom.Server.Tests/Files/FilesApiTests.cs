using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Assets;
using Storyloom.Server.Files;
using Storyloom.Server.Storage;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Files;

public abstract class FilesApiTests(AppFixture fixture) : ApiTests(fixture)
{
    private IFileStore Store => App.App.Services.GetRequiredService<IFileStore>();

    [Fact]
    public async Task Before_a_build_every_file_is_404_and_says_not_built_yet()
    {
        var (_, client) = await SignedInAsync();
        var book = await client.CreateBookAsync();
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldContain("not built yet");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/files.zip", Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldContain("not built yet");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/files/..%2Fstoryloom.db", Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldContain("interior.pdf, cover.pdf");
    }

    [Fact]
    public async Task The_owner_and_an_admin_download_each_file_and_the_zip_and_nobody_else_does()
    {
        var (_, client) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        var (_, admin) = await SignedInAsync(Storyloom.Server.Accounts.Roles.Admin);
        var book = await client.CreateBookAsync(("title", "Pip's Big Day!"));
        var interior = Encoding.ASCII.GetBytes("%PDF-1.7\n% an interior\n" + new string('x', 200_000));
        await App.PublishBuildAsync(book.Id, ("interior.pdf", interior), ("listing.json", Encoding.UTF8.GetBytes("{\"title\":\"Pip's Big Day!\"}")));

        var response = await client.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("pip-s-big-day-interior.pdf");
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(interior);
        (await admin.GetAsync($"/api/v1/books/{book.Id}/files/listing.json", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/books/{book.Id}/files/cover.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var zipResponse = await client.GetAsync($"/api/v1/books/{book.Id}/files.zip", Ct);
        zipResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        zipResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        await using (var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync(Ct))))
        {
            zip.Entries.Select(e => e.FullName).ShouldBe(["pip-s-big-day/interior.pdf", "pip-s-big-day/listing.json"]);
            using var copy = new MemoryStream();
            await using (var entry = await zip.Entries[0].OpenAsync(Ct))
            {
                await entry.CopyToAsync(copy, Ct);
            }
            copy.ToArray().ShouldBe(interior);
        }
        (await admin.GetAsync($"/api/v1/books/{book.Id}/files.zip", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await other.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/books/{book.Id}/files.zip", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.CreateClient().GetAsync($"/api/v1/books/{book.Id}/files.zip", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deleting_a_book_deletes_its_files()
    {
        var (_, client) = await SignedInAsync();
        var book = await client.CreateBookAsync();
        await App.PublishBuildAsync(book.Id, ("cover.pdf", Encoding.ASCII.GetBytes("%PDF-1.7")));
        await App.PublishBuildAsync(book.Id, ("cover.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 again")));
        (await ListAsync(BookFiles.BookPrefix(book.Id))).Count.ShouldBe(2);
        (await client.DeleteAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(BookFiles.BookPrefix(book.Id))).ShouldBeEmpty();
        Directory.Exists(Path.Combine(App.DataDirectory, "books", book.Id.ToString("N"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Each_build_is_a_version_downloadable_by_number_and_the_latest_is_the_default()
    {
        var (_, client) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        var book = await client.CreateBookAsync(("title", "Moss Counts Stars"));
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>()).ShouldBeEmpty();
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 first"u8.ToArray()), ("listing.json", "{}"u8.ToArray()));
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 second"u8.ToArray()));

        var versions = await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>();
        versions.Select(v => (v.Number, v.Latest)).ShouldBe([(2, true), (1, false)]);
        versions[1].Files.Select(f => (f.Name, f.Size, f.ContentType)).ShouldBe([("interior.pdf", 14L, "application/pdf"), ("listing.json", 2L, "application/json")]);
        (await client.GetStringAsync(versions[1].Files[0].Url, Ct)).ShouldBe("%PDF-1.7 first");
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct)).ShouldBe("%PDF-1.7 second");
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/interior.pdf?version=2", Ct)).ShouldBe("%PDF-1.7 second");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/files/listing.json", Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldContain("version 2 has no listing.json");
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf?version=7", Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldContain("no version 7");
        using (var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files.zip?version=1", Ct))))
        {
            zip.Entries.Select(e => e.FullName).ShouldBe(["moss-counts-stars/interior.pdf", "moss-counts-stars/listing.json"]);
        }
        foreach (var bad in new[] { "abc", "0", "-1", "1.5" })
        {
            var problem = await (await client.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf?version={bad}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").GetProperty("version")[0].GetString().ShouldNotBeNull().ShouldContain($"'{bad}'");
            (await client.GetAsync($"/api/v1/books/{book.Id}/files.zip?version={bad}", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        (await other.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_version_removes_its_files_but_the_only_version_left_stays_and_numbers_are_not_reused()
    {
        var (_, client) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        var book = await client.CreateBookAsync();
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 v1"u8.ToArray()));
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 v2"u8.ToArray()));
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 v3"u8.ToArray()));

        (await other.DeleteAsync($"/api/v1/books/{book.Id}/versions/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/books/{book.Id}/versions/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Store.ExistsAsync(BookFiles.KeyOf(book.Id, 1, "interior.pdf"), Ct)).ShouldBeFalse();
        (await Store.ExistsAsync(BookFiles.KeyOf(book.Id, 2, "interior.pdf"), Ct)).ShouldBeTrue();
        (await (await client.DeleteAsync($"/api/v1/books/{book.Id}/versions/1", Ct)).ProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldContain("no version 1");
        (await client.GetAsync($"/api/v1/books/{book.Id}/files/interior.pdf?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The latest may go while an older one is left: the older one becomes the latest.
        (await client.DeleteAsync($"/api/v1/books/{book.Id}/versions/3", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct)).ShouldBe("%PDF-1.7 v2");
        var only = await (await client.DeleteAsync($"/api/v1/books/{book.Id}/versions/2", Ct)).ProblemAsync(HttpStatusCode.Conflict);
        only.Detail().ShouldContain("only build");
        (await client.GetStringAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct)).ShouldBe("%PDF-1.7 v2");

        (await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 v4"u8.ToArray()))).Number.ShouldBe(4);
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>()).Select(v => v.Number).ShouldBe([4, 2]);
    }

    private async Task<List<StoredFile>> ListAsync(string prefix)
    {
        var files = new List<StoredFile>();
        await foreach (var f in Store.ListAsync(prefix, Ct))
        {
            files.Add(f);
        }
        return files;
    }
}

public sealed class SqliteFilesApiTests(SqliteApp app) : FilesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFilesApiTests(PostgresApp app) : FilesApiTests(app), IClassFixture<PostgresApp>;
