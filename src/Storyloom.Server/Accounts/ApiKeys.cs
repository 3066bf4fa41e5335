using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;

namespace Storyloom.Server.Accounts;

public sealed record CreateApiKeyRequest(string? Name);

/// <summary>An API key as listed: never the key itself, only its prefix.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>The answer to creating a key: the only time the key is shown.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, string Key);

/// <summary>POST/GET/DELETE /auth/api-keys. A key looks like slk_&lt;8 hex prefix&gt;_&lt;32 random bytes, base64url&gt;.</summary>
internal static class ApiKeys
{
    public const string Marker = "slk_";
    public const string Header = "X-Api-Key";
    public const int MaxActivePerUser = 50;

    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder auth)
    {
        var keys = auth.MapGroup("/api-keys").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        keys.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create an API key (shown once)").ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapGet("/", List).WithName("ListApiKeys").WithSummary("Your API keys");
        keys.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke an API key");
        return auth;
    }

    public static (string Key, string Prefix, string Hash) NewKey()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var key = $"{Marker}{prefix}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        return (key, prefix, TokenService.Sha256(key));
    }

    /// <summary>The key a request carries in X-Api-Key or as "Authorization: Bearer slk_…", or null.</summary>
    public static string? FromRequest(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header))
        {
            return header.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + Marker, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static async Task<Results<Created<CreatedApiKeyDto>, ValidationProblem, ProblemHttpResult>> Create(
        CreateApiKeyRequest body, ClaimsPrincipal principal, StoryloomDb db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        // A key that makes keys would outlive its own revocation: only a signed-in session may create one.
        if (principal.HasClaim(c => c.Type == "api_key"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "An API key cannot create API keys",
                detail: "Sign in with your password (the web app or POST /api/v1/auth/login) to create a key.");
        }
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Name the key (1 to 100 characters), e.g. \"nightly build\"."] });
        }
        var userId = principal.Id();
        if (await db.ApiKeys.CountAsync(k => k.UserId == userId && k.RevokedAt == null, ct) >= MaxActivePerUser)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"You have {MaxActivePerUser} keys; revoke one first."] });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (key, prefix, hash) = NewKey();
        var entity = new ApiKey { UserId = userId, Name = name, Prefix = prefix, KeyHash = hash, CreatedAt = now };
        db.ApiKeys.Add(entity);
        db.AuditLog.Record(now, AuditActions.ApiKeyCreate, userId, http, target: $"key {entity.Id} ({prefix})", detail: name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created("/api/v1/auth/api-keys", new CreatedApiKeyDto(entity.Id, name, prefix, now, key));
    }

    private static async Task<Ok<List<ApiKeyDto>>> List(ClaimsPrincipal principal, StoryloomDb db, CancellationToken ct)
    {
        var userId = principal.Id();
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId && k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(keys);
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(
        Guid id, ClaimsPrincipal principal, StoryloomDb db, TimeProvider clock, ApiKeyCache cache, HttpContext http, CancellationToken ct)
    {
        var userId = principal.Id();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId && k.RevokedAt == null, ct);
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        key.RevokedAt = now;
        db.AuditLog.Record(now, AuditActions.ApiKeyRevoke, userId, http, target: $"key {key.Id} ({key.Prefix})", detail: key.Name);
        await db.SaveChangesAsync(ct);
        await cache.ForgetAsync(key.KeyHash);
        return TypedResults.NoContent();
    }
}
