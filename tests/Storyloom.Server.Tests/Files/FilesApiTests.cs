using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Assets;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Files;

public abstract class FilesApiTests(AppFixture fixture) : ApiTests(fixture)
{
    private BookFiles Files => new(App.App.Services.GetRequiredService<StoryloomOptions>());

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
        await Files.WriteAsync(book.Id, "interior.pdf", interior, Ct);
        await Files.WriteAsync(book.Id, "listing.json", Encoding.UTF8.GetBytes("{\"title\":\"Pip's Big Day!\"}"), Ct);

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
        await Files.WriteAsync(book.Id, "cover.pdf", Encoding.ASCII.GetBytes("%PDF-1.7"), Ct);
        (await client.DeleteAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Directory.Exists(Files.BookFolder(book.Id)).ShouldBeFalse();
    }
}

public sealed class SqliteFilesApiTests(SqliteApp app) : FilesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFilesApiTests(PostgresApp app) : FilesApiTests(app), IClassFixture<PostgresApp>;
