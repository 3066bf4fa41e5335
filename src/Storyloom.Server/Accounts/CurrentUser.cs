using System.Security.Claims;

namespace Storyloom.Server.Accounts;

/// <summary>Who is calling. Access tokens and API keys both carry "sub" (the user id) and "role".</summary>
public static class CurrentUser
{
    public const string IdClaim = "sub";
    public const string RoleClaim = "role";

    public static Guid Id(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(IdClaim), out var id) ? id : throw new InvalidOperationException("the request is not authenticated");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.FindFirstValue(RoleClaim) == Roles.Admin;

    /// <summary>Owner check for every resource: the owner, or an admin. Others get 404, not 403, so ids do not leak.</summary>
    public static bool CanSee(this ClaimsPrincipal user, Guid ownerId) => user.IsAdmin() || user.Id() == ownerId;
}
