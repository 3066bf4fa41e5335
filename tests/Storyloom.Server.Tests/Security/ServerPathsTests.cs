using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;
using Storyloom.Print.Tests.Preflight;
using Storyloom.Print.Tools;
using Storyloom.Server.Accounts;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Security;

/// <summary>
/// Point 5 of the security issue: what a user can read (preflight.json, the preflight answer, task errors and events, the
/// anonymous /health/ready) names no folder of the server: not the data folder, not the temp folder, not where it is installed.
/// </summary>
public static class ServerPaths
{
    /// <summary>Fails when <paramref name="text"/> holds the data folder, the temp folder or a usual system root.</summary>
    public static void ShouldNotNameServerFolders(this string text, string dataDirectory, string what)
    {
        var roots = new[] { Path.GetFullPath(dataDirectory), Path.GetTempPath().TrimEnd('/'), "/tmp/", "/var/", "/home/", "/root/", "/usr/", "/work/", "/opt/", "/srv/" };
        foreach (var root in roots)
        {
            text.ShouldNotContain(root, Case.Sensitive, $"{what} names the server folder {root}: {text}");
        }
        // JSON escapes backslashes, so a Windows path would read C:\\…
        text.ShouldNotMatch(@"[A-Za-z]:\\\\", $"{what} names a Windows folder: {text}");
    }
}

/// <summary>A book made through the API with the real printer: every JSON its owner can read is free of server folders.</summary>
[Collection("tasks")]
public abstract class BookJsonPathsTests(TaskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_json_a_user_reads_about_a_built_book_names_a_server_folder()
    {
        var app = fixture.Server;
        var client = app.CreateClient(await app.CreateUserAsync());
        var book = await client.CreateBookAsync(("title", "Pip and the Paths"), ("pageCount", 24));
        var queued = await client.GenerateAsync(book.Id);
        var task = await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(240));
        task.Status.ShouldBe("succeeded", task.Error);

        var readable = new Dictionary<string, string>
        {
            ["task"] = await client.GetStringAsync($"/api/v1/tasks/{task.Id}", Ct),
            ["task events"] = await client.GetStringAsync($"/api/v1/tasks/{task.Id}/events", Ct),
            ["tasks"] = await client.GetStringAsync("/api/v1/tasks", Ct),
            ["book"] = await client.GetStringAsync($"/api/v1/books/{book.Id}", Ct),
            ["pages"] = await client.GetStringAsync($"/api/v1/books/{book.Id}/pages", Ct),
            ["versions"] = await client.GetStringAsync($"/api/v1/books/{book.Id}/versions", Ct),
        };
        foreach (var name in new[] { "preflight.json", "manuscript.json", "listing.json" })
        {
            readable[name] = await client.GetStringAsync($"/api/v1/books/{book.Id}/files/{name}", Ct);
        }
        foreach (var (what, text) in readable)
        {
            text.ShouldNotNameServerFolders(app.DataDirectory, what);
        }

        // preflight.json names the PDFs beside it, as the book's zip holds them.
        var preflight = JsonDocument.Parse(readable["preflight.json"]).RootElement;
        preflight.GetProperty("request").GetProperty("interiorPath").GetString().ShouldBe("interior.pdf");
        preflight.GetProperty("request").GetProperty("coverPath").GetString().ShouldBe("cover.pdf");
        preflight.GetProperty("checks").GetArrayLength().ShouldBeGreaterThan(5);
    }
}

[Collection("tasks")]
public sealed class SqliteBookJsonPathsTests(SqliteTaskApp fixture) : BookJsonPathsTests(fixture), IClassFixture<SqliteTaskApp>;

[Collection("tasks")]
public sealed class PostgresBookJsonPathsTests(PostgresTaskApp fixture) : BookJsonPathsTests(fixture), IClassFixture<PostgresTaskApp>;

/// <summary>A failed task, the preflight upload and /health/ready.</summary>
public abstract class ServerPathsTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tool_failure_that_names_the_work_folder_reaches_the_user_with_file_names_only()
    {
        await using var app = await StoryloomApp.StartAsync(db, null, s => s.AddSingleton<IBookPrinting>(new DamagedPrinting()));
        using var client = app.CreateClient(await app.CreateUserAsync());
        var book = await client.CreateBookAsync(("pageCount", 24));
        var queued = await client.GenerateAsync(book.Id);
        var task = await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(120));

        task.Status.ShouldBe("failed");
        task.Error.ShouldNotBeNull().ShouldContain("out/interior.pdf: file is damaged");
        task.Error.ShouldNotNameServerFolders(app.DataDirectory, "the task's error");
        var events = await client.GetStringAsync($"/api/v1/tasks/{task.Id}/events", Ct);
        events.ShouldContain("file is damaged");
        events.ShouldNotNameServerFolders(app.DataDirectory, "the task's events");
        (await client.GetStringAsync($"/api/v1/tasks/{task.Id}", Ct)).ShouldNotNameServerFolders(app.DataDirectory, "the task");
    }

    [Fact]
    public async Task The_preflight_answer_names_the_uploaded_file_and_no_server_folder()
    {
        await using var app = await StoryloomApp.StartAsync(db);
        using var client = app.CreateClient(await app.CreateUserAsync());
        var good = await File.ReadAllBytesAsync(await TestPdfs.UnembeddedFontAsync(612, 612), Ct);
        foreach (var pdf in new[] { good, good[..(good.Length / 2)] })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "interior", "my book.pdf");
            foreach (var (name, value) in new[] { ("trim", "8.5x8.5"), ("ink", "bw"), ("bleed", "false"), ("pageCount", "24") })
            {
                form.Add(new StringContent(value), name);
            }
            var response = await client.PostAsync("/api/v1/preflight", form, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
            text.ShouldNotNameServerFolders(app.DataDirectory, "the preflight answer");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                JsonDocument.Parse(text).RootElement.GetProperty("request").GetProperty("interiorPath").GetString().ShouldBe("my book.pdf");
            }
        }
    }

    [Fact]
    public async Task Anonymous_health_ready_gives_the_verdict_without_details_and_an_admin_gets_them()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        using var anonymous = app.CreateClient();
        var answer = await anonymous.GetAsync("/health/ready", Ct);
        var text = await answer.Content.ReadAsStringAsync(Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldNotNameServerFolders(app.DataDirectory, "anonymous /health/ready");
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("status").GetString().ShouldBe("ready");
        foreach (var check in body.GetProperty("checks").EnumerateObject())
        {
            check.Value.GetProperty("status").GetString().ShouldBe("healthy");
            check.Value.TryGetProperty("detail", out _).ShouldBeFalse(check.Name);
        }

        using var user = app.CreateClient(await app.CreateUserAsync());
        (await user.GetStringAsync("/health/ready", Ct)).ShouldNotNameServerFolders(app.DataDirectory, "a user's /health/ready");

        using var admin = app.CreateClient(await app.CreateUserAsync(Roles.Admin));
        var detailed = JsonDocument.Parse(await admin.GetStringAsync("/health/ready", Ct)).RootElement.GetProperty("checks");
        detailed.GetProperty("storage").GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(Path.GetFullPath(app.DataDirectory));
        detailed.GetProperty("chromium").GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    /// <summary>Layout fails the way qpdf does, naming the file in the task's work folder.</summary>
    private sealed class DamagedPrinting : IBookPrinting
    {
        public Task PrintAsync(BookSteps steps, BookSpec spec, Manuscript manuscript, string artRoot, string outDir, CancellationToken ct) =>
            throw new ExternalToolException($"qpdf --check {outDir}/interior.pdf failed with exit code 2: WARNING: {outDir}/interior.pdf: file is damaged; art in {artRoot}");

        public Task PreflightAsync(BookSpec spec, Manuscript manuscript, string interiorPdf, string coverPdf, string preflightJson, CancellationToken ct) =>
            Task.CompletedTask;

        public Task PreviewsAsync(string interiorPdf, string coverPdf, string directory, CancellationToken ct) => Task.CompletedTask;
    }
}

public sealed class SqliteServerPathsTests() : ServerPathsTests(Db.Sqlite);

public sealed class PostgresServerPathsTests() : ServerPathsTests(Db.Postgres);

/// <summary>The scrubber itself: known paths become names, other absolute paths their last part, other slashes stay.</summary>
public sealed class UserPathsTests
{
    [Fact]
    public void Known_folders_and_files_become_names_and_other_absolute_paths_their_file_name()
    {
        UserPaths.Scrub("qpdf /srv/storyloom/work/ab12/out/interior.pdf: damaged", [("/srv/storyloom/work/ab12", "")])
            .ShouldBe("qpdf out/interior.pdf: damaged");
        UserPaths.Scrub("cannot open '/tmp/storyloom-preflight-x1/interior.pdf'", [("/tmp/storyloom-preflight-x1/interior.pdf", "my book.pdf")])
            .ShouldBe("cannot open 'my book.pdf'");
        UserPaths.Scrub("Syntax Error: Couldn't open file '/var/lib/storyloom/books/9f/build/page-01.svg'").ShouldBe("Syntax Error: Couldn't open file 'page-01.svg'");
        UserPaths.Scrub(@"not found: C:\storyloom\data\work\x.pdf").ShouldBe("not found: x.pdf");
        var untouched = "1/8 inch bleed, and/or /MediaBox /TrimBox, see https://kdp.amazon.com/help/topic and 300/300 dpi; clear the templates (PUT /api/v1/canva/books/{id})";
        UserPaths.Scrub(untouched).ShouldBe(untouched);
    }

    [Fact]
    public void A_report_for_its_reader_names_the_files_and_its_details_no_folder()
    {
        var request = new PreflightRequest("/var/lib/storyloom/work/ab12/out/interior.pdf", "/var/lib/storyloom/work/ab12/out/cover.pdf",
            new PrintOptions(Trims.TryParse("8.5x8.5")!, Ink.Bw, Paper.White, 24, false));
        var report = new PreflightReport(request,
        [
            new PreflightCheck("PDF", "interior", "File can be read", RuleLevel.Must, CheckStatus.Fail,
                "pdfinfo cannot read the file: Couldn't open '/var/lib/storyloom/work/ab12/out/interior.pdf'"),
        ]);

        var forUser = report.ForUser("interior.pdf", "cover.pdf");

        forUser.Request.InteriorPath.ShouldBe("interior.pdf");
        forUser.Request.CoverPath.ShouldBe("cover.pdf");
        forUser.Checks[0].Detail.ShouldBe("pdfinfo cannot read the file: Couldn't open 'interior.pdf'");
        forUser.Passed.ShouldBeFalse();
    }
}
