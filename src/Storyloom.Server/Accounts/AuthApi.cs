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
        credentials.MapPost("/register", Register.Handle).WithName("Register").WithSummary("Create an account and sign in").ProducesProblem(StatusCodes.Status409Conflict);
        credentials.MapPost("/login", Login.Handle).WithName("Login").WithSummary("Sign in with email and password").ProducesProblem(StatusCodes.Status401Unauthorized);
        credentials.MapPost("/refresh", Refresh.Handle).WithName("RefreshToken").WithSummary("Trade a refresh token for new tokens").ProducesProblem(StatusCodes.Status401Unauthorized);
        credentials.MapPost("/logout", Refresh.Logout).WithName("Logout").WithSummary("Revoke a refresh token");
        credentials.MapPost("/change-password", ChangePassword.Handle).WithName("ChangePassword").WithSummary("Change your password").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapGet("/me", Me).WithName("GetMe").WithSummary("Your own account").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
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
