using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Canva;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Canva;

/// <summary>Book content a brand template field can be filled with.</summary>
public enum CanvaContent
{
    Title,
    Author,
    PageText,
    PagePicture,
    CoverPicture,
}

public sealed record CanvaTemplateDto(string Id, string Title, string ViewUrl, string? ThumbnailUrl, DateTime UpdatedAt);

public sealed record CanvaTemplateListDto(IReadOnlyList<CanvaTemplateDto> Items, string? Continuation);

public sealed record CanvaFieldDto(string Name, string Type, CanvaContent? MappedTo, CanvaContent? Suggested);

public sealed record CanvaTemplateDetailDto(CanvaTemplateDto Template, IReadOnlyList<CanvaFieldDto> Fields, bool MappingSaved);

public sealed record CanvaMappingRequest(
    [property: Description("Field name → book content: title, author, page-text, page-picture or cover-picture; fields left out stay as designed")]
    Dictionary<string, CanvaContent>? Fields);

internal static class CanvaTemplates
{
    public static async Task<Results<Ok<CanvaTemplateListDto>, ProblemHttpResult>> List(ClaimsPrincipal user, CanvaAccounts accounts, CancellationToken ct,
        [Description("Words in the title")] string? query = null, [Description("From the previous page's continuation")] string? continuation = null)
    {
        if (await ReadyAsync(user, accounts, ct) is { } problem)
        {
            return problem;
        }
        try
        {
            var page = await accounts.ClientFor(user.Id()).ListBrandTemplatesAsync(query, continuation, 50, ct);
            return TypedResults.Ok(new CanvaTemplateListDto(page.Items.Select(AsDto).ToList(), page.Continuation));
        }
        catch (CanvaException e)
        {
            return CanvaApi.Problem(e);
        }
    }

    public static async Task<Results<Ok<CanvaTemplateDetailDto>, ProblemHttpResult>> Get(string templateId, ClaimsPrincipal user, StoryloomDb db, CanvaAccounts accounts, CancellationToken ct)
    {
        if (await ReadyAsync(user, accounts, ct) is { } problem)
        {
            return problem;
        }
        try
        {
            var client = accounts.ClientFor(user.Id());
            var template = await client.GetBrandTemplateAsync(templateId, ct);
            var dataset = await client.GetDatasetAsync(templateId, ct);
            var saved = await LoadMappingAsync(db, user.Id(), templateId, ct);
            var fields = dataset.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new CanvaFieldDto(f.Key, f.Value.Type, saved?.GetValueOrDefault(f.Key), Suggest(f.Key, f.Value.Type)))
                .ToList();
            return TypedResults.Ok(new CanvaTemplateDetailDto(AsDto(template), fields, saved is not null));
        }
        catch (CanvaException e)
        {
            return CanvaApi.Problem(e);
        }
    }

    public static async Task<Results<Ok<CanvaTemplateDetailDto>, ValidationProblem, ProblemHttpResult>> SaveMapping(
        string templateId, CanvaMappingRequest request, ClaimsPrincipal user, StoryloomDb db, CanvaAccounts accounts, TimeProvider time, CancellationToken ct)
    {
        if (request.Fields is not { Count: > 0 } fields)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fields"] = ["fields is missing; map at least one template field to book content"] });
        }
        if (await ReadyAsync(user, accounts, ct) is { } problem)
        {
            return problem;
        }
        IReadOnlyDictionary<string, DatasetField> dataset;
        try
        {
            dataset = await accounts.ClientFor(user.Id()).GetDatasetAsync(templateId, ct);
        }
        catch (CanvaException e)
        {
            return CanvaApi.Problem(e);
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, content) in fields)
        {
            var wants = content is CanvaContent.PagePicture or CanvaContent.CoverPicture ? "image" : "text";
            if (!dataset.TryGetValue(name, out var field))
            {
                errors[$"fields.{name}"] = [$"the template has no field {name}; its fields are {string.Join(", ", dataset.Keys)}"];
            }
            else if (field.Type != wants)
            {
                errors[$"fields.{name}"] = [$"{name} is a {field.Type} field and cannot hold the {Words(content)}, which needs a {wants} field"];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = user.Id();
        var row = await db.CanvaTemplateMappings.FirstOrDefaultAsync(m => m.UserId == userId && m.BrandTemplateId == templateId, ct);
        if (row is null)
        {
            row = new CanvaTemplateMapping { UserId = userId, BrandTemplateId = templateId, FieldsJson = "" };
            db.CanvaTemplateMappings.Add(row);
        }
        row.FieldsJson = JsonSerializer.Serialize(fields.ToDictionary(f => f.Key, f => Name(f.Value)));
        row.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return (await Get(templateId, user, db, accounts, ct)).Result switch
        {
            Ok<CanvaTemplateDetailDto> ok => ok,
            ProblemHttpResult p => p,
            _ => throw new InvalidOperationException("unexpected result"),
        };
    }

    /// <summary>The saved mapping of a user's template (field → content), or null.</summary>
    public static async Task<Dictionary<string, CanvaContent>?> LoadMappingAsync(StoryloomDb db, Guid userId, string templateId, CancellationToken ct)
    {
        var json = await db.CanvaTemplateMappings.AsNoTracking().Where(m => m.UserId == userId && m.BrandTemplateId == templateId).Select(m => m.FieldsJson).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json)!
            .Where(kv => Parse(kv.Value) is not null).ToDictionary(kv => kv.Key, kv => Parse(kv.Value)!.Value);
    }

    internal static async Task<ProblemHttpResult?> ReadyAsync(ClaimsPrincipal user, CanvaAccounts accounts, CancellationToken ct) =>
        !accounts.Options.Configured ? CanvaApi.NotConfigured() : await accounts.FindAsync(user.Id(), ct) is null ? CanvaApi.NotConnected() : null;

    /// <summary>A guess from the field's name and type, offered in the wizard.</summary>
    private static CanvaContent? Suggest(string name, string type)
    {
        var n = name.ToLowerInvariant();
        return type switch
        {
            "image" when n.Contains("cover", StringComparison.Ordinal) => CanvaContent.CoverPicture,
            "image" => CanvaContent.PagePicture,
            "text" when n.Contains("title", StringComparison.Ordinal) => CanvaContent.Title,
            "text" when n.Contains("author", StringComparison.Ordinal) || n.Contains("name", StringComparison.Ordinal) => CanvaContent.Author,
            "text" when n.Contains("text", StringComparison.Ordinal) || n.Contains("story", StringComparison.Ordinal) || n.Contains("body", StringComparison.Ordinal) => CanvaContent.PageText,
            _ => null,
        };
    }

    private static string Words(CanvaContent c) => c switch
    {
        CanvaContent.Title => "book's title",
        CanvaContent.Author => "author's name",
        CanvaContent.PageText => "page's text",
        CanvaContent.PagePicture => "page's picture",
        _ => "cover picture",
    };

    public static string Name(CanvaContent c) => JsonNamingPolicy.KebabCaseLower.ConvertName(c.ToString());

    private static CanvaContent? Parse(string name) => Enum.GetValues<CanvaContent>().Cast<CanvaContent?>().FirstOrDefault(c => Name(c!.Value) == name);

    private static CanvaTemplateDto AsDto(BrandTemplate t) =>
        new(t.Id, t.Title, t.ViewUrl, t.Thumbnail?.Url, DateTimeOffset.FromUnixTimeSeconds(t.UpdatedAt).UtcDateTime);
}
