using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;

namespace Storyloom.Server.Accounts;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

/// <summary>POST /auth/register: a new account with the role "user" (admins come from `storyloom users create --admin`).</summary>
internal static class Register
{
    public static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterRequest body, StoryloomDb db, TimeProvider clock, SignInThrottle throttle, HttpContext http, CancellationToken ct)
    {
        // A taken email tells that an account exists: such answers are throttled per address like failed sign-ins.
        var key = SignInThrottle.RegisterKey(http);
        if (await throttle.WaitAsync(key) is { } wait)
        {
            return SignInThrottle.TooMany(http, wait);
        }
        var email = Passwords.NormalizeEmail(body.Email);
        var errors = Passwords.CheckNewAccount(email, body.Password, body.DisplayName ?? "");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            await throttle.FailedAsync(key);
            return Taken();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = Passwords.NewUser(email, body.Password!, body.DisplayName!, Roles.User, now);
        db.Users.Add(user);
        db.AuditLog.Record(now, AuditActions.Register, user.Id, http, target: email);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations racing for one email: the unique index lets one through.
            await throttle.FailedAsync(key);
            return Taken();
        }
        return TypedResults.Created("/api/v1/auth/me", user.AsDto());
    }

    private static ProblemHttpResult Taken() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This email cannot be registered",
            detail: "Sign in instead, or use another email address.");
}
