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
    /// <summary>The base URL points where the server does not call (a private address not allowed by the administrator).</summary>
    Unreachable,
}

/// <summary>
/// A provider call that failed, classified by what the caller should do about it. <see cref="Exception.Message"/> is safe to show
/// a user: it never quotes the remote server (which may be a private service answering secrets) and does not tell "refused" from
/// "no route"; what the server said is in <see cref="Detail"/>, for the log, under <see cref="Id"/>.
/// </summary>
public sealed partial class OpenAiException(FailureKind kind, int status, string? code, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>What the remote server answered, word for word: for the server log only.</summary>
    public string? Detail { get; private init; }

    /// <summary>The id the user's message names, to find <see cref="Detail"/> in the log (the trace id when there is one).</summary>
    public string? Id { get; private init; }

    public FailureKind Kind { get; } = kind;
    public int Status { get; } = status;
    public string? Code { get; } = code;

    /// <summary>How long the server asked us to wait (Retry-After, retry-after-ms or x-ratelimit-reset-requests), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => Kind is FailureKind.RateLimited or FailureKind.Transient;

    internal static OpenAiException From(ClientResultException e)
    {
        var id = NewId();
        var response = e.GetRawResponse();
        if (response is null || e.Status == 0)
        {
            var blocked = Chain(e).OfType<Network.OutboundBlockedException>().Any();
            return new OpenAiException(blocked ? FailureKind.Unreachable : FailureKind.Transient, 0, null,
                $"the AI provider could not be reached (see the server log, id {id})", null, e) { Detail = Flatten(e), Id = id };
        }
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
        // Only our own words for the kind, never the server's: the code is kept for classification and the log.
        var message = $"the AI provider refused the request: {status} {KindWords(kind)} (see the server log, id {id})";
        return new OpenAiException(kind, status, code ?? type, message, kind == FailureKind.RateLimited || status == 503 ? RetryDelay(response) : null, e)
        {
            Detail = $"{status} {code ?? type ?? "error"}: {text ?? e.Message}",
            Id = id,
        };
    }

    /// <summary>A failure whose words came from the remote side (a model's refusal): the user sees <paramref name="plain"/>.</summary>
    internal static OpenAiException Remote(FailureKind kind, string code, string plain, string detail)
    {
        var id = NewId();
        return new OpenAiException(kind, 200, code, $"{plain} (see the server log, id {id})") { Detail = detail, Id = id };
    }

    private static string KindWords(FailureKind kind) => kind switch
    {
        FailureKind.QuotaExceeded => "quota exceeded",
        FailureKind.RateLimited => "rate limited",
        FailureKind.ContentPolicy => "content policy",
        FailureKind.Transient => "server error",
        FailureKind.Unauthorized => "not authorized",
        _ => "bad request",
    };

    private static string NewId() =>
        System.Diagnostics.Activity.Current is { } a ? a.TraceId.ToHexString() : Guid.NewGuid().ToString("N")[..16];

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    private static string Flatten(Exception e) => string.Join(" <- ", Chain(e).Select(x => x.Message));

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
