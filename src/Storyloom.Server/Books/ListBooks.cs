using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;

namespace Storyloom.Server.Books;

internal static class ListBooks
{
    public const int MaxPageSize = 100;

    private static readonly string[] Sorts = ["title", "createdAt", "updatedAt", "pageCount"];
    private static readonly string[] Kinds = ["story", "coloring"];
    private static readonly string[] AgeGroups = ["0-2", "3-5", "6-8", "9-12"];

    public static async Task<Results<Ok<PagedList<BookSummaryDto>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, StoryloomDb db, CancellationToken ct,
        [Description("1-based page number")] int page = 1,
        [Description("At most 100")] int pageSize = 20,
        [Description("title | createdAt | updatedAt | pageCount; a leading '-' sorts descending")] string sort = "-updatedAt",
        [Description("story | coloring")] string? kind = null,
        [Description("draft | generating | ready | failed")] string? status = null,
        [Description("0-2 | 3-5 | 6-8 | 9-12")] string? ageGroup = null,
        [Description("Words in the title, theme or author (case-insensitive)")] string? q = null,
        [Description("Admins: every user's books, not just their own")] bool all = false)
    {
        var errors = new Dictionary<string, string[]>();
        var descending = sort.StartsWith('-');
        var sortField = sort.TrimStart('-', '+');
        Check(page >= 1, "page", $"page is {page}; pages start at 1");
        Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"pageSize is {pageSize}; ask for 1 to {MaxPageSize} books a page");
        Check(Sorts.Contains(sortField), "sort", $"cannot sort by '{sort}'; use {string.Join(", ", Sorts)} (prefix '-' for descending)");
        Check(kind is null || Kinds.Contains(kind), "kind", $"unknown kind '{kind}'; use story or coloring");
        Check(status is null || BookStatus.All.Contains(status), "status", $"unknown status '{status}'; use {string.Join(", ", BookStatus.All)}");
        Check(ageGroup is null || AgeGroups.Contains(ageGroup), "ageGroup", $"unknown age group '{ageGroup}'; use {string.Join(", ", AgeGroups)}");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = user.Id();
        var query = all && user.IsAdmin() ? db.Books.AsNoTracking() : db.Books.AsNoTracking().Where(b => b.OwnerId == userId);
        query = kind is null ? query : query.Where(b => b.Kind == kind);
        query = status is null ? query : query.Where(b => b.Status == status);
        query = ageGroup is null ? query : query.Where(b => b.AgeGroup == ageGroup);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // lower() + instr/strpos: the same case-insensitive substring match on SQLite and PostgreSQL.
            var needle = q.Trim().ToLowerInvariant();
            query = query.Where(b => b.Title.ToLower().Contains(needle) || b.Theme.ToLower().Contains(needle) || b.Author.ToLower().Contains(needle));
        }
        var total = await query.CountAsync(ct);
        var items = await Sorted(query, sortField, descending).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<BookSummaryDto>(items.Select(b => b.AsSummary()).ToList(), page, pageSize, total));

        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }
    }

    /// <summary>Titles sort by lower(title) so both databases agree whatever their collation; the id breaks ties so pages never overlap.</summary>
    private static IOrderedQueryable<Book> Sorted(IQueryable<Book> q, string field, bool descending) => (field, descending) switch
    {
        ("title", false) => q.OrderBy(b => b.Title.ToLower()).ThenBy(b => b.Id),
        ("title", true) => q.OrderByDescending(b => b.Title.ToLower()).ThenBy(b => b.Id),
        ("createdAt", false) => q.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id),
        ("createdAt", true) => q.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Id),
        ("pageCount", false) => q.OrderBy(b => b.PageCount).ThenBy(b => b.Id),
        ("pageCount", true) => q.OrderByDescending(b => b.PageCount).ThenBy(b => b.Id),
        (_, false) => q.OrderBy(b => b.UpdatedAt).ThenBy(b => b.Id),
        (_, true) => q.OrderByDescending(b => b.UpdatedAt).ThenBy(b => b.Id),
    };
}
