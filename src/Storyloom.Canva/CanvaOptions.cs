namespace Storyloom.Canva;

/// <summary>How to reach Canva and how gently to use it. Base URLs are settable so tests point at the fake server.</summary>
public sealed class CanvaOptions
{
    /// <summary>The integration's client id from the Canva Developer Portal (e.g. "OC-…"); empty turns the Canva features off.</summary>
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>The browser page that asks the user to allow the integration.</summary>
    public string AuthorizeUrl { get; set; } = "https://www.canva.com/api/oauth/authorize";

    /// <summary>
    /// The redirect registered in the Canva Developer Portal (e.g. https://books.example.com/api/v1/canva/callback); empty:
    /// the server's own /api/v1/canva/callback as the request reached it.
    /// </summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>The REST API root; paths are /v1/… under it.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.canva.com/rest";

    /// <summary>Exactly what Storyloom uses: templates and their fields, uploads, autofill, export, and the plan check.</summary>
    public string[] Scopes { get; set; } =
    [
        "asset:read", "asset:write", "brandtemplate:content:read", "brandtemplate:meta:read",
        "design:content:read", "design:content:write", "design:meta:read", "profile:read",
    ];

    /// <summary>Client-side pacing per Canva user (the tightest published limit is 10–30 a minute on some endpoints; 60 keeps bursts short).</summary>
    public int RequestsPerMinutePerUser { get; set; } = 60;

    /// <summary>Client-side pacing for the whole integration, across users.</summary>
    public int RequestsPerMinutePerIntegration { get; set; } = 600;

    /// <summary>Retries of a 429 too_many_requests or a 5xx; Canva sends no Retry-After, so the wait doubles from <see cref="RetryBaseDelay"/>.</summary>
    public int MaxRetries { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Job polling: the starter kit's 500 ms × 1.6 up to 10 s, given up after <see cref="JobTimeout"/>.</summary>
    public TimeSpan PollFirstDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public double PollFactor { get; set; } = 1.6;
    public TimeSpan PollMaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Refresh the access token when it has less than this left.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(10);

    public bool Configured => ClientId.Length > 0 && ClientSecret.Length > 0;

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(AuthorizeUrl, UriKind.Absolute, out _) || !Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return "Storyloom:Canva:AuthorizeUrl and ApiBaseUrl must be absolute URLs";
        }
        if (ClientId.Length > 0 != ClientSecret.Length > 0)
        {
            yield return "Storyloom:Canva:ClientId and ClientSecret go together; set both (from the Canva Developer Portal) or neither";
        }
        if (RequestsPerMinutePerUser < 1 || RequestsPerMinutePerIntegration < 1 || MaxRetries < 0 || PollFactor < 1)
        {
            yield return "Storyloom:Canva: request rates must be at least 1, MaxRetries at least 0 and PollFactor at least 1";
        }
    }
}
