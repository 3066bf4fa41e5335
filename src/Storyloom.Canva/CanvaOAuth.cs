using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Storyloom.Canva;

/// <summary>OAuth 2.0 authorization code with PKCE (S256): the authorize URL, the code exchange, refresh and revoke.</summary>
public sealed class CanvaOAuth(HttpClient http, CanvaOptions options)
{
    private readonly CanvaPipeline _pipeline = CanvaPipeline.For(options);

    /// <summary>The page the user opens to allow Storyloom; Canva sends them back to <paramref name="redirectUri"/> with code and state.</summary>
    public Uri AuthorizeUri(string state, Pkce pkce, string? redirectUri)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("code_challenge", pkce.Challenge),
            new("code_challenge_method", "S256"),
            new("scope", string.Join(' ', options.Scopes)),
            new("response_type", "code"),
            new("client_id", options.ClientId),
            new("state", state),
        };
        if (redirectUri is not null)
        {
            query.Add(new("redirect_uri", redirectUri));
        }
        var text = string.Join('&', query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
        return new Uri($"{options.AuthorizeUrl}?{text}");
    }

    public Task<CanvaTokens> ExchangeCodeAsync(string code, string verifier, string? redirectUri, CancellationToken ct)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier };
        if (redirectUri is not null)
        {
            form["redirect_uri"] = redirectUri;
        }
        return TokenAsync(form, ct);
    }

    /// <summary>Each refresh returns a new refresh token; the old one must be thrown away (treat it as single-use).</summary>
    public Task<CanvaTokens> RefreshAsync(string refreshToken, CancellationToken ct) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, ct);

    /// <summary>Revoking the refresh token withdraws the user's consent and every token made from it.</summary>
    public async Task RevokeAsync(string token, CancellationToken ct) =>
        await PostFormAsync("/v1/oauth/revoke", new Dictionary<string, string> { ["token"] = token }, ct);

    private async Task<CanvaTokens> TokenAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var body = await PostFormAsync("/v1/oauth/token", form, ct);
        return JsonSerializer.Deserialize<CanvaTokens>(body, CanvaJson.Options)
            ?? throw new CanvaException(CanvaFailure.BadRequest, 200, "bad_answer", "Canva's token answer was empty");
    }

    private Task<string> PostFormAsync(string path, Dictionary<string, string> form, CancellationToken ct) =>
        _pipeline.RunAsync("", async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.ApiBaseUrl.TrimEnd('/') + path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));
            using var response = await http.SendAsync(request, token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
            {
                var error = CanvaException.From(response.StatusCode, text, CanvaClient.RetryAfterOf(response), oauth: true);
                // A refresh token that was sent may already be spent; only a throttled request is safe to send again.
                throw error.Kind == CanvaFailure.Transient ? new CanvaException(CanvaFailure.BadRequest, error.Status, error.Code, error.Message) : error;
            }
            return text;
        }, ct);
}
