using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>POST /auth/refresh (rotation with reuse detection) and POST /auth/logout.</summary>
internal static class Refresh
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Handle(
        RefreshRequest body, StoryloomDb db, TokenService tokens, StoryloomOptions options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await FindAsync(db, body, ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return Invalid();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claim the token atomically: of two requests racing with one token only one wins, the other counts as reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, (DateTime?)now), ct);
        if (claimed == 0 && !await LostAnswerAsync(db, token, options.Auth.RefreshReuseGrace, now, ct))
        {
            // A rotated token came back: it was stolen or replayed. Nobody can tell which copy is genuine, so end the whole sign-in.
            await Sessions.RevokeFamilyAsync(db, token.FamilyId, now, ct);
            db.AuditLog.Record(now, AuditActions.RefreshReuse, token.UserId, http, target: $"family {token.FamilyId}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Invalid();
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
        if (user is null || user.IsDisabled)
        {
            return Invalid();
        }
        var response = Sessions.Issue(db, tokens, options, user, token.FamilyId, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// A token rotated moments ago whose successor was never used: the client most likely lost the answer (a page left or
    /// a connection dropped mid-refresh), not a thief. Within the grace it may rotate again, into the same family.
    /// </summary>
    private static async Task<bool> LostAnswerAsync(StoryloomDb db, RefreshToken token, TimeSpan grace, DateTime now, CancellationToken ct)
    {
        var usedAt = await db.RefreshTokens.Where(t => t.Id == token.Id).Select(t => t.UsedAt).FirstAsync(ct);
        return usedAt is { } used && now - used <= grace
            && !await db.RefreshTokens.AnyAsync(t => t.FamilyId == token.FamilyId && (t.RevokedAt != null || t.Id != token.Id && t.UsedAt != null && t.CreatedAt >= used), ct);
    }

    /// <summary>Ends the sign-in the refresh token belongs to; always 204, so it tells nothing about the token.</summary>
    public static async Task<NoContent> Logout(RefreshRequest body, StoryloomDb db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var token = await FindAsync(db, body, ct);
        if (token is { RevokedAt: null })
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await Sessions.RevokeFamilyAsync(db, token.FamilyId, now, ct);
            db.AuditLog.Record(now, AuditActions.Logout, token.UserId, http, target: $"family {token.FamilyId}");
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<RefreshToken?> FindAsync(StoryloomDb db, RefreshRequest body, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.RefreshToken) || body.RefreshToken.Length > 200)
        {
            return null;
        }
        var hash = TokenService.Sha256(body.RefreshToken);
        return await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    private static ProblemHttpResult Invalid() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token is not valid",
            detail: "Sign in again.");
}
