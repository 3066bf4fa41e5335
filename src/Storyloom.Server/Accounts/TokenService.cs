using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>Signs and describes access tokens (JWT, HMAC-SHA256, 15 minutes by default).</summary>
public sealed class TokenService(StoryloomOptions options, SigningKey key, TimeProvider clock)
{
    public const string Audience = "storyloom-api";

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
    };
}

/// <summary>The HMAC key: from configuration, or made once at random and kept (mode 600) in the data directory.</summary>
public sealed class SigningKey
{
    public SymmetricSecurityKey Key { get; }

    public SigningKey(StoryloomOptions options)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(options.Auth.SigningKey))
        {
            bytes = Convert.FromBase64String(options.Auth.SigningKey);
        }
        else
        {
            var path = Path.Combine(options.DataDirectory, "signing-key");
            if (File.Exists(path))
            {
                bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            else
            {
                Directory.CreateDirectory(options.DataDirectory);
                bytes = RandomNumberGenerator.GetBytes(64);
                var tmp = path + ".tmp";
                File.WriteAllText(tmp, Convert.ToBase64String(bytes));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                File.Move(tmp, path, overwrite: false);
            }
        }
        if (bytes.Length < 32)
        {
            throw new ConfigurationProblemException(["Storyloom:Auth:SigningKey must be at least 32 bytes, base64-encoded"]);
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..8] };
    }
}
