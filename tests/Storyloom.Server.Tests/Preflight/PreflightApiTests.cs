using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Storyloom.Print.Tests.Preflight;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Preflight;

public abstract class PreflightApiTests(AppFixture fixture) : ApiTests(fixture)
{
    private static readonly Lazy<Task<string>> GoodInterior = new(() =>
        TestPdfs.FromHtmlAsync("server-good", 612, 612, string.Concat(Enumerable.Range(1, 24).Select(i =>
            $"<div class=\"page\"><div class=\"abs\" style=\"left:72pt;top:72pt;font-size:14pt\">Page {i}: Pip walks to the sea.</div></div>"))));

    [Fact]
    public async Task A_good_interior_gets_the_CLI_report_with_the_page_count_read_from_the_file()
    {
        var (_, client) = await SignedInAsync();
        var response = await client.PostAsync("/api/v1/preflight",
            Form(await File.ReadAllBytesAsync(await GoodInterior.Value, Ct), ("trim", "8.5x8.5"), ("ink", "premium-color"), ("bleed", "false")), Ct);
        var report = await response.ReadAsync<JsonElement>();
        report.GetProperty("request").GetProperty("interiorPath").GetString().ShouldBe("book.pdf");
        report.GetProperty("request").GetProperty("options").GetProperty("pages").GetInt32().ShouldBe(24);
        report.GetProperty("request").GetProperty("options").GetProperty("ink").GetString().ShouldBe("premium-color");
        var checks = report.GetProperty("checks").EnumerateArray().ToList();
        checks.Count.ShouldBeGreaterThan(5);
        var range = checks.First(c => c.GetProperty("title").GetString() == "Page count within KDP range");
        range.GetProperty("status").GetString().ShouldBe("pass");
        range.GetProperty("detail").GetString()!.ShouldContain("24 pages");
        report.GetProperty("verdict").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_broken_interior_is_named_and_an_unembedded_font_fails_in_the_report()
    {
        var (_, client) = await SignedInAsync();
        var good = await File.ReadAllBytesAsync(await GoodInterior.Value, Ct);
        var truncated = good[..(good.Length / 3)];
        var problem = await (await client.PostAsync("/api/v1/preflight",
            Form(truncated, ("trim", "8.5x8.5"), ("ink", "premium-color"), ("bleed", "false")), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("interior").ShouldContain("not a readable PDF");

        var unembedded = await File.ReadAllBytesAsync(await TestPdfs.UnembeddedFontAsync(612, 612), Ct);
        var report = await (await client.PostAsync("/api/v1/preflight",
            Form(unembedded, ("trim", "8.5x8.5"), ("ink", "bw"), ("bleed", "false"), ("pageCount", "24")), Ct)).ReadAsync<JsonElement>();
        report.GetProperty("passed").GetBoolean().ShouldBeFalse();
        report.GetProperty("checks").EnumerateArray()
            .ShouldContain(c => c.GetProperty("status").GetString() == "fail" && c.GetProperty("detail").GetString()!.Contains("Helvetica"));
    }

    [Fact]
    public async Task Bad_options_not_a_pdf_and_not_multipart_are_refused()
    {
        var (_, client) = await SignedInAsync();
        var good = await File.ReadAllBytesAsync(await GoodInterior.Value, Ct);
        var problem = await (await client.PostAsync("/api/v1/preflight", Form(good, ("ink", "gold"), ("bleed", "maybe")), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("trim").ShouldContain("trim is missing");
        problem.FieldError("ink").ShouldContain("unknown ink 'gold'");
        problem.FieldError("bleed").ShouldContain("true or false");

        (await (await client.PostAsync("/api/v1/preflight", Form(null, ("trim", "8.5x8.5"), ("ink", "bw"), ("bleed", "true")), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("interior").ShouldContain("missing");
        (await (await client.PostAsync("/api/v1/preflight",
            Form(Encoding.UTF8.GetBytes("hello, I am a Word document"), ("trim", "8.5x8.5"), ("ink", "bw"), ("bleed", "true")), Ct))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType)).Detail().ShouldContain("not a PDF");
        (await client.PostAsync("/api/v1/preflight", new StringContent("{}", Encoding.UTF8, "application/json"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await App.CreateClient().PostAsync("/api/v1/preflight", Form(good, ("trim", "8.5x8.5")), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static MultipartFormDataContent Form(byte[]? interior, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (interior is not null)
        {
            var file = new ByteArrayContent(interior);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "interior", "book.pdf");
        }
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }
}

public sealed class SqlitePreflightApiTests(SqliteApp app) : PreflightApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPreflightApiTests(PostgresApp app) : PreflightApiTests(app), IClassFixture<PostgresApp>;
