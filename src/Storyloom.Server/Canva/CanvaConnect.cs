using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Storyloom.Canva;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Canva;

public sealed record CanvaConnectDto(string AuthorizeUrl, string State, string RedirectUri, DateTime ExpiresAt);

public sealed record CanvaConnectionDto(bool Configured, bool Connected, string? CanvaUserId, IReadOnlyList<string> Scopes, DateTime? ConnectedAt);

/// <summary>What the plan allows; <c>Explanation</c> says in plain words what is missing and what Storyloom does instead.</summary>
public sealed record CanvaCapabilitiesDto(bool Autofill, bool BrandTemplates, bool CanMakeBooks, IReadOnlyList<string> Capabilities, IReadOnlyList<string> Explanation);

internal static class CanvaConnect
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The browser that started connecting carries this cookie back to the callback; a link opened anywhere else fails.</summary>
    public const string NonceCookie = "storyloom-canva-nonce";
    private const string CallbackPath = "/api/v1/canva/callback";

    public static async Task<Results<Ok<CanvaConnectDto>, ValidationProblem, ProblemHttpResult>> Start(
        ClaimsPrincipal user, HttpRequest http, StoryloomDb db, CanvaAccounts accounts, SecretBox box, TimeProvider time, StoryloomOptions options,
        CancellationToken ct,
        [Description("Where Canva sends the browser back: this server's callback (default) or a loopback URL http://127.0.0.1:PORT/… for the CLI")] string? redirectUri = null,
        [Description("A path of the web app to go to after connecting, e.g. /settings")] string? returnTo = null)
    {
        if (!accounts.Options.Configured)
        {
            return CanvaApi.NotConfigured();
        }
        // Never from the Host header: a forged Host would send the code to whoever it names.
        var own = accounts.Options.RedirectUri is { Length: > 0 } configured ? configured
            : options.PublicUrl is { Length: > 0 } site ? site.TrimEnd('/') + CallbackPath : null;
        var errors = new Dictionary<string, string[]>();
        redirectUri ??= own;
        if (redirectUri is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Canva's callback address is not set",
                detail: "the administrator must set Storyloom__PublicUrl (or Storyloom__Canva__RedirectUri) to the address users reach this server at");
        }
        if (redirectUri != own && !IsLoopback(redirectUri))
        {
            errors["redirectUri"] = [own is null
                ? "redirectUri must be a loopback URL such as http://127.0.0.1:5251/callback"
                : $"redirectUri must be {own} or a loopback URL such as http://127.0.0.1:5251/callback"];
        }
        if (returnTo is not null && !IsLocalPath(returnTo))
        {
            errors["returnTo"] = ["returnTo must be a path of this site starting with a single /, without control characters, spaces or backslashes, e.g. /settings"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = time.UtcNow();
        var userId = user.Id();
        await db.CanvaAuthRequests.Where(r => r.ExpiresAt < now || r.UserId == userId).ExecuteDeleteAsync(ct);
        var pkce = Pkce.Create();
        var state = Pkce.State();
        var nonce = Pkce.State();
        var request = new CanvaAuthRequest
        {
            // The nonce rides sealed beside the PKCE verifier: only this server can read it back, and only with this state.
            State = state, UserId = userId, Verifier = box.Protect($"{pkce.Verifier} {nonce}", CanvaAccounts.VerifierPurpose(state)),
            RedirectUri = redirectUri, ReturnTo = returnTo, ExpiresAt = now + LinkLifetime,
        };
        db.CanvaAuthRequests.Add(request);
        await db.SaveChangesAsync(ct);
        http.HttpContext.Response.Cookies.Append(NonceCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.IsHttps,
            // Lax: sent on the top-level GET that Canva redirects the browser with, never on cross-site subrequests.
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = LinkLifetime,
            IsEssential = true,
        });
        var url = accounts.OAuth().AuthorizeUri(state, pkce, redirectUri);
        return TypedResults.Ok(new CanvaConnectDto(url.AbsoluteUri, state, redirectUri, request.ExpiresAt));
    }

    /// <summary>Anonymous: the browser arrives from Canva without Storyloom's token; the single-use state says whose connection it is.</summary>
    public static async Task<Results<Ok<CanvaConnectionDto>, RedirectHttpResult, ValidationProblem, ProblemHttpResult>> Callback(
        HttpContext http, StoryloomDb db, CanvaAccounts accounts, SecretBox box, TimeProvider time, CancellationToken ct,
        string? code = null, string? state = null, string? error = null,
        [FromQuery(Name = "error_description")] string? errorDescription = null)
    {
        var now = time.UtcNow();
        var request = state is { Length: > 0 and <= 100 } ? await db.CanvaAuthRequests.FirstOrDefaultAsync(r => r.State == state, ct) : null;
        if (request is null || request.ExpiresAt < now)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["state"] = ["this Canva link is unknown, used or older than 15 minutes; start connecting again"],
            });
        }
        // Single use: gone before anything else is looked at, whatever the outcome.
        db.CanvaAuthRequests.Remove(request);
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Delete(NonceCookie, new CookieOptions { Path = CallbackPath });
        var sealedParts = box.Unprotect(request.Verifier, CanvaAccounts.VerifierPurpose(request.State))?.Split(' ');
        if (sealedParts is not [var verifier, var nonce] || !SameNonce(nonce, http.Request.Cookies[NonceCookie]))
        {
            // A link started by someone else (or in another browser) must not attach this browser's Canva to their account.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["state"] = ["this Canva link was started in another browser; start connecting again from Storyloom in this one"],
            });
        }
        if (error is not null || code is null)
        {
            var words = error == "access_denied" ? "you declined the connection in Canva" : $"Canva said {error ?? "nothing"}: {errorDescription ?? "no code came back"}";
            return Back(request, $"error={Uri.EscapeDataString(words)}") ?? (Results<Ok<CanvaConnectionDto>, RedirectHttpResult, ValidationProblem, ProblemHttpResult>)
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [$"{words}; start connecting again"] });
        }
        if (!accounts.Options.Configured)
        {
            return CanvaApi.NotConfigured();
        }
        try
        {
            var tokens = await accounts.OAuth().ExchangeCodeAsync(code, verifier, request.RedirectUri, ct);
            var canvaUser = await accounts.ClientWith(tokens.AccessToken, request.UserId).GetMeAsync(ct);
            var row = await accounts.SaveAsync(request.UserId, tokens, canvaUser.UserId, ct);
            return Back(request, "canva=connected") ?? (Results<Ok<CanvaConnectionDto>, RedirectHttpResult, ValidationProblem, ProblemHttpResult>)TypedResults.Ok(AsDto(row, true));
        }
        catch (CanvaException e)
        {
            return Back(request, $"error={Uri.EscapeDataString(e.Message)}") ?? (Results<Ok<CanvaConnectionDto>, RedirectHttpResult, ValidationProblem, ProblemHttpResult>)CanvaApi.Problem(e);
        }
    }

    public static async Task<Ok<CanvaConnectionDto>> Status(ClaimsPrincipal user, CanvaAccounts accounts, CancellationToken ct)
    {
        var row = await accounts.FindAsync(user.Id(), ct);
        return TypedResults.Ok(row is null ? new CanvaConnectionDto(accounts.Options.Configured, false, null, [], null) : AsDto(row, accounts.Options.Configured));
    }

    public static async Task<NoContent> Disconnect(ClaimsPrincipal user, CanvaAccounts accounts, CancellationToken ct)
    {
        await accounts.DisconnectAsync(user.Id(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CanvaCapabilitiesDto>, ProblemHttpResult>> Capabilities(ClaimsPrincipal user, CanvaAccounts accounts, CancellationToken ct)
    {
        if (!accounts.Options.Configured)
        {
            return CanvaApi.NotConfigured();
        }
        if (await accounts.FindAsync(user.Id(), ct) is null)
        {
            return CanvaApi.NotConnected();
        }
        try
        {
            return TypedResults.Ok(Explain(await accounts.ClientFor(user.Id()).GetCapabilitiesAsync(ct)));
        }
        catch (CanvaException e)
        {
            return CanvaApi.Problem(e);
        }
    }

    public static CanvaCapabilitiesDto Explain(IReadOnlySet<string> capabilities)
    {
        var autofill = capabilities.Contains(CanvaCapabilities.Autofill);
        var templates = capabilities.Contains(CanvaCapabilities.BrandTemplate);
        var words = new List<string>();
        if (!templates)
        {
            words.Add("Your Canva plan has no brand templates. They come with Canva Pro, Teams or Enterprise: publish a design as a brand template in your Brand Kit, then choose it here.");
        }
        if (!autofill)
        {
            words.Add("Your Canva plan does not include autofill, which fills a brand template with your book's words and pictures. Autofill needs Canva Enterprise (paid plans get a short trial while an integration is in development). Until then Storyloom makes the book with its own layouts.");
        }
        if (words.Count == 0)
        {
            words.Add("Your Canva plan has brand templates and autofill: Storyloom can fill a template with each page or the cover and bring the PDFs back.");
        }
        return new CanvaCapabilitiesDto(autofill, templates, autofill && templates, capabilities.Order(StringComparer.Ordinal).ToList(), words);
    }

    private static CanvaConnectionDto AsDto(CanvaConnection c, bool configured) =>
        new(configured, true, c.CanvaUserId, c.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.CreatedAt);

    private static RedirectHttpResult? Back(CanvaAuthRequest request, string query) =>
        request.ReturnTo is { } path ? TypedResults.Redirect($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{query}") : null;

    private static bool SameNonce(string expected, string? presented) =>
        presented is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(presented));

    /// <summary>A path of this site only: one leading slash, no scheme, no backslash, no control or space characters a browser would drop.</summary>
    public static bool IsLocalPath(string path) =>
        path.Length is > 0 and <= 200 && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c)) && Uri.TryCreate(path, UriKind.Relative, out _);

    private static bool IsLoopback(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttp && u.Host is "127.0.0.1" or "[::1]" && string.IsNullOrEmpty(u.UserInfo) && u.Fragment.Length == 0;
}
