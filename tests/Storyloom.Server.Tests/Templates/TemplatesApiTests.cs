using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Core.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Templates;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Templates;

public abstract class TemplatesApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task Built_in_templates_are_seeded_once_even_after_a_second_start_up()
    {
        await StoryloomServer.PrepareDatabaseAsync(App.App.Services, Ct);
        await using var scope = App.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var keys = await db.Templates.Where(t => t.Key != null).Select(t => t.Key!).ToListAsync(Ct);
        keys.Count.ShouldBe(19);
        keys.ShouldBe(BuiltInTemplates.Keys, ignoreOrder: true);
        foreach (var shape in BookFormatNames.Shapes.Keys)
        {
            keys.ShouldContain($"story-{shape}");
        }
        foreach (var theme in new[] { "animals", "vehicles", "dinosaurs", "underwater", "mandalas", "characters" })
        {
            keys.ShouldContain($"coloring-{theme}");
        }
    }

    [Fact]
    public async Task Every_built_in_spec_is_a_brief_the_CLI_accepts()
    {
        var (_, client) = await SignedInAsync();
        var templates = await (await client.GetAsync("/api/v1/templates", Ct)).ReadAsync<List<TemplateDto>>();
        templates.Count(t => t.BuiltIn).ShouldBe(19);
        foreach (var t in templates.Where(t => t.BuiltIn))
        {
            var spec = BookSpecInput.FromJson(t.Spec.GetRawText()).ToSpec();
            (spec.Kind == BookKind.Coloring ? "coloring" : "story").ShouldBe(t.Kind);
            t.Description.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task Users_keep_their_own_templates_and_cannot_change_built_in_ones()
    {
        var (_, client) = await SignedInAsync();
        var (_, other) = await SignedInAsync();
        var (_, admin) = await SignedInAsync(Storyloom.Server.Accounts.Roles.Admin);
        var mine = await (await client.PostAsJsonAsync("/api/v1/templates",
            new { name = "My seaside quests", description = "Quests by the sea", spec = new { shape = "quest", theme = "the sea", pages = 40 } },
            ApiCalls.Json, Ct)).ReadAsync<TemplateDto>(HttpStatusCode.Created);
        mine.Kind.ShouldBe("story");
        mine.BuiltIn.ShouldBeFalse();

        (await (await client.GetAsync("/api/v1/templates", Ct)).ReadAsync<List<TemplateDto>>()).ShouldContain(t => t.Id == mine.Id);
        (await (await other.GetAsync("/api/v1/templates", Ct)).ReadAsync<List<TemplateDto>>()).ShouldNotContain(t => t.Id == mine.Id);
        (await other.GetAsync($"/api/v1/templates/{mine.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/templates/{mine.Id}", new { name = "x", spec = new { } }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var updated = await (await client.PutAsJsonAsync($"/api/v1/templates/{mine.Id}",
            new { name = "Seaside coloring", spec = new { kind = "coloring", theme = "underwater" } }, ApiCalls.Json, Ct)).ReadAsync<TemplateDto>();
        updated.Kind.ShouldBe("coloring");

        var builtIn = (await (await client.GetAsync("/api/v1/templates", Ct)).ReadAsync<List<TemplateDto>>()).First(t => t.Key == "story-bedtime");
        var change = new { name = "Bedtime (longer)", description = builtIn.Description, spec = new { shape = "bedtime", pages = 40 } };
        var problem = await (await client.PutAsJsonAsync($"/api/v1/templates/{builtIn.Id}", change, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        problem.Detail().ShouldContain("only an admin");
        (await (await admin.PutAsJsonAsync($"/api/v1/templates/{builtIn.Id}", change, ApiCalls.Json, Ct)).ReadAsync<TemplateDto>()).Name.ShouldBe("Bedtime (longer)");
    }

    [Fact]
    public async Task A_template_spec_the_CLI_would_refuse_is_refused()
    {
        var (_, client) = await SignedInAsync();
        var problem = await (await client.PostAsJsonAsync("/api/v1/templates",
            new { name = "Bad", spec = new { ink = "standard-color", pages = 24 } }, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("spec").ShouldContain("standard color needs at least 72 pages");
        problem = await (await client.PostAsJsonAsync("/api/v1/templates",
            new { name = "Bad", spec = new { colour = "red" } }, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("spec").ShouldContain("unknown field \"colour\"");
        problem = await (await client.PostAsJsonAsync("/api/v1/templates", new { name = "Bad", spec = "quest" }, ApiCalls.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("spec").ShouldContain("JSON object");
    }
}

public sealed class SqliteTemplatesApiTests(SqliteApp app) : TemplatesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTemplatesApiTests(PostgresApp app) : TemplatesApiTests(app), IClassFixture<PostgresApp>;
