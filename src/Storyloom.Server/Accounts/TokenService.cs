using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Accounts;

/// <summary>Signs and describes access tokens (JWT, HMAC-SHA256, 15 minutes by default) and makes refresh tokens.</summary>
public sealed class TokenService(StoryloomOptions options, SigningKey key, TimeProvider clock)
{
    public const string Audience = "storyloom-api";
    /// <summary>The user's TokensValidAfter (unix ms) when the token was issued; "iat" has whole seconds only, too coarse to tell
    /// a token issued just before a password change from one issued just after.</summary>
    public const string ValidAfterClaim = "tva";

    public (string Token, DateTime ExpiresAt) IssueAccessToken(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Auth.AccessTokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Auth.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                [CurrentUser.IdClaim] = user.Id.ToString(),
                [CurrentUser.RoleClaim] = user.Role,
                [ValidAfterClaim] = UserState.UnixMs(user.TokensValidAfter),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Auth.Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(5),
        NameClaimType = CurrentUser.IdClaim,
        RoleClaimType = CurrentUser.RoleClaim,
        // Expiry by the registered clock (IdentityModel's own TimeProvider is not public), so tests can move time.
        LifetimeValidator = (notBefore, expires, _, p) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } e && e.ToUniversalTime() + p.ClockSkew > now
                && (notBefore is not { } nb || nb.ToUniversalTime() - p.ClockSkew <= now);
        },
    };

    /// <summary>A new refresh token (32 random bytes, base64url) and the SHA-256 under which it is stored.</summary>
    public static (string Token, string Hash) NewRefreshToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Sha256(token));
    }

    /// <summary>Lower-case hex SHA-256: how refresh tokens and API keys are stored and looked up.</summary>
    public static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

/// <summary>The HMAC key: from configuration, or made once at random and kept (mode 600) in the data directory.</summary>
public sealed class SigningKey
{
    public SymmetricSecurityKey Key { get; }

    public SigningKey(StoryloomOptions options)
    {
        var bytes = KeyFile.Load(options.Auth.SigningKey, Path.Combine(options.DataDirectory, "signing-key"), "Storyloom:Auth:SigningKey", 64);
        if (bytes.Length < 32)
        {
            throw new ConfigurationProblemException(["Storyloom:Auth:SigningKey must be at least 32 bytes, base64-encoded"]);
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..8] };
    }
}
