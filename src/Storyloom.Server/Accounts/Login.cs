using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>POST /auth/login, with lockout after repeated failures.</summary>
internal static class Login
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        LoginRequest body, StoryloomDb db, TokenService tokens, StoryloomOptions options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = Passwords.NormalizeEmail(body.Email);
        var password = body.Password ?? "";
        var user = email.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            Passwords.SpendTimeLikeAVerify(password);
            db.AuditLog.Record(now, AuditActions.LoginFailed, null, http, target: email, detail: "unknown email");
            await db.SaveChangesAsync(ct);
            return InvalidCredentials();
        }
        if (IsLocked(user, now))
        {
            return Locked(http, user.LockedUntil!.Value, now);
        }
        if (!Passwords.Verify(user, password))
        {
            RecordFailure(db, user, options, now, http);
            await db.SaveChangesAsync(ct);
            return InvalidCredentials();
        }
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

    public static bool IsLocked(User user, DateTime now) => user.LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; the last one allowed locks the account for Auth.LockoutDuration.</summary>
    public static void RecordFailure(StoryloomDb db, User user, StoryloomOptions options, DateTime now, HttpContext http)
    {
        user.FailedLogins++;
        db.AuditLog.Record(now, AuditActions.LoginFailed, user.Id, http, target: user.Email, detail: $"wrong password ({user.FailedLogins})");
        if (user.FailedLogins >= options.Auth.MaxFailedLogins)
        {
            user.FailedLogins = 0;
            user.LockedUntil = now + options.Auth.LockoutDuration;
            db.AuditLog.Record(now, AuditActions.Lockout, user.Id, http, target: user.Email, detail: $"until {user.LockedUntil:O}");
        }
    }

    public static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password");

    /// <summary>
    /// 429 with Retry-After rather than 423: every HTTP client and retry library understands 429 + Retry-After
    /// (the same answer as the rate limiter), while 423 is WebDAV's "resource locked" and clients treat it as a plain error.
    /// </summary>
    public static ProblemHttpResult Locked(HttpContext http, DateTime until, DateTime now)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
            detail: $"This account is locked until {until:yyyy-MM-dd HH:mm:ss} UTC; try again in {Math.Ceiling(seconds / 60.0)} minute(s).",
            extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds, ["lockedUntil"] = until });
    }
}
