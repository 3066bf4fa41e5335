using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Canva;

public sealed record CanvaBookRequest(
    [property: Description("Brand template for the story pages (its mapping must fill the page text or picture); null: Storyloom's layout")] string? PagesTemplateId,
    [property: Description("Brand template for the front cover, to the bleed edge (the back and spine stay Storyloom's; its mapping must fill the title or the cover picture); null: Storyloom's cover")] string? CoverTemplateId);

public sealed record CanvaBookDto(Guid BookId, string? PagesTemplateId, string? CoverTemplateId);

internal static class CanvaBooks
{
    public static async Task<Results<Ok<CanvaBookDto>, NotFound>> Get(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await LoadAsync(db, id, ct));
    }

    public static async Task<Results<Ok<CanvaBookDto>, NotFound, ValidationProblem>> Put(
        Guid id, CanvaBookRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, templateId, part) in new[] { ("pagesTemplateId", request.PagesTemplateId, CanvaParts.Pages), ("coverTemplateId", request.CoverTemplateId, CanvaParts.Cover) })
        {
            if (templateId is null)
            {
                continue;
            }
            if (templateId.Length is 0 or > 50 || !templateId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                errors[field] = [$"{field} must be a Canva brand template id (letters, digits, _ and -, at most 50)"];
                continue;
            }
            // The book owner's mapping is what fills the template, also when an admin makes the choice.
            var mapping = await CanvaTemplates.LoadMappingAsync(db, book.OwnerId, templateId, ct);
            var needs = part == CanvaParts.Pages ? new[] { CanvaContent.PageText, CanvaContent.PagePicture } : [CanvaContent.Title, CanvaContent.CoverPicture];
            if (mapping is null || !mapping.Values.Any(needs.Contains))
            {
                errors[field] = [$"save a field mapping for brand template {templateId} first (PUT /api/v1/canva/brand-templates/{templateId}/mapping) that fills "
                    + (part == CanvaParts.Pages ? "the page text or the page picture" : "the title or the cover picture")];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.CanvaBookTemplates.Where(t => t.BookId == id).ExecuteDeleteAsync(ct);
        var now = time.UtcNow();
        if (request.PagesTemplateId is { } pages)
        {
            db.CanvaBookTemplates.Add(new CanvaBookTemplate { BookId = id, Part = CanvaParts.Pages, BrandTemplateId = pages, UpdatedAt = now });
        }
        if (request.CoverTemplateId is { } cover)
        {
            db.CanvaBookTemplates.Add(new CanvaBookTemplate { BookId = id, Part = CanvaParts.Cover, BrandTemplateId = cover, UpdatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadAsync(db, id, ct));
    }

    public static async Task<CanvaBookDto> LoadAsync(StoryloomDb db, Guid bookId, CancellationToken ct)
    {
        var rows = await db.CanvaBookTemplates.AsNoTracking().Where(t => t.BookId == bookId).ToListAsync(ct);
        return new CanvaBookDto(bookId, rows.FirstOrDefault(r => r.Part == CanvaParts.Pages)?.BrandTemplateId, rows.FirstOrDefault(r => r.Part == CanvaParts.Cover)?.BrandTemplateId);
    }
}
