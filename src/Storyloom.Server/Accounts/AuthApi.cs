using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>/api/v1/auth: sign-in and everything about the caller's own account. Each use case lives in its own file.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        // Endpoints that take a password or a refresh token get the strict per-IP limit; reading your own account does not.
        var credentials = auth.MapGroup("").RequireRateLimiting(RateLimits.AuthPolicy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        credentials.MapPost("/register", Register.Handle).ProducesProblem(StatusCodes.Status409Conflict);
        credentials.MapPost("/login", Login.Handle).ProducesProblem(StatusCodes.Status401Unauthorized);
        credentials.MapPost("/refresh", Refresh.Handle).ProducesProblem(StatusCodes.Status401Unauthorized);
        credentials.MapPost("/logout", Refresh.Logout);
        credentials.MapPost("/change-password", ChangePassword.Handle).RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapGet("/me", Me).RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapApiKeys();
        return api;
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Me(ClaimsPrincipal principal, StoryloomDb db, CancellationToken ct)
    {
        var userId = principal.Id();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again")
            : TypedResults.Ok(user.AsDto());
    }
}
