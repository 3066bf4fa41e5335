using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Storyloom.Server.Data;

namespace Storyloom.Server.Accounts;

/// <summary>Signs a request in with an API key; the principal carries the same "sub" and "role" as an access token.</summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyCache keys, UserGate gate, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeys.FromRequest(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (!key.StartsWith(ApiKeys.Marker, StringComparison.Ordinal) || key.Length > 200)
        {
            return AuthenticateResult.Fail("not an API key");
        }
        var ct = Context.RequestAborted;
        var found = await keys.FindAsync(TokenService.Sha256(key), Context.RequestServices, ct);
        if (found is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        var user = await gate.FindAsync(found.UserId, Context.RequestServices, ct);
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("the key's account is disabled");
        }
        await keys.TouchAsync(found, Context.RequestServices, clock.GetUtcNow().UtcDateTime, ct);
        var identity = new ClaimsIdentity(
            [
                new Claim(CurrentUser.IdClaim, user.Id.ToString()),
                new Claim(CurrentUser.RoleClaim, user.Role),
                new Claim("api_key", found.Id.ToString()),
            ],
            SchemeName, CurrentUser.IdClaim, CurrentUser.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The API key is not valid\"";
        return Task.CompletedTask;
    }
}

internal sealed class CachedApiKey(Guid id, Guid userId, DateTime? lastUsedAt)
{
    public Guid Id { get; } = id;
    public Guid UserId { get; } = userId;
    public DateTime? LastUsedAt { get; set; } = lastUsedAt;
}

/// <summary>
/// Active keys by hash, cached as briefly as <see cref="UserGate"/>; revoking through this server forgets at once,
/// revoking elsewhere within a second or two (<see cref="RevocationWatcher"/>).
/// </summary>
internal sealed class ApiKeyCache
{
    private readonly IMemoryCache _cache;
    private readonly Cluster.RedisLink _link;
    private int _generation;

    public ApiKeyCache(IMemoryCache cache, Cluster.RedisLink link)
    {
        _cache = cache;
        _link = link;
        // A key revoked on any node stops working on every node at once; after an outage, every cached key is checked again.
        link.On("key", ForgetHere);
        link.OnRestored(ForgetAll);
    }

    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async ValueTask<CachedApiKey?> FindAsync(string hash, IServiceProvider services, CancellationToken ct)
    {
        var cacheKey = CacheKey(hash);
        if (_cache.TryGetValue(cacheKey, out CachedApiKey? found))
        {
            return found;
        }
        var db = services.GetRequiredService<StoryloomDb>();
        found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new CachedApiKey(k.Id, k.UserId, k.LastUsedAt))
            .FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            _cache.Set(cacheKey, found, UserGate.Lifetime);
        }
        return found;
    }

    /// <summary>Records the last use, at most once a minute per key, so automation does not write on every request.</summary>
    public async ValueTask TouchAsync(CachedApiKey key, IServiceProvider services, DateTime now, CancellationToken ct)
    {
        if (key.LastUsedAt is { } last && now - last < TouchEvery)
        {
            return;
        }
        key.LastUsedAt = now;
        var db = services.GetRequiredService<StoryloomDb>();
        await db.ApiKeys.Where(k => k.Id == key.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, (DateTime?)now), ct);
    }

    /// <summary>Drops the key here and, through Redis, on every other node.</summary>
    public async Task ForgetAsync(string hash)
    {
        ForgetHere(hash);
        await _link.SignalAsync("key", hash);
    }

    public void ForgetHere(string hash) => _cache.Remove(CacheKey(hash));

    public void ForgetAll() => Interlocked.Increment(ref _generation);

    private (string, int, string) CacheKey(string hash) => ("api-key", Volatile.Read(ref _generation), hash);
}
