using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Templates;

public sealed record TemplateRequest(
    [property: Description("1–80 characters")] string? Name,
    [property: Description("Up to 1000 characters")] string? Description,
    [property: Description("Book fields with the names of a `book new --spec` file: title, author, kind, age, theme, moral, trim, pages, ink, paper, bleed, seed, shape, focus, level, style …")]
    JsonElement? Spec);

public sealed record TemplateDto(Guid Id, string? Key, string Name, string Kind, string Description, JsonElement Spec, bool BuiltIn, Guid? OwnerId,
    DateTime CreatedAt, DateTime UpdatedAt);

internal static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        templates.MapGet("/", List).WithName("ListTemplates").WithSummary("The built-in templates and your own");
        templates.MapGet("/{id:guid}", Get).WithName("GetTemplate").WithSummary("One template");
        templates.MapPost("/", Create).WithName("CreateTemplate").WithJsonBodyErrors().WithIdempotency().WithSummary("Save your own template (its spec is checked like a book's brief)");
        templates.MapPut("/{id:guid}", Update).WithName("UpdateTemplate").WithJsonBodyErrors()
            .WithSummary("Replace one of your templates; built-in ones only admins can change")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static TemplateDto AsDto(this Template t) =>
        new(t.Id, t.Key, t.Name, t.Kind, t.Description, JsonDocument.Parse(t.SpecJson).RootElement.Clone(), t.OwnerId is null, t.OwnerId,
            t.CreatedAt, t.UpdatedAt);

    private static async Task<Ok<List<TemplateDto>>> List(ClaimsPrincipal user, StoryloomDb db, CancellationToken ct,
        [Description("story | coloring")] string? kind = null)
    {
        var userId = user.Id();
        var query = db.Templates.AsNoTracking().Where(t => t.OwnerId == null || t.OwnerId == userId);
        query = kind is null ? query : query.Where(t => t.Kind == kind);
        var items = await query.OrderBy(t => t.OwnerId != null).ThenBy(t => t.Kind).ThenBy(t => t.Name.ToLower()).ToListAsync(ct);
        return TypedResults.Ok(items.Select(t => t.AsDto()).ToList());
    }

    private static async Task<Results<Ok<TemplateDto>, NotFound>> Get(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        var t = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return t is not null && (t.OwnerId is null || user.CanSee(t.OwnerId.Value)) ? TypedResults.Ok(t.AsDto()) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<TemplateDto>, ValidationProblem>> Create(
        TemplateRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var (kind, errors) = Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = time.UtcNow();
        var template = new Template
        {
            OwnerId = user.Id(), Name = request.Name!.Trim(), Kind = kind!, Description = request.Description?.Trim() ?? "",
            SpecJson = request.Spec!.Value.GetRawText(), CreatedAt = now, UpdatedAt = now,
        };
        db.Templates.Add(template);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/templates/{template.Id}", template.AsDto());
    }

    private static async Task<Results<Ok<TemplateDto>, NotFound, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, TemplateRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null || (template.OwnerId is { } owner && !user.CanSee(owner)))
        {
            return TypedResults.NotFound();
        }
        if (template.OwnerId is null && !user.IsAdmin())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Built-in templates are read-only",
                detail: "only an admin can change a built-in template; save a copy of your own with POST /api/v1/templates");
        }
        var (kind, errors) = Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        template.Name = request.Name!.Trim();
        template.Description = request.Description?.Trim() ?? "";
        template.Kind = kind!;
        template.SpecJson = request.Spec!.Value.GetRawText();
        template.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(template.AsDto());
    }

    /// <summary>The spec is read and checked by the CLI's own code, so a template can never hold a brief the CLI would refuse.</summary>
    private static (string? Kind, Dictionary<string, string[]> Errors) Check(TemplateRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 80)
        {
            errors["name"] = ["give the template a name of 1 to 80 characters"];
        }
        if (r.Description is { Length: > 1000 })
        {
            errors["description"] = ["keep the description to 1000 characters"];
        }
        if (r.Spec is not { ValueKind: JsonValueKind.Object } spec)
        {
            errors["spec"] = ["spec must be a JSON object of book fields, e.g. {\"kind\": \"story\", \"shape\": \"quest\", \"pages\": 32}"];
            return (null, errors);
        }
        try
        {
            var book = BookSpecInput.FromJson(spec.GetRawText(), "spec").ToSpec();
            return (book.Kind == BookKind.Coloring ? "coloring" : "story", errors);
        }
        catch (SpecException e)
        {
            errors["spec"] = [.. e.Problems.Select(p => p.Message)];
            return (null, errors);
        }
    }
}
