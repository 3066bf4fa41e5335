using System.Net;
using System.Text.Json;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.PrintRules;

public abstract class PrintCostsApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task Costs_list_every_marketplace_with_the_royalty_of_the_prices_given_and_the_tables_date()
    {
        var (_, client) = await SignedInAsync();
        var body = await (await client.GetAsync("/api/v1/print-rules/costs?trim=8.5x8.5&ink=premium-color&pages=32&prices=US:12.99,JP:1500", Ct))
            .ReadAsync<JsonElement>();
        body.GetProperty("publishedOn").GetString().ShouldBe("2025-06-10");
        body.GetProperty("largeTrim").GetBoolean().ShouldBeTrue();
        var rows = body.GetProperty("marketplaces").EnumerateArray().ToList();
        rows.Count.ShouldBe(12);
        var us = rows.Single(r => r.GetProperty("code").GetString() == "US");
        us.GetProperty("printingCost").GetDecimal().ShouldBe(4.20m);
        us.GetProperty("royalty").GetDecimal().ShouldBe(3.59m);
        var jp = rows.Single(r => r.GetProperty("code").GetString() == "JP");
        jp.GetProperty("royalty").GetDecimal().ShouldBe(425m); // 0.6 × 1500 − 475
        rows.Single(r => r.GetProperty("code").GetString() == "UK").GetProperty("royalty").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Bad_trim_ink_pages_or_prices_are_refused_by_field()
    {
        var (_, client) = await SignedInAsync();
        var problem = await (await client.GetAsync("/api/v1/print-rules/costs?trim=9x9&ink=gold&pages=-2&prices=XX:1", Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("trim").ShouldContain("not a KDP trim");
        problem.FieldError("ink").ShouldContain("premium-color");
        problem.FieldError("pages").ShouldContain("whole number");
        problem.FieldError("prices").ShouldContain("XX:1");
        (await App.CreateClient((string?)null).GetAsync("/api/v1/print-rules/costs?trim=8.5x8.5&ink=bw&pages=24", Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqlitePrintCostsApiTests(SqliteApp app) : PrintCostsApiTests(app), IClassFixture<SqliteApp>;
