using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>
/// POST /auth/login. Every failure, known email or not, costs the same (one password hash, one audit row) and answers the same;
/// repeated failures from one address slow that address down for that email (<see cref="SignInThrottle"/>), never the owner.
/// </summary>
internal static class Login
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        LoginRequest body, StoryloomDb db, TokenService tokens, StoryloomOptions options, SignInThrottle throttle, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = Passwords.NormalizeEmail(body.Email);
        var password = body.Password ?? "";
        var key = SignInThrottle.Key(email, http);
        if (await throttle.WaitAsync(key) is { } wait)
        {
            return SignInThrottle.TooMany(http, wait);
        }
        var user = email.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            Passwords.SpendTimeLikeAVerify(password);
            await throttle.FailedAsync(key);
            db.AuditLog.Record(now, AuditActions.LoginFailed, null, http, target: email, detail: "unknown email");
            await db.SaveChangesAsync(ct);
            return InvalidCredentials();
        }
        if (!Passwords.Verify(user, password))
        {
            await throttle.FailedAsync(key);
            db.AuditLog.Record(now, AuditActions.LoginFailed, user.Id, http, target: email, detail: "wrong password");
            await db.SaveChangesAsync(ct);
            return InvalidCredentials();
        }
        await throttle.SucceededAsync(key);
        if (user.IsDisabled)
        {
            db.AuditLog.Record(now, AuditActions.LoginFailed, user.Id, http, target: email, detail: "disabled");
            await db.SaveChangesAsync(ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This account is disabled",
                detail: "Ask an administrator to enable it.");
        }
        user.FailedLogins = 0;
        user.LockedUntil = null;
        var response = Sessions.Issue(db, tokens, options, user, Guid.CreateVersion7(), now);
        db.AuditLog.Record(now, AuditActions.Login, user.Id, http, target: email);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(response);
    }

    public static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password");
}
