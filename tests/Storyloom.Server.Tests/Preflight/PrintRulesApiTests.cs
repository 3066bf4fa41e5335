using System.Text.Json;
using Storyloom.Print.Kdp;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Preflight;

/// <summary>GET /api/v1/print-rules answers the print library's KDP model, so a form can offer only what prints.</summary>
public sealed class PrintRulesApiTests(SqliteApp fixture) : ApiTests(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Print_rules_list_the_kdp_trims_inks_papers_page_ranges_spine_factors_margins_and_bleed_without_signing_in()
    {
        var rules = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/api/v1/print-rules", Ct)).RootElement;

        rules.GetProperty("trims").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBe(Trims.All.Select(t => t.Name));
        rules.GetProperty("inks").EnumerateArray().Select(i => i.GetString()).ShouldBe(["bw", "standard-color", "premium-color"]);
        rules.GetProperty("papers").EnumerateArray().Select(p => p.GetString()).ShouldBe(["white", "cream"]);
        rules.GetProperty("minPages").GetInt32().ShouldBe(24);
        rules.GetProperty("maxPages").GetInt32().ShouldBe(828);
        rules.GetProperty("bleedIn").GetDouble().ShouldBe(0.125);
        rules.GetProperty("spineTextMinPages").GetInt32().ShouldBe(80);

        var ranges = rules.GetProperty("pageRanges").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("trim").GetString(), r.GetProperty("ink").GetString(), r.GetProperty("paper").GetString()),
                r => (r.GetProperty("min").GetInt32(), r.GetProperty("max").GetInt32()));
        ranges[("8.5x8.5", "premium-color", "white")].ShouldBe((24, 590));
        ranges[("6x9", "standard-color", "white")].ShouldBe((72, 600));
        ranges[("6x9", "bw", "cream")].ShouldBe((24, 776));
        // Not offered by KDP, so not offered at all: colour on cream, standard colour at A4.
        ranges.Keys.ShouldNotContain(k => k.Item3 == "cream" && k.Item2 != "bw");
        ranges.Keys.ShouldNotContain(("8.27x11.69", "standard-color", "white"));

        var spines = rules.GetProperty("spineFactors").EnumerateArray()
            .ToDictionary(s => (s.GetProperty("ink").GetString(), s.GetProperty("paper").GetString()), s => s.GetProperty("inchesPerPage").GetDouble());
        spines.Count.ShouldBe(4);
        spines[("premium-color", "white")].ShouldBe(0.002347);
        spines[("bw", "cream")].ShouldBe(0.0025);

        var margins = rules.GetProperty("margins");
        margins.GetProperty("outsideNoBleedIn").GetDouble().ShouldBe(0.25);
        margins.GetProperty("outsideWithBleedIn").GetDouble().ShouldBe(0.375);
        margins.GetProperty("gutter").EnumerateArray().Select(g => (g.GetProperty("maxPages").GetInt32(), g.GetProperty("marginIn").GetDouble()))
            .ShouldBe([(150, 0.375), (300, 0.5), (500, 0.625), (700, 0.75), (828, 0.875)]);
    }

    [Fact]
    public async Task Print_rules_are_described_in_the_openapi_document()
    {
        var doc = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var get = doc.GetProperty("paths").GetProperty("/api/v1/print-rules").GetProperty("get");
        get.GetProperty("operationId").GetString().ShouldBe("GetPrintRules");
        get.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString().ShouldEndWith("PrintRulesDto");
    }
}
