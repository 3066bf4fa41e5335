using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Cli;
using Storyloom.Server.Assets;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Admin;

/// <summary>`storyloom books list|show|export` against the data folder of a running test server (SQLite, like UsersCommandTests).</summary>
public sealed class BooksCommandTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_show_and_export_a_book_with_its_built_files()
    {
        var user = await App.CreateUserAsync();
        using var client = App.CreateClient(user);
        var book = await client.CreateBookAsync(("title", "The Lantern Fox"));
        await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct);
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7"u8.ToArray()));

        var list = await Storyloom("books", "list", "--user", user.Email);
        list.ExitCode.ShouldBe(0, list.Error);
        list.Out.ShouldContain(book.Id.ToString());
        list.Out.ShouldContain("The Lantern Fox");

        var show = await Storyloom("books", "show", book.Id.ToString());
        show.ExitCode.ShouldBe(0, show.Error);
        show.Out.ShouldContain("interior.pdf");
        show.Out.ShouldContain("written");

        var zipPath = Path.Combine(App.DataDirectory, "export.zip");
        var export = await Storyloom("books", "export", book.Id.ToString(), "--out", zipPath);
        export.ExitCode.ShouldBe(0, export.Error);
        using var zip = ZipFile.OpenRead(zipPath);
        zip.Entries.Select(e => e.FullName).ShouldBe(["book.json", "interior.pdf"], ignoreOrder: true);
        using var json = new StreamReader(zip.GetEntry("book.json")!.Open());
        (await json.ReadToEndAsync(Ct)).ShouldContain("The Lantern Fox");
    }

    [Theory]
    [InlineData("show", "not-a-guid", "is not a book id")]
    [InlineData("show", "01a202c5-7d76-71ac-bebd-8c49d6d683cd", "no book has the id")]
    [InlineData("list", "--status", "unknown status")]
    public async Task Bad_input_is_one_line_and_exit_2(string verb, string arg, string message)
    {
        var run = verb == "list" ? await Storyloom("books", "list", arg, "shelved") : await Storyloom("books", verb, arg);
        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(message);
    }

    private Task<CliRun> Storyloom(params string[] args) => App.RunCliAsync(args);
}
