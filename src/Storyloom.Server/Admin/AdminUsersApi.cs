using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;

namespace Storyloom.Server.Admin;

/// <summary>What an admin sees of an account.</summary>
public sealed record AdminUserDto(
    Guid Id, string Email, string DisplayName, string Role, bool Disabled, DateTime? LockedUntil, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record AdminUserPage(IReadOnlyList<AdminUserDto> Items, int Page, int PageSize, int Total);

/// <summary>A partial update: only the fields given change.</summary>
public sealed record UpdateUserRequest(string? Role, bool? Disabled);

/// <summary>/api/v1/admin/users: list accounts, change a role, disable or enable an account. Admins only.</summary>
internal static class AdminUsersApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapAdminUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("List accounts (admins only)");
        users.MapPatch("/{id:guid}", Update).WithName("UpdateUser").WithSummary("Change an account's role or disable it (admins only)");
        return api;
    }

    public static AdminUserDto AsAdminDto(this User u) =>
        new(u.Id, u.Email, u.DisplayName, u.Role, u.IsDisabled, u.LockedUntil, u.CreatedAt, u.UpdatedAt);

    private static async Task<Results<Ok<AdminUserPage>, ValidationProblem>> List(
        StoryloomDb db, CancellationToken ct, string? search = null, int page = 1, int pageSize = 25)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["The page starts at 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be 1 to {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = Passwords.NormalizeEmail(search);
            query = query.Where(u => u.Email.Contains(needle));
        }
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new AdminUserPage([.. users.Select(u => u.AsAdminDto())], page, pageSize, total));
    }

    private static async Task<Results<Ok<AdminUserDto>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateUserRequest body, ClaimsPrincipal principal, StoryloomDb db, TimeProvider clock, UserGate gate,
        HttpContext http, CancellationToken ct)
    {
        if (body.Role is not null && !Roles.IsKnown(body.Role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"Use \"{Roles.User}\" or \"{Roles.Admin}\"."] });
        }
        var adminId = principal.Id();
        // An admin cannot lock themselves out; another admin can.
        if (id == adminId && (body.Role == Roles.User || body.Disabled == true))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [body.Disabled == true ? "disabled" : "role"] = ["You cannot disable yourself or take away your own admin role."],
            });
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (body.Role is { } role && role != user.Role)
        {
            db.AuditLog.Record(now, AuditActions.RoleChange, adminId, http, target: $"user {user.Id} ({user.Email})", detail: $"{user.Role} -> {role}");
            user.Role = role;
            // Access tokens carry the role: end them so the new role applies now (a refresh picks it up).
            user.InvalidateTokens(now);
        }
        if (body.Disabled is { } disabled && disabled != user.IsDisabled)
        {
            user.IsDisabled = disabled;
            user.UpdatedAt = now;
            db.AuditLog.Record(now, disabled ? AuditActions.Disable : AuditActions.Enable, adminId, http, target: $"user {user.Id} ({user.Email})");
            if (disabled)
            {
                user.InvalidateTokens(now);
                await Sessions.RevokeAllAsync(db, user.Id, now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await gate.ForgetAsync(user.Id);
        return TypedResults.Ok(user.AsAdminDto());
    }
}
