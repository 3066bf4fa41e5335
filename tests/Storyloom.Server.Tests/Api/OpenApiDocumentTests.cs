using System.Text.Json;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Api;

public sealed class OpenApiDocumentTests(SqliteApp fixture) : ApiTests(fixture), IClassFixture<SqliteApp>
{
    private static readonly string[] Operations =
    [
        "CreateBook", "ListBooks", "GetBook", "UpdateBook", "DeleteBook", "WriteManuscript", "ListPages", "GetPage", "EditPageText",
        "ReorderPages", "CreateCharacter", "ListCharacters", "GetCharacter", "UpdateCharacter", "DeleteCharacter", "ListTemplates",
        "GetTemplate", "CreateTemplate", "UpdateTemplate", "DownloadBookFile", "DownloadBookZip", "Preflight",
    ];

    [Fact]
    public async Task Every_resource_endpoint_is_described_with_its_body_errors_and_the_bearer_lock()
    {
        var doc = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value))
            .Where(o => o.TryGetProperty("operationId", out _))
            .ToDictionary(o => o.GetProperty("operationId").GetString()!);
        foreach (var id in Operations)
        {
            operations.ShouldContainKey(id);
            var op = operations[id];
            op.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(id);
            op.GetProperty("tags").GetArrayLength().ShouldBe(1, id);
            op.GetProperty("security").GetArrayLength().ShouldBe(1, id);
            var responses = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            responses.ShouldContain("401", id);
            if (op.TryGetProperty("requestBody", out _))
            {
                responses.ShouldContain("400", id);
                responses.ShouldContain("413", id);
                responses.ShouldContain("415", id);
            }
        }
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("BookRequest").GetProperty("properties").TryGetProperty("pageCount", out _).ShouldBeTrue();
        schemas.GetProperty("BookDto").GetProperty("properties").TryGetProperty("spineWidthIn", out _).ShouldBeTrue();
        schemas.TryGetProperty("HttpValidationProblemDetails", out _).ShouldBeTrue();
    }
}
