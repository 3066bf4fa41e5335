using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Storyloom.Print.Tests.Preflight;
using Storyloom.Server.Accounts;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Characters;
using Storyloom.Server.Hosting;
using Storyloom.Server.Templates;
using Storyloom.Server.Tests.Infrastructure;
using P = Storyloom.Server.Tests.Api.AuthorizationMatrixTests.Principal;

namespace Storyloom.Server.Tests.Api;

/// <summary>
/// Every endpoint × every kind of caller → the expected status, in one table. An endpoint the server maps without a row fails
/// the test, so a new endpoint cannot ship without deciding who may call it.
/// </summary>
public abstract class AuthorizationMatrixTests(AppFixture fixture) : ApiTests(fixture)
{
    public enum Principal { Owner, OtherUser, Admin, Anonymous, ExpiredToken, TamperedToken, RevokedApiKey, LiveApiKey }

    private static readonly Principal[] Columns = Enum.GetValues<Principal>();

    /// <summary>The callers: the owner of every resource in <see cref="World"/>, another user, an admin, and bad credentials.</summary>
    private sealed record Callers(TestUser Owner, TestUser Other, TestUser Admin, string ExpiredToken, string TamperedToken, string RevokedKey, string LiveKey);

    /// <summary>What the rows point at: resources of the owner, made once; rows that destroy something make their own.</summary>
    private sealed record World(
        Callers Callers, BookDto Book, CharacterDto Character, TemplateDto Template, TemplateDto BuiltIn, TestUser SignIn, byte[] Pdf,
        Guid QueuedTask, Guid CancelledTask);

    private sealed record Cell(StoryloomApp App, World World, Callers Callers, Principal Caller)
    {
        public TestUser Owner => Callers.Owner;

        /// <summary>The account the caller acts as (for bodies that hold the caller's own password); bad credentials claim the owner.</summary>
        public TestUser Self => Caller switch { P.OtherUser => Callers.Other, P.Admin => Callers.Admin, _ => Callers.Owner };

        public HttpClient OwnerClient() => App.CreateClient(Owner);
    }

    /// <summary>One row: an endpoint as the server maps it (method + route template), how to call it, and the status per caller.</summary>
    private sealed record Row(string Method, string Route, IReadOnlyDictionary<Principal, int> Expected, Func<Cell, Task<HttpRequestMessage>> Request)
    {
        /// <summary>A second row for the same endpoint (e.g. a built-in template) says what differs.</summary>
        public string? Variant { get; init; }
        /// <summary>The call changes the caller's own account (change password): each cell gets callers of its own.</summary>
        public bool FreshCallers { get; init; }
        /// <summary>Served by middleware, not an endpoint (the /docs page).</summary>
        public bool Mapped { get; init; } = true;
        public string Name => $"{Method} {Route}{(Variant is null ? "" : $" [{Variant}]")}";
    }

    // Who may call what. "Owned": another user gets 404 so ids do not leak, an admin sees all. "Own": every signed-in caller
    // gets the answer about their own account or data. A live API key is the owner's and gets the owner's answer.
    private static Dictionary<Principal, int> Public(int ok) => Columns.ToDictionary(p => p, _ => ok);

    private static Dictionary<Principal, int> Own(int ok) => Signed(ok, ok, ok);

    private static Dictionary<Principal, int> Owned(int ok) => Signed(ok, 404, ok);

    private static Dictionary<Principal, int> AdminOnly(int ok) => Signed(403, 403, ok);

    private static Dictionary<Principal, int> Signed(int owner, int other, int admin) => new()
    {
        [P.Owner] = owner, [P.OtherUser] = other, [P.Admin] = admin, [P.Anonymous] = 401,
        [P.ExpiredToken] = 401, [P.TamperedToken] = 401, [P.RevokedApiKey] = 401, [P.LiveApiKey] = owner,
    };

    private static Row[] Table() =>
    [
        // Public: a bad credential on a public endpoint is ignored, not refused.
        new("GET", "/health/live", Public(200), _ => Send("GET", "/health/live")),
        new("GET", "/health/ready", Public(200), _ => Send("GET", "/health/ready")),
        new("GET", "/metrics", Public(200), _ => Send("GET", "/metrics")),
        new("GET", "/openapi/{documentName}.json", Public(200), _ => Send("GET", "/openapi/v1.json")),
        new("GET", "/docs", Public(200), _ => Send("GET", "/docs/index.html")) { Mapped = false },
        new("GET", "/api/v1/print-rules", Public(200), _ => Send("GET", "/api/v1/print-rules")),
        new("POST", "/api/v1/auth/register", Public(201),
            _ => Send("POST", "/api/v1/auth/register", new { email = StoryloomApp.NewEmail(), password = StoryloomApp.NewPassword(), displayName = "Reg" })),
        new("POST", "/api/v1/auth/login", Public(200),
            c => Send("POST", "/api/v1/auth/login", new { email = c.World.SignIn.Email, password = c.World.SignIn.Password })),
        new("POST", "/api/v1/auth/refresh", Public(200), async c => Message("POST", "/api/v1/auth/refresh", new { refreshToken = await FreshRefreshTokenAsync(c) })),
        new("POST", "/api/v1/auth/logout", Public(204), async c => Message("POST", "/api/v1/auth/logout", new { refreshToken = await FreshRefreshTokenAsync(c) })),

        // The caller's own account.
        new("GET", "/api/v1/auth/me", Own(200), _ => Send("GET", "/api/v1/auth/me")),
        // An API key cannot make API keys (issue 16): revoking a leaked key must end the access.
        new("POST", "/api/v1/auth/api-keys", new Dictionary<Principal, int>(Own(201)) { [P.LiveApiKey] = 403 }, _ => Send("POST", "/api/v1/auth/api-keys", new { name = "matrix" })),
        new("GET", "/api/v1/auth/api-keys", Own(200), _ => Send("GET", "/api/v1/auth/api-keys")),
        // Keys are personal credentials: not even an admin can revoke another account's key through this endpoint.
        new("DELETE", "/api/v1/auth/api-keys/{id:guid}", Signed(204, 404, 404),
            async c => Message("DELETE", $"/api/v1/auth/api-keys/{(await c.App.CreateApiKeyAsync(c.Owner.AccessToken)).Id}")),
        new("POST", "/api/v1/auth/change-password", Own(200),
            c => Send("POST", "/api/v1/auth/change-password", new { currentPassword = c.Self.Password, newPassword = StoryloomApp.NewPassword() }))
        { FreshCallers = true },

        // Admin only.
        new("GET", "/api/v1/admin/users", AdminOnly(200), _ => Send("GET", "/api/v1/admin/users")),
        new("PATCH", "/api/v1/admin/users/{id:guid}", AdminOnly(200),
            async c => Message("PATCH", $"/api/v1/admin/users/{(await c.App.CreateUserAsync()).Id}", new { role = "admin", disabled = true })),
        new("GET", "/api/v1/admin/monitoring/system", AdminOnly(200), _ => Send("GET", "/api/v1/admin/monitoring/system")),
        new("GET", "/api/v1/admin/monitoring/workers", AdminOnly(200), _ => Send("GET", "/api/v1/admin/monitoring/workers")),
        new("GET", "/api/v1/admin/monitoring/tasks", AdminOnly(200), _ => Send("GET", "/api/v1/admin/monitoring/tasks")),
        new("GET", "/api/v1/admin/monitoring/errors", AdminOnly(200), _ => Send("GET", "/api/v1/admin/monitoring/errors")),
        new("GET", "/api/v1/admin/alerts", AdminOnly(200), _ => Send("GET", "/api/v1/admin/alerts")),
        new("POST", "/api/v1/admin/alerts", AdminOnly(201), _ => Send("POST", "/api/v1/admin/alerts", AlertBody)),
        new("GET", "/api/v1/admin/alerts/{id:guid}", AdminOnly(200), async c => Message("GET", $"/api/v1/admin/alerts/{await FreshAlertAsync(c)}")),
        new("PUT", "/api/v1/admin/alerts/{id:guid}", AdminOnly(200), async c => Message("PUT", $"/api/v1/admin/alerts/{await FreshAlertAsync(c)}", AlertBody)),
        new("DELETE", "/api/v1/admin/alerts/{id:guid}", AdminOnly(204), async c => Message("DELETE", $"/api/v1/admin/alerts/{await FreshAlertAsync(c)}")),

        // Books: lists and creation are per caller; everything under an id belongs to the owner.
        new("POST", "/api/v1/books", Own(201), _ => Send("POST", "/api/v1/books", ApiCalls.Brief())),
        new("GET", "/api/v1/books", Own(200), _ => Send("GET", "/api/v1/books")),
        new("GET", "/api/v1/books/{id:guid}", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}")),
        new("PATCH", "/api/v1/books/{id:guid}", Owned(200), c => Send("PATCH", $"/api/v1/books/{c.World.Book.Id}", new { seed = 7 })),
        new("POST", "/api/v1/books/{id:guid}/manuscript", Owned(200), c => Send("POST", $"/api/v1/books/{c.World.Book.Id}/manuscript")),
        new("GET", "/api/v1/books/{id:guid}/pages", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/pages")),
        new("GET", "/api/v1/books/{id:guid}/pages/{number:int}", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/pages/3")),
        new("PUT", "/api/v1/books/{id:guid}/pages/{number:int}/text", Owned(200),
            c => Send("PUT", $"/api/v1/books/{c.World.Book.Id}/pages/3/text", new { text = "Pip looked up." })),
        new("POST", "/api/v1/books/{id:guid}/pages/reorder", Owned(200),
            async c => Message("POST", $"/api/v1/books/{c.World.Book.Id}/pages/reorder", new { order = await StoryOrderAsync(c) })),
        new("GET", "/api/v1/books/{id:guid}/files/{name}", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/files/interior.pdf")),
        new("GET", "/api/v1/books/{id:guid}/files.zip", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/files.zip")),
        new("GET", "/api/v1/books/{id:guid}/versions", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/versions")),
        new("GET", "/api/v1/books/{id:guid}/ebook/read-along", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/ebook/read-along")),
        new("GET", "/api/v1/books/{id:guid}/ebook/items/{**path}", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/ebook/items/EPUB/images/p001.jpg")),
        new("DELETE", "/api/v1/books/{id:guid}/versions/{number:int}", Owned(204), async c =>
        {
            using var owner = c.OwnerClient();
            var book = await owner.CreateBookAsync();
            await c.App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 old"u8.ToArray()));
            await c.App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 new"u8.ToArray()));
            return Message("DELETE", $"/api/v1/books/{book.Id}/versions/1");
        }),
        new("POST", "/api/v1/books/{id:guid}/duplicate", Owned(201), async c => Message("POST", $"/api/v1/books/{await FreshBookAsync(c)}/duplicate")),
        // Two builds without a manuscript: 409 (nothing to restore the pages from) shows the caller got past the owner check.
        new("POST", "/api/v1/books/{id:guid}/versions/{number:int}/restore", Signed(409, 404, 409), async c =>
        {
            using var owner = c.OwnerClient();
            var book = await owner.CreateBookAsync();
            await c.App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 old"u8.ToArray()));
            await c.App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7 new"u8.ToArray()));
            return Message("POST", $"/api/v1/books/{book.Id}/versions/1/restore");
        }),
        new("DELETE", "/api/v1/books/{id:guid}", Owned(204), async c =>
        {
            using var owner = c.OwnerClient();
            return Message("DELETE", $"/api/v1/books/{(await owner.CreateBookAsync()).Id}");
        }),

        // Characters.
        new("POST", "/api/v1/characters", Own(201), _ => Send("POST", "/api/v1/characters", CharacterBody)),
        new("GET", "/api/v1/characters", Own(200), _ => Send("GET", "/api/v1/characters")),
        new("GET", "/api/v1/characters/{id:guid}", Owned(200), c => Send("GET", $"/api/v1/characters/{c.World.Character.Id}")),
        new("PUT", "/api/v1/characters/{id:guid}", Owned(200), c => Send("PUT", $"/api/v1/characters/{c.World.Character.Id}", CharacterBody)),
        new("DELETE", "/api/v1/characters/{id:guid}", Owned(204), async c =>
        {
            using var owner = c.OwnerClient();
            return Message("DELETE", $"/api/v1/characters/{(await owner.CreateCharacterAsync("Moss", "owl")).Id}");
        }),

        // Templates: the caller's own plus the built-in ones, which everyone reads and only an admin changes.
        new("POST", "/api/v1/templates", Own(201), _ => Send("POST", "/api/v1/templates", TemplateBody)),
        new("GET", "/api/v1/templates", Own(200), _ => Send("GET", "/api/v1/templates")),
        new("GET", "/api/v1/templates/{id:guid}", Owned(200), c => Send("GET", $"/api/v1/templates/{c.World.Template.Id}")),
        new("GET", "/api/v1/templates/{id:guid}", Own(200), c => Send("GET", $"/api/v1/templates/{c.World.BuiltIn.Id}")) { Variant = "built-in" },
        new("PUT", "/api/v1/templates/{id:guid}", Owned(200), c => Send("PUT", $"/api/v1/templates/{c.World.Template.Id}", TemplateBody)),
        new("PUT", "/api/v1/templates/{id:guid}", Signed(403, 403, 200), c => Send("PUT", $"/api/v1/templates/{c.World.BuiltIn.Id}",
            new { name = c.World.BuiltIn.Name, description = c.World.BuiltIn.Description, spec = c.World.BuiltIn.Spec })) { Variant = "built-in" },

        // Generation tasks, on an API-only node (no worker), so every task stays in the state the row needs.
        new("POST", "/api/v1/books/{id:guid}/generate", Owned(202), async c => Message("POST", $"/api/v1/books/{await FreshBookAsync(c)}/generate")),
        // A book that was never built cannot be rebuilt: 409 shows the caller got past the owner check.
        new("POST", "/api/v1/books/{id:guid}/rebuild", Signed(409, 404, 409), async c => Message("POST", $"/api/v1/books/{await FreshBookAsync(c)}/rebuild")),
        // One page or the cover drawn again or rewritten, on the shared book (manuscript written); choices need a drawn candidate.
        new("POST", "/api/v1/books/{id:guid}/pages/{number:int}/regenerate-text", Owned(202),
            c => Send("POST", $"/api/v1/books/{c.World.Book.Id}/pages/{FirstStoryPage}/regenerate-text")),
        new("POST", "/api/v1/books/{id:guid}/pages/{number:int}/regenerate-picture", Owned(202),
            c => Send("POST", $"/api/v1/books/{c.World.Book.Id}/pages/{FirstStoryPage}/regenerate-picture", new { count = 1 })),
        new("POST", "/api/v1/books/{id:guid}/cover/regenerate", Owned(202), c => Send("POST", $"/api/v1/books/{c.World.Book.Id}/cover/regenerate")),
        new("GET", "/api/v1/books/{id:guid}/pages/{number:int}/pictures", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/pages/{FirstStoryPage}/pictures")),
        new("GET", "/api/v1/books/{id:guid}/cover/pictures", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/cover/pictures")),
        new("PUT", "/api/v1/books/{id:guid}/pages/{number:int}/picture", Owned(200), async c => Message("PUT",
            $"/api/v1/books/{c.World.Book.Id}/pages/{FirstStoryPage}/picture", new { candidateId = await CandidateAsync(c, FirstStoryPage) })),
        new("PUT", "/api/v1/books/{id:guid}/cover/picture", Owned(200), async c => Message("PUT",
            $"/api/v1/books/{c.World.Book.Id}/cover/picture", new { candidateId = await CandidateAsync(c, PictureCandidate.Cover) })),
        new("GET", "/api/v1/books/{id:guid}/pictures/{candidateId:guid}", Owned(200),
            async c => Message("GET", $"/api/v1/books/{c.World.Book.Id}/pictures/{await CandidateAsync(c, FirstStoryPage)}")),
        new("POST", "/api/v1/series", Owned(202), c => Send("POST", "/api/v1/series", new { bookId = c.World.Book.Id, count = 1 })),
        new("GET", "/api/v1/tasks", Own(200), _ => Send("GET", "/api/v1/tasks")),
        new("GET", "/api/v1/tasks/{id:guid}", Owned(200), c => Send("GET", $"/api/v1/tasks/{c.World.QueuedTask}")),
        // A finished task's stream sends its events and ends.
        new("GET", "/api/v1/tasks/{id:guid}/events", Owned(200), c => Send("GET", $"/api/v1/tasks/{c.World.CancelledTask}/events")),
        new("POST", "/api/v1/tasks/{id:guid}/cancel", Owned(202), async c => Message("POST", $"/api/v1/tasks/{await FreshTaskAsync(c, cancelled: false)}/cancel")),
        new("POST", "/api/v1/tasks/{id:guid}/retry", Owned(202), async c => Message("POST", $"/api/v1/tasks/{await FreshTaskAsync(c, cancelled: true)}/retry")),

        // AI engines: the caller's own provider settings; estimates of an owned book or of a brief not saved yet.
        new("GET", "/api/v1/settings/ai", Own(200), _ => Send("GET", "/api/v1/settings/ai")),
        new("PUT", "/api/v1/settings/ai", Own(200), _ => Send("PUT", "/api/v1/settings/ai", new { monthlyBudgetUsd = 10 })),
        new("GET", "/api/v1/books/{id:guid}/estimate", Owned(200), c => Send("GET", $"/api/v1/books/{c.World.Book.Id}/estimate")),
        new("POST", "/api/v1/books/estimate", Own(200), _ => Send("POST", "/api/v1/books/estimate", ApiCalls.Brief(("artEngine", "openai")))),
        new("POST", "/api/v1/books/check", Own(200), _ => Send("POST", "/api/v1/books/check", ApiCalls.Brief())),

        // Preflight: any signed-in caller may check a PDF.
        new("POST", "/api/v1/preflight", Own(200), c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/v1/preflight")
        {
            Content = PreflightForm(c.World.Pdf),
        })),

        // Coloring level samples: drawn pictures for the wizard, shown as plain images, so public.
        new("GET", "/api/v1/coloring/samples/{level}", Public(200), _ => Send("GET", "/api/v1/coloring/samples/medium.svg")),
        // KDP printing costs: public figures, but like every other /api/v1 route for signed-in callers.
        new("GET", "/api/v1/print-rules/costs", Own(200), _ => Send("GET", "/api/v1/print-rules/costs?trim=8.5x8.5&ink=bw&pages=24")),

        // Canva: this server has no Canva integration, so 503 (or 409/400 before Canva is asked) shows the caller got past auth.
        // The callback is reached by a browser coming back from Canva without Storyloom's token; its single-use state is the authority.
        new("GET", "/api/v1/canva/connect", Own(503), _ => Send("GET", "/api/v1/canva/connect")),
        new("GET", "/api/v1/canva/callback", Public(400), _ => Send("GET", "/api/v1/canva/callback?code=x&state=unknown")),
        new("GET", "/api/v1/canva/connection", Own(200), _ => Send("GET", "/api/v1/canva/connection")),
        new("DELETE", "/api/v1/canva/connection", Own(204), _ => Send("DELETE", "/api/v1/canva/connection")),
        new("GET", "/api/v1/canva/capabilities", Own(503), _ => Send("GET", "/api/v1/canva/capabilities")),
        new("GET", "/api/v1/canva/brand-templates", Own(503), _ => Send("GET", "/api/v1/canva/brand-templates")),
        new("GET", "/api/v1/canva/brand-templates/{templateId}", Own(503), _ => Send("GET", "/api/v1/canva/brand-templates/DAFstoryPage1")),
        new("PUT", "/api/v1/canva/brand-templates/{templateId}/mapping", Own(503),
            _ => Send("PUT", "/api/v1/canva/brand-templates/DAFstoryPage1/mapping", new { fields = new { page_text = "page-text" } })),
        new("GET", "/api/v1/canva/books/{id:guid}", Owned(200), c => Send("GET", $"/api/v1/canva/books/{c.World.Book.Id}")),
        new("PUT", "/api/v1/canva/books/{id:guid}", Owned(200),
            c => Send("PUT", $"/api/v1/canva/books/{c.World.Book.Id}", new { pagesTemplateId = (string?)null, coverTemplateId = (string?)null })),
    ];

    private static readonly object CharacterBody = new { name = "Pip", species = "fox", traits = new[] { "brave" }, visualDescription = "a small fox with a red scarf" };
    private static readonly object TemplateBody = new { name = "Mine", spec = new { shape = "quest" } };
    private static readonly object AlertBody = new
    {
        name = "Queue", metric = "storyloom_queue_depth", comparison = ">", threshold = 1000, forSeconds = 60, webhookUrl = "http://127.0.0.1:9/hook",
    };

    /// <summary>A new alert rule, made by the admin, for rows that use one (up).</summary>
    private static async Task<Guid> FreshAlertAsync(Cell c)
    {
        using var admin = c.App.CreateClient(c.Callers.Admin);
        var rule = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", AlertBody, ApiCalls.Json, TestContext.Current.CancellationToken))
            .ReadAsync<Storyloom.Server.Monitoring.AlertRuleDto>(HttpStatusCode.Created);
        return rule.Id;
    }

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_the_table_says()
    {
        var table = Table();
        var failures = new List<string>();
        var mapped = MappedEndpoints();
        var rowKeys = table.Where(r => r.Mapped).Select(r => $"{r.Method} {r.Route}").ToHashSet();
        failures.AddRange(mapped.Where(e => !rowKeys.Contains(e)).Select(e => $"{e}: mapped by the server but has no row in the authorization matrix; add one"));
        failures.AddRange(rowKeys.Where(k => !mapped.Contains(k)).Select(k => $"{k}: has a row but the server does not map it (renamed or removed?)"));

        var world = await CreateWorldAsync();
        var report = new StringBuilder($"{"endpoint",-62}{string.Join("", Columns.Select(c => $"{Short(c),9}"))}\n");
        foreach (var row in table)
        {
            report.Append($"{row.Name,-62}");
            foreach (var caller in Columns)
            {
                var callers = row.FreshCallers ? await CreateCallersAsync() : world.Callers;
                var cell = new Cell(App, world, callers, caller);
                int actual;
                using (var client = ClientFor(callers, caller))
                using (var request = await row.Request(cell))
                using (var response = await client.SendAsync(request, Ct))
                {
                    actual = (int)response.StatusCode;
                }
                var expected = row.Expected[caller];
                report.Append($"{(actual == expected ? actual.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{actual}≠{expected}"),9}");
                if (actual != expected)
                {
                    failures.Add($"{row.Name} × {caller}: expected {expected}, got {actual}");
                }
            }
            report.Append('\n');
        }
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        failures.ShouldBeEmpty($"{failures.Count} wrong cell(s):\n{string.Join("\n", failures)}\n\nThe whole matrix (actual, or actual≠expected):\n{report}");
    }

    [Fact]
    public async Task The_expired_and_tampered_columns_differ_from_a_good_token_only_in_what_they_claim_to_test()
    {
        var user = await App.CreateUserAsync();
        (await MeAsync(Resign(user.AccessToken, DateTime.UtcNow.AddMinutes(10)))).ShouldBe(HttpStatusCode.OK);
        (await MeAsync(Resign(user.AccessToken, DateTime.UtcNow.AddHours(-1)))).ShouldBe(HttpStatusCode.Unauthorized);
        (await MeAsync(Tamper(user.AccessToken))).ShouldBe(HttpStatusCode.Unauthorized);
        var key = await App.CreateApiKeyAsync(user.AccessToken);
        using var byKey = App.CreateApiKeyClient(key.Key);
        (await byKey.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>"GET /api/v1/books/{id:guid}" for every route endpoint of the running app (trailing slashes of group roots dropped).</summary>
    private HashSet<string> MappedEndpoints() =>
        App.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText ?? "")}"))
            .ToHashSet();

    private static string Normalize(string route) => "/" + route.Trim('/');

    private async Task<Callers> CreateCallersAsync()
    {
        var owner = await App.CreateUserAsync();
        var other = await App.CreateUserAsync();
        var admin = await App.CreateUserAsync(Roles.Admin);
        var live = await App.CreateApiKeyAsync(owner.AccessToken, "live");
        var revoked = await App.CreateApiKeyAsync(owner.AccessToken, "revoked");
        using (var client = App.CreateClient(owner))
        {
            (await client.DeleteAsync($"/api/v1/auth/api-keys/{revoked.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        return new Callers(owner, other, admin, Resign(owner.AccessToken, DateTime.UtcNow.AddHours(-1)), Tamper(owner.AccessToken), revoked.Key, live.Key);
    }

    private async Task<World> CreateWorldAsync()
    {
        var callers = await CreateCallersAsync();
        using var owner = App.CreateClient(callers.Owner);
        var character = await owner.CreateCharacterAsync("Pip", "fox");
        var book = await owner.CreateBookAsync(("characterIds", new[] { character.Id }));
        (await owner.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.PublishBuildAsync(book.Id, ("interior.pdf", "%PDF-1.7"u8.ToArray()), ("ebook.epub", TinyEpub()));
        var template = await (await owner.PostAsJsonAsync("/api/v1/templates", TemplateBody, ApiCalls.Json, Ct)).ReadAsync<TemplateDto>(HttpStatusCode.Created);
        var builtIn = (await (await owner.GetAsync("/api/v1/templates", Ct)).ReadAsync<List<TemplateDto>>()).First(t => t.BuiltIn);
        var signIn = await App.CreateUserAsync();
        var pdf = await File.ReadAllBytesAsync(await TestPdfs.UnembeddedFontAsync(612, 612), Ct);
        var queued = await StartTaskAsync(owner);
        var cancelled = await StartTaskAsync(owner);
        (await owner.PostAsync($"/api/v1/tasks/{cancelled}/cancel", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return new World(callers, book, character, template, builtIn, signIn, pdf, queued, cancelled);
    }

    /// <summary>The least EPUB the read-along reads: a package with one page, its picture and no narration.</summary>
    private static byte[] TinyEpub()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
            Add("mimetype", "application/epub+zip"u8.ToArray());
            Add("EPUB/package.opf", """
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>
                <item id="p001" href="pages/p001.xhtml" media-type="application/xhtml+xml"/><item id="i001" href="images/p001.jpg" media-type="image/jpeg"/>
                </manifest><spine><itemref idref="p001"/></spine></package>
                """u8.ToArray());
            Add("EPUB/pages/p001.xhtml", """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en" dir="ltr"><head><meta name="viewport" content="width=1600, height=1600"/></head>
                <body><div class="page"><img class="picture" src="../images/p001.jpg" alt="A fox."/><div class="text" style="left:10%"><p><span id="s1">Pip.</span></p></div></div></body></html>
                """u8.ToArray());
            Add("EPUB/images/p001.jpg", [0xFF, 0xD8, 0xFF, 0xD9]);
        }
        return buffer.ToArray();
    }

    /// <summary>A new book of the owner's, for rows that use one up.</summary>
    private static async Task<Guid> FreshBookAsync(Cell c)
    {
        using var owner = c.OwnerClient();
        return (await owner.CreateBookAsync()).Id;
    }

    /// <summary>A new queued (or cancelled) task of the owner's.</summary>
    private static async Task<Guid> FreshTaskAsync(Cell c, bool cancelled)
    {
        using var owner = c.OwnerClient();
        var task = await StartTaskAsync(owner);
        if (cancelled)
        {
            (await owner.PostAsync($"/api/v1/tasks/{task}/cancel", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        return task;
    }

    private static async Task<Guid> StartTaskAsync(HttpClient owner)
    {
        var book = await owner.CreateBookAsync();
        var task = await (await owner.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct)).ReadAsync<Storyloom.Server.Tasks.TaskDto>(HttpStatusCode.Accepted);
        return task.Id;
    }

    private HttpClient ClientFor(Callers c, Principal p) => p switch
    {
        P.Owner => App.CreateClient(c.Owner),
        P.OtherUser => App.CreateClient(c.Other),
        P.Admin => App.CreateClient(c.Admin),
        P.Anonymous => App.CreateClient(),
        P.ExpiredToken => App.CreateClient(c.ExpiredToken),
        P.TamperedToken => App.CreateClient(c.TamperedToken),
        P.RevokedApiKey => App.CreateApiKeyClient(c.RevokedKey),
        P.LiveApiKey => App.CreateApiKeyClient(c.LiveKey),
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    private static string Short(Principal p) => p switch
    {
        P.OtherUser => "other", P.Anonymous => "anon", P.ExpiredToken => "expired", P.TamperedToken => "tampered",
        P.RevokedApiKey => "revoked", P.LiveApiKey => "livekey", _ => p.ToString().ToLowerInvariant(),
    };

    private static Task<HttpRequestMessage> Send(string method, string url, object? body = null) => Task.FromResult(Message(method, url, body));

    private static HttpRequestMessage Message(string method, string url, object? body = null) =>
        new(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body, options: ApiCalls.Json) };

    /// <summary>The shared book's first story page (the front matter of a 32-page story book for ages 3-5 ends before it).</summary>
    private const int FirstStoryPage = 5;

    /// <summary>A drawn picture of the shared book's page (0: the cover), put straight in the store: the matrix runs without a worker.</summary>
    private static async Task<Guid> CandidateAsync(Cell c, int page)
    {
        await using var scope = c.App.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Storyloom.Server.Data.StoryloomDb>();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><!-- {Guid.NewGuid()} --></svg>", TestContext.Current.CancellationToken);
        var sha = await scope.ServiceProvider.GetRequiredService<ContentStore>().PutFileAsync(file, TestContext.Current.CancellationToken);
        File.Delete(file);
        var asset = new Asset
        {
            OwnerId = c.Owner.Id, BookId = c.World.Book.Id, Kind = "picture", Sha256 = sha, ContentType = "image/svg+xml", Size = 1,
            StoragePath = $"{sha[..2]}/{sha}", CreatedAt = DateTime.UtcNow,
        };
        var candidate = new PictureCandidate { BookId = c.World.Book.Id, PageNumber = page, Seed = Random.Shared.Next(1, 1_000_000), AssetId = asset.Id, CreatedAt = DateTime.UtcNow };
        db.Assets.Add(asset);
        db.PictureCandidates.Add(candidate);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return candidate.Id;
    }

    private static async Task<string> FreshRefreshTokenAsync(Cell c) => (await c.App.LoginAsync(c.World.SignIn.Email, c.World.SignIn.Password)).RefreshToken;

    /// <summary>The current story-page order of the shared book, read as its owner: reordering to it changes nothing.</summary>
    private static async Task<List<int>> StoryOrderAsync(Cell c)
    {
        using var owner = c.OwnerClient();
        var pages = await (await owner.GetAsync($"/api/v1/books/{c.World.Book.Id}/pages", TestContext.Current.CancellationToken)).ReadAsync<List<PageDto>>();
        return [.. pages.Where(p => p.Role == "story").Select(p => p.Number)];
    }

    private static MultipartFormDataContent PreflightForm(byte[] pdf)
    {
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { file, "interior", "book.pdf" },
            { new StringContent("8.5x8.5"), "trim" },
            { new StringContent("bw"), "ink" },
            { new StringContent("false"), "bleed" },
            { new StringContent("24"), "pageCount" },
        };
    }

    /// <summary>The same claims as <paramref name="token"/> (sub, role, tva), signed with the server's real key, expiring at <paramref name="expires"/>.</summary>
    private string Resign(string token, DateTime expires)
    {
        var jwt = new JsonWebToken(token);
        var issued = expires.AddMinutes(-15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = TokenService.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                [CurrentUser.IdClaim] = jwt.GetClaim(CurrentUser.IdClaim).Value,
                [CurrentUser.RoleClaim] = jwt.GetClaim(CurrentUser.RoleClaim).Value,
                [TokenService.ValidAfterClaim] = jwt.GetPayloadValue<long>(TokenService.ValidAfterClaim),
            },
            SigningCredentials = new SigningCredentials(App.App.Services.GetRequiredService<SigningKey>().Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The payload edited to claim the admin role, the signature left as it was.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"role\":\"user\"", "\"role\":\"admin\"", StringComparison.Ordinal);
        payload.ShouldContain("\"role\":\"admin\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = App.CreateClient(token);
        return (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode;
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqliteApiOnlyApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApiOnlyApp>;

public sealed class PostgresAuthorizationMatrixTests(PostgresApiOnlyApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApiOnlyApp>;
