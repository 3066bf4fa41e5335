using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>What a sign-in returns: a short access token, a refresh token to get the next one, and who signed in.</summary>
public sealed record TokenResponse(
    string AccessToken,
    DateTime AccessTokenExpiresAt,
    string RefreshToken,
    DateTime RefreshTokenExpiresAt,
    UserDto User)
{
    public string TokenType => "Bearer";
}

/// <summary>Refresh-token families: one per sign-in, rotated on every refresh, revoked as a whole.</summary>
internal static class Sessions
{
    /// <summary>Adds a new refresh token of <paramref name="familyId"/> to the context (the caller saves) and signs an access token.</summary>
    public static TokenResponse Issue(StoryloomDb db, TokenService tokens, StoryloomOptions options, User user, Guid familyId, DateTime now)
    {
        var (refresh, hash) = TokenService.NewRefreshToken();
        var refreshExpires = now + options.Auth.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = refreshExpires,
        });
        var (access, accessExpires) = tokens.IssueAccessToken(user);
        return new TokenResponse(access, accessExpires, refresh, refreshExpires, user.AsDto());
    }

    public static Task<int> RevokeFamilyAsync(StoryloomDb db, Guid familyId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, (DateTime?)now), ct);

    public static Task<int> RevokeAllAsync(StoryloomDb db, Guid userId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, (DateTime?)now), ct);
}
