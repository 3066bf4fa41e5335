using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Templates;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Api;

/// <summary>Every endpoint that takes a JSON body, sent every kind of bad body: always problem+json, never 500.</summary>
public abstract class BadBodyTests(AppFixture fixture) : ApiTests(fixture)
{
    private static readonly string[] Endpoints =
    [
        "CreateBook", "UpdateBook", "EditPageText", "ReorderPages", "CreateCharacter", "UpdateCharacter", "CreateTemplate", "UpdateTemplate",
        "Register", "Login", "Refresh", "Logout", "ChangePassword", "CreateApiKey", "AdminUpdateUser", "GenerateSeries",
        "PutAiSettings", "EstimateBrief", "CreateAlertRule", "UpdateAlertRule", "RegeneratePagePicture", "RegenerateCover", "ChoosePagePicture", "ChooseCoverPicture", "CanvaSaveMapping", "CanvaSetBookTemplates",
    ];

    /// <summary>The route of each endpoint above, so <see cref="Every_endpoint_that_reads_a_json_body_is_in_this_test"/> can compare.</summary>
    private static readonly Dictionary<string, string> Routes = new()
    {
        ["CreateBook"] = "POST /api/v1/books", ["UpdateBook"] = "PATCH /api/v1/books/{id:guid}",
        ["EditPageText"] = "PUT /api/v1/books/{id:guid}/pages/{number:int}/text", ["ReorderPages"] = "POST /api/v1/books/{id:guid}/pages/reorder",
        ["CreateCharacter"] = "POST /api/v1/characters", ["UpdateCharacter"] = "PUT /api/v1/characters/{id:guid}",
        ["CreateTemplate"] = "POST /api/v1/templates", ["UpdateTemplate"] = "PUT /api/v1/templates/{id:guid}",
        ["Register"] = "POST /api/v1/auth/register", ["Login"] = "POST /api/v1/auth/login", ["Refresh"] = "POST /api/v1/auth/refresh",
        ["Logout"] = "POST /api/v1/auth/logout", ["ChangePassword"] = "POST /api/v1/auth/change-password",
        ["CreateApiKey"] = "POST /api/v1/auth/api-keys", ["AdminUpdateUser"] = "PATCH /api/v1/admin/users/{id:guid}",
        ["GenerateSeries"] = "POST /api/v1/series",
        ["PutAiSettings"] = "PUT /api/v1/settings/ai", ["EstimateBrief"] = "POST /api/v1/books/estimate", ["CheckBrief"] = "POST /api/v1/books/check", ["CreateAlertRule"] = "POST /api/v1/admin/alerts", ["UpdateAlertRule"] = "PUT /api/v1/admin/alerts/{id:guid}", ["RegeneratePagePicture"] = "POST /api/v1/books/{id:guid}/pages/{number:int}/regenerate-picture",
        ["RegenerateCover"] = "POST /api/v1/books/{id:guid}/cover/regenerate",
        ["ChoosePagePicture"] = "PUT /api/v1/books/{id:guid}/pages/{number:int}/picture", ["ChooseCoverPicture"] = "PUT /api/v1/books/{id:guid}/cover/picture",
        ["CanvaSaveMapping"] = "PUT /api/v1/canva/brand-templates/{templateId}/mapping", ["CanvaSetBookTemplates"] = "PUT /api/v1/canva/books/{id:guid}",
    };

    /// <summary>Bodies without a closed set of values have no unknown-enum case.</summary>
    private static readonly HashSet<string> WithoutEnums =
    [
        "Register", "Login", "Refresh", "Logout", "ChangePassword", "CreateApiKey", "GenerateSeries",
        "RegeneratePagePicture", "RegenerateCover", "ChoosePagePicture", "ChooseCoverPicture", "CanvaSetBookTemplates",
    ];

    /// <summary>The body may be left out (the defaults apply), so an empty one is not an error.</summary>
    private static readonly HashSet<string> OptionalBody = ["RegeneratePagePicture", "RegenerateCover"];

    public static readonly TheoryData<string, string> Cases = new(
        from endpoint in Endpoints
        from kind in new[] { "malformed", "array-not-object", "wrong-type", "unknown-enum", "missing-body", "wrong-content-type", "too-large" }
        where kind != "unknown-enum" || !WithoutEnums.Contains(endpoint)
        where kind != "missing-body" || !OptionalBody.Contains(endpoint)
        select (endpoint, kind));

    [Fact]
    public void Every_endpoint_that_reads_a_json_body_is_in_this_test()
    {
        var reading = App.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.Trim('/')}"))
            .ToHashSet();
        reading.Except(Routes.Values).ShouldBeEmpty("these endpoints read a JSON body but have no bad-body cases here");
        Routes.Values.Except(reading).ShouldBeEmpty("these routes are listed here but no longer read a JSON body");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_body_gets_the_right_status_as_problem_json(string endpoint, string kind)
    {
        var (_, client) = await SignedInAsync(endpoint is "AdminUpdateUser" or "CreateAlertRule" or "UpdateAlertRule" ? Roles.Admin : Roles.User);
        var (method, url, wrongType, unknownEnum) = await EndpointAsync(client, endpoint);
        var (content, status) = kind switch
        {
            "malformed" => (Json("{\"title\": \"Pip\", "), HttpStatusCode.BadRequest),
            "array-not-object" => (Json("[1, 2, 3]"), HttpStatusCode.BadRequest),
            "wrong-type" => (Json(wrongType), HttpStatusCode.BadRequest),
            "unknown-enum" => (Json(unknownEnum), HttpStatusCode.BadRequest),
            "missing-body" => (Json(""), HttpStatusCode.BadRequest),
            "wrong-content-type" => (new StringContent("title=Pip", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType),
            _ => (Json($"{{\"title\": \"{new string('a', (1 << 20) + 10)}\"}}"), HttpStatusCode.RequestEntityTooLarge),
        };
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = content }, Ct);
        var problem = await response.ProblemAsync(status);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        if (kind is "wrong-type" or "unknown-enum")
        {
            problem.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_413_before_it_is_read()
    {
        await using var small = await StoryloomApp.StartAsync(App.Db, new Dictionary<string, string?> { ["Storyloom:Limits:MaxUploadBytes"] = "20000" });
        var client = small.CreateClient(await small.CreateUserAsync());
        var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[30_000]), "interior", "big.pdf" } };
        (await (await client.PostAsync("/api/v1/preflight", form, Ct)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge))
            .Detail().ShouldContain("at most 20000 bytes");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>The method and URL of an endpoint on fresh resources, with a body of the wrong type and one with an unknown value.</summary>
    private async Task<(HttpMethod, string, string, string)> EndpointAsync(HttpClient client, string endpoint)
    {
        switch (endpoint)
        {
            case "CreateBook":
                return (HttpMethod.Post, "/api/v1/books", "{\"title\": \"Pip\", \"pageCount\": \"many\"}", "{\"title\": \"Pip\", \"kind\": \"novel\"}");
            case "UpdateBook":
                var book = await client.CreateBookAsync();
                return (HttpMethod.Patch, $"/api/v1/books/{book.Id}", "{\"bleed\": \"yes\"}", "{\"ink\": \"gold\"}");
            case "EditPageText" or "ReorderPages":
                var written = await client.CreateBookAsync();
                await client.PostAsync($"/api/v1/books/{written.Id}/manuscript", null, Ct);
                return endpoint == "EditPageText"
                    ? (HttpMethod.Put, $"/api/v1/books/{written.Id}/pages/3/text", "{\"text\": 42}", "{\"text\": null}")
                    : (HttpMethod.Post, $"/api/v1/books/{written.Id}/pages/reorder", "{\"order\": \"3,4,5\"}", "{\"order\": [3, 3]}");
            case "CreateCharacter" or "UpdateCharacter":
                var wrong = "{\"name\": \"Pip\", \"species\": \"fox\", \"visualDescription\": \"a fox\", \"traits\": \"brave\"}";
                var unknown = "{\"name\": \"Pip\", \"species\": \"wolf\", \"visualDescription\": \"a fox\"}";
                if (endpoint == "CreateCharacter")
                {
                    return (HttpMethod.Post, "/api/v1/characters", wrong, unknown);
                }
                var character = await client.CreateCharacterAsync("Pip", "fox");
                return (HttpMethod.Put, $"/api/v1/characters/{character.Id}", wrong, unknown);
            case "Register":
                return (HttpMethod.Post, "/api/v1/auth/register", "{\"email\": 42, \"password\": \"long enough password\"}", "");
            case "Login":
                return (HttpMethod.Post, "/api/v1/auth/login", "{\"email\": \"a@example.test\", \"password\": [1]}", "");
            case "Refresh" or "Logout":
                return (HttpMethod.Post, $"/api/v1/auth/{endpoint.ToLowerInvariant()}", "{\"refreshToken\": {\"a\": 1}}", "");
            case "ChangePassword":
                return (HttpMethod.Post, "/api/v1/auth/change-password", "{\"currentPassword\": true, \"newPassword\": \"long enough password\"}", "");
            case "CreateApiKey":
                return (HttpMethod.Post, "/api/v1/auth/api-keys", "{\"name\": 7}", "");
            case "PutAiSettings":
                return (HttpMethod.Put, "/api/v1/settings/ai", "{\"monthlyBudgetUsd\": \"lots\"}", "{\"provider\": \"anthropic\"}");
            case "EstimateBrief":
                return (HttpMethod.Post, "/api/v1/books/estimate", "{\"pageCount\": \"many\"}", "{\"textEngine\": \"gpt\"}");
            case "CheckBrief":
                return (HttpMethod.Post, "/api/v1/books/check", "{\"title\": \"Pip\", \"pageCount\": \"many\"}", "{\"title\": \"Pip\", \"kind\": \"novel\"}");
            case "GenerateSeries":
                return (HttpMethod.Post, "/api/v1/series", "{\"bookId\": \"not-an-id\", \"count\": 2}", "");
            case "CreateAlertRule" or "UpdateAlertRule":
                var wrongAlert = "{\"name\": \"Queue\", \"metric\": \"storyloom_queue_depth\", \"comparison\": \">\", \"threshold\": \"high\"}";
                var unknownAlert = "{\"name\": \"Queue\", \"metric\": \"storyloom_queue_depth\", \"comparison\": \"~\", \"threshold\": 1, \"webhookUrl\": \"http://127.0.0.1:9/\"}";
                if (endpoint == "CreateAlertRule")
                {
                    return (HttpMethod.Post, "/api/v1/admin/alerts", wrongAlert, unknownAlert);
                }
                var admin = await App.CreateUserAsync(Roles.Admin);
                using (var adminClient = App.CreateClient(admin))
                {
                    var created = await (await adminClient.PostAsJsonAsync("/api/v1/admin/alerts",
                        new { name = "Queue", metric = "storyloom_queue_depth", comparison = ">", threshold = 5, webhookUrl = "http://127.0.0.1:9/" }, ApiCalls.Json, Ct))
                        .ReadAsync<Storyloom.Server.Monitoring.AlertRuleDto>(HttpStatusCode.Created);
                    return (HttpMethod.Put, $"/api/v1/admin/alerts/{created.Id}", wrongAlert, unknownAlert);
                }
            case "RegeneratePagePicture" or "RegenerateCover" or "ChoosePagePicture" or "ChooseCoverPicture":
                var drawn = await client.CreateBookAsync();
                await client.PostAsync($"/api/v1/books/{drawn.Id}/manuscript", null, Ct);
                return endpoint switch
                {
                    "RegeneratePagePicture" => (HttpMethod.Post, $"/api/v1/books/{drawn.Id}/pages/5/regenerate-picture", "{\"count\": \"three\"}", ""),
                    "RegenerateCover" => (HttpMethod.Post, $"/api/v1/books/{drawn.Id}/cover/regenerate", "{\"count\": [3]}", ""),
                    "ChoosePagePicture" => (HttpMethod.Put, $"/api/v1/books/{drawn.Id}/pages/5/picture", "{\"candidateId\": 42}", ""),
                    _ => (HttpMethod.Put, $"/api/v1/books/{drawn.Id}/cover/picture", "{\"original\": \"yes\"}", ""),
                };
            case "CanvaSaveMapping":
                return (HttpMethod.Put, "/api/v1/canva/brand-templates/DAFstoryPage1/mapping", "{\"fields\": [\"page_text\"]}", "{\"fields\": {\"page_text\": \"page-number\"}}");
            case "CanvaSetBookTemplates":
                var canvaBook = await client.CreateBookAsync();
                return (HttpMethod.Put, $"/api/v1/canva/books/{canvaBook.Id}", "{\"pagesTemplateId\": 42}", "");
            case "AdminUpdateUser":
                var target = await App.CreateUserAsync();
                return (HttpMethod.Patch, $"/api/v1/admin/users/{target.Id}", "{\"disabled\": \"yes\"}", "{\"role\": \"owner\"}");
            default:
                var wrongTemplate = "{\"name\": [\"Mine\"], \"spec\": {}}";
                var unknownTemplate = "{\"name\": \"Mine\", \"spec\": {\"ink\": \"gold\"}}";
                if (endpoint == "CreateTemplate")
                {
                    return (HttpMethod.Post, "/api/v1/templates", wrongTemplate, unknownTemplate);
                }
                var template = await (await client.PostAsJsonAsync("/api/v1/templates", new { name = "Mine", spec = new { shape = "quest" } }, ApiCalls.Json, Ct))
                    .ReadAsync<TemplateDto>(HttpStatusCode.Created);
                return (HttpMethod.Put, $"/api/v1/templates/{template.Id}", wrongTemplate, unknownTemplate);
        }
    }
}

public sealed class SqliteBadBodyTests(SqliteApp app) : BadBodyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBadBodyTests(PostgresApp app) : BadBodyTests(app), IClassFixture<PostgresApp>;
