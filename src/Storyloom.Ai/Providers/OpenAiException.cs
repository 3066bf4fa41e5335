using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Storyloom.Ai.Providers;

public enum FailureKind
{
    /// <summary>429 rate_limit_exceeded: wait (Retry-After / x-ratelimit-reset-*) and try again.</summary>
    RateLimited,
    /// <summary>429 insufficient_quota: no credit left; retrying never helps.</summary>
    QuotaExceeded,
    /// <summary>400 content_policy_violation / moderation_blocked, or a refusal: the prompt must change.</summary>
    ContentPolicy,
    /// <summary>500, 502, 503, 504, 408, network failure or an attempt that timed out.</summary>
    Transient,
    /// <summary>401/403: the key or the organisation is not allowed.</summary>
    Unauthorized,
    /// <summary>Any other 4xx: our request is wrong (unknown model, bad parameter); retrying never helps.</summary>
    BadRequest,
    /// <summary>The answer was cut off (finish_reason "length") or is not the JSON the schema asked for.</summary>
    BadAnswer,
}

/// <summary>A provider call that failed, classified by what the caller should do about it.</summary>
public sealed partial class OpenAiException(FailureKind kind, int status, string? code, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;
    public int Status { get; } = status;
    public string? Code { get; } = code;

    /// <summary>How long the server asked us to wait (Retry-After, retry-after-ms or x-ratelimit-reset-requests), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => Kind is FailureKind.RateLimited or FailureKind.Transient;

    internal static OpenAiException From(ClientResultException e)
    {
        var response = e.GetRawResponse();
        if (response is null || e.Status == 0)
            return new OpenAiException(FailureKind.Transient, 0, null, $"the provider could not be reached: {e.Message}", null, e);
        string? code = null, type = null, text = null;
        try
        {
            using var doc = JsonDocument.Parse(response.Content.ToMemory());
            if (doc.RootElement.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.Object)
            {
                code = Str(err, "code");
                type = Str(err, "type");
                text = Str(err, "message");
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: classify by status alone.
        }
        var status = e.Status;
        var kind = status switch
        {
            429 when code == "insufficient_quota" || type == "insufficient_quota" => FailureKind.QuotaExceeded,
            429 => FailureKind.RateLimited,
            400 when code is "content_policy_violation" or "moderation_blocked" || type == "image_generation_user_error" => FailureKind.ContentPolicy,
            408 or >= 500 => FailureKind.Transient,
            401 or 403 => FailureKind.Unauthorized,
            _ => FailureKind.BadRequest,
        };
        var message = $"{status} {code ?? type ?? "error"}: {text ?? e.Message}";
        return new OpenAiException(kind, status, code ?? type, message, kind == FailureKind.RateLimited || status == 503 ? RetryDelay(response) : null, e);
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>retry-after-ms, then Retry-After (seconds or an HTTP date), then x-ratelimit-reset-requests / -tokens (Go durations such as "1s", "6m0s", "20ms").</summary>
    internal static TimeSpan? RetryDelay(PipelineResponse response)
    {
        var h = response.Headers;
        if (h.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, CultureInfo.InvariantCulture, out var m)) return TimeSpan.FromMilliseconds(m);
        if (h.TryGetValue("Retry-After", out var ra))
        {
            if (double.TryParse(ra, CultureInfo.InvariantCulture, out var s)) return TimeSpan.FromSeconds(s);
            if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return at - DateTimeOffset.UtcNow is { Ticks: > 0 } d ? d : TimeSpan.Zero;
        }
        TimeSpan? reset = null;
        foreach (var name in new[] { "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens" })
            if (h.TryGetValue(name, out var v) && ParseGoDuration(v) is { } d && (reset is null || d > reset)) reset = d;
        return reset;
    }

    internal static TimeSpan? ParseGoDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var total = TimeSpan.Zero;
        var matches = GoDuration().Matches(text.Trim());
        if (matches.Count == 0 || matches.Sum(x => x.Length) != text.Trim().Length) return null;
        foreach (Match x in matches)
        {
            var n = double.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture);
            total += x.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                _ => TimeSpan.Zero,
            };
        }
        return total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex GoDuration();
}
