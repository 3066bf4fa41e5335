using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>POST /auth/change-password: ends every sign-in and every access token, then signs this client in again.</summary>
internal static class ChangePassword
{
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        ChangePasswordRequest body, ClaimsPrincipal principal, StoryloomDb db, TokenService tokens, StoryloomOptions options,
        TimeProvider clock, UserGate gate, SignInThrottle throttle, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = principal.Id();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again");
        }
        var key = SignInThrottle.Key(user.Email, http);
        if (await throttle.WaitAsync(key) is { } wait)
        {
            return SignInThrottle.TooMany(http, wait);
        }
        if (!Passwords.Verify(user, body.CurrentPassword ?? ""))
        {
            // A stolen access token must not become a way to guess the password: failures slow it down like sign-ins.
            await throttle.FailedAsync(key);
            db.AuditLog.Record(now, AuditActions.LoginFailed, user.Id, http, target: user.Email, detail: "wrong current password");
            await db.SaveChangesAsync(ct);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }
        if (Passwords.CheckPassword(body.NewPassword, user.Email) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [problem] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.PasswordHash = Passwords.Hash(user, body.NewPassword!);
        user.FailedLogins = 0;
        user.InvalidateTokens(now);
        await Sessions.RevokeAllAsync(db, user.Id, now, ct);
        db.AuditLog.Record(now, AuditActions.PasswordChange, user.Id, http, target: user.Email);
        var response = Sessions.Issue(db, tokens, options, user, Guid.CreateVersion7(), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await gate.ForgetAsync(user.Id);
        return TypedResults.Ok(response);
    }
}
