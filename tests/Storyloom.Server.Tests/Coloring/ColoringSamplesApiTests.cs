using System.Net;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Coloring;

public abstract class ColoringSamplesApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task Each_level_has_a_line_art_sample_and_the_detailed_one_has_more_lines()
    {
        using var client = App.CreateClient((string?)null);
        var lengths = new Dictionary<string, int>();
        foreach (var level in new[] { "simple", "medium", "detailed" })
        {
            var response = await client.GetAsync($"/api/v1/coloring/samples/{level}.svg", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
            var svg = await response.Content.ReadAsStringAsync(Ct);
            svg.ShouldStartWith("<svg");
            lengths[level] = svg.Length;
        }
        lengths["detailed"].ShouldBeGreaterThan(lengths["simple"]);
        (await client.GetAsync("/api/v1/coloring/samples/huge.svg", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteColoringSamplesApiTests(SqliteApp app) : ColoringSamplesApiTests(app), IClassFixture<SqliteApp>;
