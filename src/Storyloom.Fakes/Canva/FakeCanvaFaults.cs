using Storyloom.Canva;

namespace Storyloom.Fakes.Canva;

/// <summary>
/// What the fake Canva does wrong or differently, changeable while it runs (<see cref="FakeCanvaServer.Faults"/> or
/// POST /_fake/faults).
/// </summary>
public sealed record FakeCanvaFaults
{
    /// <summary>"enterprise" (autofill and brand templates), "pro" (brand templates, no autofill) or "free" (neither).</summary>
    public string Plan { get; init; } = "enterprise";

    /// <summary>expires_in of new access tokens; a few seconds tests refreshing in the middle of a book.</summary>
    public int AccessTokenSeconds { get; init; } = 14400;

    /// <summary>The next this many API calls answer 429 too_many_requests (no Retry-After, as Canva).</summary>
    public int RateLimitNext { get; init; }

    /// <summary>Creating an autofill answers 429 quota_exceeded with an upsell_url (the free trial is used up).</summary>
    public bool QuotaExceeded { get; init; }

    /// <summary>Every autofill job ends "failed" with this code and message.</summary>
    public JobError? AutofillFailure { get; init; }

    /// <summary>Polls a job answers in_progress before it finishes.</summary>
    public int JobPolls { get; init; } = 1;

    /// <summary>How long the token endpoint takes to answer a refresh; long enough, two refreshes at once overlap.</summary>
    public TimeSpan RefreshDelay { get; init; }

    /// <summary>The authorize page sends the user back with error=access_denied.</summary>
    public bool DenyAuthorize { get; init; }

    public IReadOnlyList<string> Capabilities => Plan switch
    {
        "enterprise" => [CanvaCapabilities.Autofill, CanvaCapabilities.BrandTemplate, "resize"],
        "pro" => [CanvaCapabilities.BrandTemplate],
        _ => [],
    };
}

/// <summary>One request the fake saw.</summary>
public sealed record FakeCanvaCall(long Sequence, string Method, string Path, int Status, string? Fault);
