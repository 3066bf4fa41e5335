using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Security;

/// <summary>Point 5 of the security issue: no text field of a brief takes a megabyte.</summary>
public abstract class BriefLimitsTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task A_one_megabyte_moral_is_refused_with_a_field_message()
    {
        var (_, client) = await SignedInAsync();
        var problem = await (await client.PostAsJsonAsync("/api/v1/books", ApiCalls.Brief(("title", "Pip"), ("moral", new string('a', 1_000_000))), ApiCalls.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("moral").ShouldContain("keep it to 300");
        problem.GetRawText().Length.ShouldBeLessThan(10_000);
    }
}

public sealed class SqliteBriefLimitsTests(SqliteApp app) : BriefLimitsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBriefLimitsTests(PostgresApp app) : BriefLimitsTests(app), IClassFixture<PostgresApp>;
