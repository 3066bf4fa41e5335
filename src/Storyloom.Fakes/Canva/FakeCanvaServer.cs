using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Storyloom.Canva;

namespace Storyloom.Fakes.Canva;

/// <summary>
/// A local stand-in for Canva Connect (api-wire.md 2.8): the authorize page (auto-approves), the token endpoint with PKCE
/// and rotating refresh tokens, users/me and capabilities, brand templates with datasets, asset upload, autofill and export
/// jobs that finish after <see cref="FakeCanvaFaults.JobPolls"/> polls, real small PDFs to download, and Canva's error
/// bodies. Faults per <see cref="FakeCanvaFaults"/>; every request goes to the journal. Listens on 127.0.0.1 only.
/// </summary>
public sealed partial class FakeCanvaServer : IAsyncDisposable
{
    public const string ClientId = "OC-fake-storyloom";
    public const string ClientSecret = "cnvca-fake-secret";
    public const string UpsellUrl = "https://www.canva.com/enterprise/";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Issued> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Issued> _refresh = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _assets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Design> _designs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeCanvaCall> _journal = new();
    private long _sequence;
    private int _rateLimited;
    private FakeCanvaFaults _faults;

    private FakeCanvaServer(WebApplication app, FakeCanvaFaults faults)
    {
        _app = app;
        _faults = faults;
    }

    public FakeCanvaFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set
        {
            Volatile.Write(ref _faults, value ?? new FakeCanvaFaults());
            Interlocked.Exchange(ref _rateLimited, 0);
        }
    }

    public IReadOnlyList<FakeCanvaCall> Journal => [.. _journal.OrderBy(c => c.Sequence)];

    /// <summary>http://127.0.0.1:N: the authorize page is at /api/oauth/authorize and the API at /rest/v1.</summary>
    public string BaseUrl { get; private set; } = "";
    public string AuthorizeUrl => BaseUrl + "/api/oauth/authorize";
    public string ApiBaseUrl => BaseUrl + "/rest";

    /// <summary>Options for a client of this fake (fast polling, short backoff).</summary>
    public CanvaOptions ClientOptions() => new()
    {
        ClientId = ClientId, ClientSecret = ClientSecret, AuthorizeUrl = AuthorizeUrl, ApiBaseUrl = ApiBaseUrl,
        PollFirstDelay = TimeSpan.FromMilliseconds(20), PollMaxDelay = TimeSpan.FromMilliseconds(200), RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RequestsPerMinutePerUser = 6000, RequestsPerMinutePerIntegration = 60000,
    };

    /// <summary>Every access token issued so far stops working (as if 4 hours passed); refresh tokens still work.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var (token, issued) in _access)
        {
            _access[token] = issued with { ExpiresAt = DateTime.UtcNow.AddSeconds(-1) };
        }
    }

    public static async Task<FakeCanvaServer> StartAsync(int port = 0, FakeCanvaFaults? faults = null, CancellationToken ct = default)
    {
        var app = LoopbackHost.Build(port);
        var server = new FakeCanvaServer(app, faults ?? new FakeCanvaFaults());
        server.Map(app);
        server.BaseUrl = await LoopbackHost.StartAsync(app, port, ct);
        return server;
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);

    private sealed record Grant(string Challenge, string? RedirectUri, string Scope, string UserId);

    private sealed record Issued(string GrantId, string UserId, string Scope, DateTime ExpiresAt, bool Revoked = false);

    private sealed record Job(string Id, string Kind, string What, int PollsLeft, JsonObject Done);

    private sealed record Design(string Id, string Title, FakeTemplate Template, Dictionary<string, AutofillValue> Data);

    private void Map(WebApplication app)
    {
        app.MapGet("/_fake/faults", () => Results.Json(Faults, CanvaJson.Options));
        app.MapPost("/_fake/faults", async (HttpContext http) =>
        {
            Faults = await JsonSerializer.DeserializeAsync<FakeCanvaFaults>(http.Request.Body, CanvaJson.Options, http.RequestAborted) ?? new FakeCanvaFaults();
            return Results.Json(Faults, CanvaJson.Options);
        });
        app.MapPost("/_fake/expire-tokens", () =>
        {
            ExpireAccessTokens();
            return Results.NoContent();
        });
        app.MapGet("/_fake/journal", () => Results.Json(Journal, CanvaJson.Options));
        app.MapGet("/_fake/exports/{id}.pdf", (string id) => _jobs.TryGetValue(id, out var job) && job.Kind == "export" && _designs.TryGetValue(job.What, out var design)
            ? Results.Bytes(Render(design), "application/pdf")
            : Error(404, "not_found", "export job result has expired"));

        app.MapGet("/api/oauth/authorize", Authorize);
        app.MapPost("/rest/v1/oauth/token", async (HttpContext http) =>
        {
            if (Faults.RefreshDelay > TimeSpan.Zero && http.Request.HasFormContentType && (await http.Request.ReadFormAsync()).TryGetValue("grant_type", out var grant) && grant == "refresh_token")
            {
                await Task.Delay(Faults.RefreshDelay);
            }
            return Log(http, Token(http));
        });
        app.MapPost("/rest/v1/oauth/revoke", (HttpContext http) => Log(http, Revoke(http)));

        Api(app, "GET", "/rest/v1/users/me", null, (_, issued) => Task.FromResult(Ok(new JsonObject { ["team_user"] = new JsonObject { ["user_id"] = issued.UserId, ["team_id"] = "oBfaketeam" } })));
        Api(app, "GET", "/rest/v1/users/me/capabilities", "profile:read", (_, _) => Task.FromResult(Ok(new JsonObject { ["capabilities"] = new JsonArray([.. Faults.Capabilities.Select(c => (JsonNode)JsonValue.Create(c))]) })));
        Api(app, "GET", "/rest/v1/brand-templates", "brandtemplate:meta:read", ListTemplates);
        Api(app, "GET", "/rest/v1/brand-templates/{id}", "brandtemplate:meta:read", (http, _) => WithTemplate(http, t => Ok(new JsonObject { ["brand_template"] = t.ToJson(BaseUrl) })));
        Api(app, "GET", "/rest/v1/brand-templates/{id}/dataset", "brandtemplate:content:read", (http, _) => WithTemplate(http, t => Ok(new JsonObject { ["dataset"] = t.DatasetJson() })));
        Api(app, "POST", "/rest/v1/asset-uploads", "asset:write", Upload);
        Api(app, "GET", "/rest/v1/asset-uploads/{id}", "asset:read", (http, _) => Poll(http, "upload"));
        Api(app, "POST", "/rest/v1/autofills", "design:content:write", Autofill);
        Api(app, "GET", "/rest/v1/autofills/{id}", "design:meta:read", (http, _) => Poll(http, "autofill"));
        Api(app, "POST", "/rest/v1/exports", "design:content:read", Export);
        Api(app, "GET", "/rest/v1/exports/{id}", "design:content:read", (http, _) => Poll(http, "export"));
        app.MapFallback((HttpContext http) => Log(http, Error(404, "endpoint_not_found", $"Unknown endpoint {http.Request.Method} {http.Request.Path}")));
    }

    private IResult Log(HttpContext http, IResult result, string? fault = null)
    {
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 200;
        _journal.Enqueue(new FakeCanvaCall(Interlocked.Increment(ref _sequence), http.Request.Method, http.Request.Path + http.Request.QueryString, status, fault));
        return result;
    }

    /// <summary>An API route: bearer check, scope check, injected 429s, then the handler; every answer goes to the journal.</summary>
    private void Api(WebApplication app, string method, string pattern, string? scope, Func<HttpContext, Issued, Task<IResult>> handler) =>
        app.MapMethods(pattern, [method], async (HttpContext http) =>
        {
            var auth = http.Request.Headers.Authorization.ToString();
            if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || auth.Length <= 7)
            {
                return Log(http, Error(401, "invalid_access_token", "Missing Authorization header"), "auth");
            }
            if (!_access.TryGetValue(auth[7..], out var issued))
            {
                return Log(http, Error(401, "invalid_access_token", "Access token is invalid"), "auth");
            }
            if (issued.Revoked)
            {
                return Log(http, Error(401, "revoked_access_token", "Access token is revoked"), "revoked");
            }
            if (issued.ExpiresAt <= DateTime.UtcNow)
            {
                return Log(http, Error(401, "invalid_access_token", "Access token is invalid"), "expired");
            }
            if (scope is not null && !issued.Scope.Split(' ').Contains(scope))
            {
                return Log(http, Error(403, "missing_scope", $"Missing scopes: [{scope}]"), "scope");
            }
            if (Interlocked.Increment(ref _rateLimited) <= Faults.RateLimitNext)
            {
                return Log(http, Error(429, "too_many_requests", $"Too many requests to {method} {pattern}"), "429");
            }
            return Log(http, await handler(http, issued));
        });

    private IResult Authorize(HttpContext http)
    {
        var q = http.Request.Query;
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        var redirect = Get("redirect_uri");
        if (Get("client_id") != ClientId || Get("response_type") != "code" || Get("code_challenge") is not { Length: 43 } challenge
            || !string.Equals(Get("code_challenge_method"), "S256", StringComparison.OrdinalIgnoreCase) || redirect is null)
        {
            return Log(http, Results.Content("<h1>Canva (fake)</h1><p>This link is wrong: it needs client_id, response_type=code, an S256 code_challenge and a redirect_uri.</p>", "text/html", statusCode: 400));
        }
        var state = Uri.EscapeDataString(Get("state") ?? "");
        if (Faults.DenyAuthorize)
        {
            return Log(http, Results.Redirect($"{redirect}{(redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?')}error=access_denied&error_description=The+user+declined&state={state}"), "denied");
        }
        var code = "fakecode-" + Guid.NewGuid().ToString("N");
        _codes[code] = new Grant(challenge, redirect, Get("scope") ?? "", "oUfakeuser");
        return Log(http, Results.Redirect($"{redirect}{(redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={code}&state={state}"));
    }

    private IResult Token(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        var form = http.Request.Form;
        var (id, secret) = ClientOf(http, form);
        if (id != ClientId || secret != ClientSecret)
        {
            return Error(401, "invalid_client", "Client authentication failed");
        }
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (!_codes.TryRemove(form["code"].ToString(), out var grant))
                {
                    return Error(400, "invalid_grant", "Invalid authorization code");
                }
                if (Pkce.ChallengeOf(form["code_verifier"].ToString()) != grant.Challenge)
                {
                    return Error(400, "invalid_grant", "Invalid code_verifier");
                }
                if (form["redirect_uri"].ToString() is { Length: > 0 } r && r != grant.RedirectUri)
                {
                    return Error(400, "invalid_grant", "redirect_uri does not match the authorize request");
                }
                return Ok(Issue(Guid.NewGuid().ToString("N"), grant.UserId, grant.Scope));
            case "refresh_token":
                if (!_refresh.TryRemove(form["refresh_token"].ToString(), out var old) || old.Revoked)
                {
                    return Error(400, "invalid_grant", "Invalid refresh token");
                }
                return Ok(Issue(old.GrantId, old.UserId, old.Scope));
            default:
                return Error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }
    }

    private IResult Revoke(HttpContext http)
    {
        var form = http.Request.Form;
        var (id, secret) = ClientOf(http, form);
        if (id != ClientId || secret != ClientSecret)
        {
            return Error(401, "invalid_client", "Client authentication failed");
        }
        var token = form["token"].ToString();
        var grant = _refresh.TryGetValue(token, out var r) ? r.GrantId : _access.TryGetValue(token, out var a) ? a.GrantId : null;
        if (grant is not null)
        {
            foreach (var (t, issued) in _access.Where(kv => kv.Value.GrantId == grant))
            {
                _access[t] = issued with { Revoked = true };
            }
            foreach (var t in _refresh.Where(kv => kv.Value.GrantId == grant).Select(kv => kv.Key))
            {
                _refresh.TryRemove(t, out _);
            }
        }
        return Results.Ok(new JsonObject());
    }

    private static (string? Id, string? Secret) ClientOf(HttpContext http, IFormCollection form)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..])).Split(':', 2);
            return (pair[0], pair.Length > 1 ? pair[1] : null);
        }
        return (form["client_id"], form["client_secret"]);
    }

    private JsonObject Issue(string grantId, string userId, string scope)
    {
        var seconds = Faults.AccessTokenSeconds;
        var expires = DateTime.UtcNow.AddSeconds(seconds);
        var header = Pkce.Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var payload = Pkce.Base64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { sub = userId, exp = new DateTimeOffset(expires).ToUnixTimeSeconds(), jti = Guid.NewGuid() })));
        var access = $"{header}.{payload}.fake";
        var refresh = "JABfake" + Guid.NewGuid().ToString("N");
        _access[access] = new Issued(grantId, userId, scope, expires);
        _refresh[refresh] = new Issued(grantId, userId, scope, DateTime.MaxValue);
        return new JsonObject
        {
            ["access_token"] = access, ["refresh_token"] = refresh, ["token_type"] = "Bearer", ["expires_in"] = seconds, ["scope"] = scope,
        };
    }

    private static IResult Ok(JsonNode body) => Results.Text(body.ToJsonString(), "application/json");

    private static IResult Error(int status, string code, string message, string? upsell = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (upsell is not null)
        {
            body["upsell_url"] = upsell;
        }
        return Results.Text(body.ToJsonString(), "application/json", statusCode: status);
    }
}
