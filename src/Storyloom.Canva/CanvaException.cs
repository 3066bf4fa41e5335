using System.Net;
using System.Text.Json;

namespace Storyloom.Canva;

/// <summary>What the caller should do about a failed Canva call.</summary>
public enum CanvaFailure
{
    /// <summary>429 too_many_requests: wait and try again (Canva sends no Retry-After; back off).</summary>
    RateLimited,
    /// <summary>429 quota_exceeded (or a job's trial_quota_exceeded): the plan's allowance is used up; the upgrade link says how to get more.</summary>
    QuotaExceeded,
    /// <summary>401 invalid_access_token / revoked_access_token: refresh the token once, then reconnect.</summary>
    TokenRejected,
    /// <summary>The refresh token no longer works (invalid_grant) or consent was withdrawn: the user must connect Canva again.</summary>
    ReconnectNeeded,
    /// <summary>403 permission_denied, license_required, feature_not_available: the account's plan or role does not allow this.</summary>
    NotAllowed,
    /// <summary>403 missing_scope: the connection was made without a permission Storyloom needs; connect again.</summary>
    MissingScope,
    /// <summary>404: the template, design, asset or job is gone (or expired).</summary>
    NotFound,
    /// <summary>Any other 4xx: Storyloom's request is wrong (bad field mapping, design not fillable).</summary>
    BadRequest,
    /// <summary>5xx, a network failure or an attempt that timed out: try again later.</summary>
    Transient,
    /// <summary>An async job (upload, autofill, export) ended with status "failed"; the code and message are Canva's reason.</summary>
    JobFailed,
}

/// <summary>A Canva call that failed, with Canva's own code and message and, for quota answers, the upgrade link.</summary>
public sealed class CanvaException(CanvaFailure kind, int status, string? code, string message, string? upsellUrl = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public CanvaFailure Kind { get; } = kind;
    public int Status { get; } = status;

    /// <summary>Canva's error code ("too_many_requests", "autofill_error", "invalid_grant", …).</summary>
    public string? Code { get; } = code;

    /// <summary>Where the user can raise the plan's quota (quota_exceeded's upsell_url or trial_information.upgrade_url).</summary>
    public string? UpsellUrl { get; } = upsellUrl;

    /// <summary>Only when a proxy in front of Canva sent Retry-After; Canva itself does not.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => Kind is CanvaFailure.RateLimited or CanvaFailure.Transient;

    /// <summary>Reads either error shape: {code, message[, upsell_url]} (API) or {error, error_description} (OAuth).</summary>
    internal static CanvaException From(HttpStatusCode statusCode, string body, TimeSpan? retryAfter, bool oauth)
    {
        var status = (int)statusCode;
        string? code = null, text = null, upsell = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = Str(doc.RootElement, "code") ?? Str(doc.RootElement, "error");
                text = Str(doc.RootElement, "message") ?? Str(doc.RootElement, "error_description");
                upsell = Str(doc.RootElement, "upsell_url");
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: classify by status alone.
        }
        var kind = status switch
        {
            429 when code == "quota_exceeded" => CanvaFailure.QuotaExceeded,
            429 => CanvaFailure.RateLimited,
            400 or 401 when oauth && code is "invalid_grant" => CanvaFailure.ReconnectNeeded,
            401 when oauth => CanvaFailure.BadRequest,
            401 => CanvaFailure.TokenRejected,
            403 when code == "missing_scope" => CanvaFailure.MissingScope,
            403 => CanvaFailure.NotAllowed,
            404 or 410 => CanvaFailure.NotFound,
            408 or >= 500 => CanvaFailure.Transient,
            _ => CanvaFailure.BadRequest,
        };
        return new CanvaException(kind, status, code, Words(kind, status, code, text, upsell), upsell, retryAfter);
    }

    /// <summary>A job that ended "failed": Canva's reason, in the same words a user sees.</summary>
    internal static CanvaException JobFailed(string what, string? code, string? text, string? upgradeUrl)
    {
        var kind = code == "trial_quota_exceeded" ? CanvaFailure.QuotaExceeded : CanvaFailure.JobFailed;
        var words = $"Canva could not {what}: {text ?? "no reason given"} ({code ?? "failed"})";
        if (kind == CanvaFailure.QuotaExceeded)
        {
            words += UpgradeWords(upgradeUrl);
        }
        return new CanvaException(kind, 200, code, words, upgradeUrl);
    }

    private static string Words(CanvaFailure kind, int status, string? code, string? text, string? upsell)
    {
        var said = $"Canva answered {status} {code ?? "error"}: {text ?? "no message"}";
        return kind switch
        {
            CanvaFailure.QuotaExceeded => $"{said}. The Canva plan's allowance for this is used up{UpgradeWords(upsell)}",
            CanvaFailure.RateLimited => $"{said}. Canva is limiting how fast Storyloom may ask; it waits and tries again",
            CanvaFailure.ReconnectNeeded => $"{said}. The Canva connection has expired or was withdrawn; connect Canva again in Settings",
            CanvaFailure.TokenRejected => $"{said}. The Canva connection is no longer accepted; connect Canva again in Settings",
            CanvaFailure.MissingScope => $"{said}. The Canva connection lacks a permission Storyloom needs; disconnect and connect Canva again",
            CanvaFailure.NotAllowed => $"{said}. The Canva account's plan or role does not allow this (autofill needs Canva Enterprise or its trial; brand templates need Pro, Teams or Enterprise)",
            _ => said,
        };
    }

    private static string UpgradeWords(string? url) =>
        url is null ? "; upgrade the Canva plan or wait for the allowance to renew" : $"; upgrade the Canva plan at {url} or wait for the allowance to renew";

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
