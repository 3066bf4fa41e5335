using System.Text.RegularExpressions;

namespace Storyloom.Server.Monitoring;

public static class AlertStates
{
    public const string Ok = "ok";
    /// <summary>Over the threshold, not yet for long enough.</summary>
    public const string Pending = "pending";
    public const string Firing = "firing";
}

/// <summary>A threshold on a number of /metrics; firing calls the webhook once, resolving once more.</summary>
public sealed class AlertRule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>A series name as /metrics writes it, optionally with labels: <c>storyloom_tasks{state="failed"}</c>. Matching series are summed.</summary>
    public required string Metric { get; set; }
    public required string Comparison { get; set; }
    public double Threshold { get; set; }
    public int ForSeconds { get; set; }
    /// <summary>Encrypted with <see cref="Secrets.SecretBox"/>: webhook URLs often carry a token (Slack, Teams).</summary>
    public required string WebhookUrl { get; set; }
    /// <summary>scheme://host[:port] of the webhook, safe to show.</summary>
    public required string WebhookHost { get; set; }
    /// <summary>The key that signs each webhook call (<see cref="WebhookSignature"/>), sealed with SecretBox; null: unsigned (rules made before 0011).</summary>
    public string? SigningSecret { get; set; }
    public bool Enabled { get; set; } = true;
    public string State { get; set; } = AlertStates.Ok;
    public DateTime? PendingSince { get; set; }
    public DateTime? FiredAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public double? LastValue { get; set; }
    public DateTime? LastEvaluatedAt { get; set; }
    public string? LastDeliveryError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string SecretPurpose(Guid id) => $"alert-webhook:{id}";

    public static string SigningPurpose(Guid id) => $"alert-signing:{id}";
}

/// <summary>
/// An alert rule as the API shows it; the webhook's path and query (which may hold a token) are never sent back.
/// <c>signingSecret</c> is there once, in the answer that made it (create, or update with <c>rotateSigningSecret</c>); null after.
/// </summary>
public sealed record AlertRuleDto(
    Guid Id, string Name, string Metric, string Comparison, double Threshold, int ForSeconds, string WebhookHost, bool Enabled, string State,
    double? LastValue, DateTime? LastEvaluatedAt, DateTime? PendingSince, DateTime? FiredAt, DateTime? ResolvedAt, string? LastDeliveryError,
    DateTime CreatedAt, DateTime UpdatedAt, bool Signed, string? SigningSecret);

/// <summary>
/// POST and PUT /api/v1/admin/alerts. On PUT a missing <c>webhookUrl</c> keeps the stored one (the API never shows it back).
/// <c>comparison</c> is one of &gt; &gt;= &lt; &lt;=; <c>forSeconds</c> how long the condition must hold before it fires.
/// <c>signingSecret</c> sets the webhook signing key yourself (16–200 characters); otherwise one is made on create and shown once,
/// and <c>rotateSigningSecret: true</c> on PUT makes a new one (shown once).
/// </summary>
public sealed record AlertRuleRequest(
    string? Name, string? Metric, string? Comparison, double? Threshold, int? ForSeconds, string? WebhookUrl, bool? Enabled,
    string? SigningSecret = null, bool? RotateSigningSecret = null);

internal static partial class AlertRules
{
    public static readonly IReadOnlyList<string> Comparisons = [">", ">=", "<", "<="];
    public const int MaxForSeconds = 7 * 24 * 3600;

    public static AlertRuleDto AsDto(this AlertRule r, string? newSecret = null) => new(
        r.Id, r.Name, r.Metric, r.Comparison, r.Threshold, r.ForSeconds, r.WebhookHost, r.Enabled, r.State, r.LastValue, r.LastEvaluatedAt,
        r.PendingSince, r.FiredAt, r.ResolvedAt, r.LastDeliveryError, r.CreatedAt, r.UpdatedAt, r.SigningSecret is not null, newSecret);

    public static bool Holds(string comparison, double value, double threshold) => comparison switch
    {
        ">" => value > threshold,
        ">=" => value >= threshold,
        "<" => value < threshold,
        "<=" => value <= threshold,
        _ => false,
    };

    /// <summary>Field errors for a request; <paramref name="known"/> are the metric names /metrics writes now.</summary>
    public static Dictionary<string, string[]> Problems(AlertRuleRequest r, bool creating, IReadOnlySet<string> known)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 100)
        {
            errors["name"] = ["name is missing or longer than 100 characters; give the alert a short name, like \"Queue backing up\""];
        }
        if (r.Metric is null || MetricSelector.Parse(r.Metric) is not { } selector)
        {
            errors["metric"] = ["metric is missing or not a series name; write it as /metrics does, like storyloom_queue_depth or storyloom_tasks{state=\"failed\"}"];
        }
        else if (!known.Contains(selector.Name))
        {
            errors["metric"] = [$"/metrics has no series named {selector.Name}; see GET /metrics for the names (e.g. {string.Join(", ", known.Order(StringComparer.Ordinal).Take(6))})"];
        }
        if (r.Comparison is null || !Comparisons.Contains(r.Comparison))
        {
            errors["comparison"] = [$"comparison is '{r.Comparison}'; use one of {string.Join(" ", Comparisons)}"];
        }
        if (r.Threshold is not { } t || double.IsNaN(t) || double.IsInfinity(t))
        {
            errors["threshold"] = ["threshold is missing; give the number to compare the metric with"];
        }
        if (r.ForSeconds is < 0 or > MaxForSeconds)
        {
            errors["forSeconds"] = [$"forSeconds is {r.ForSeconds}; use 0 (fire at once) to {MaxForSeconds} (a week)"];
        }
        if (r.SigningSecret is { } secret && (secret.Length is < 16 or > 200 || secret.Any(char.IsWhiteSpace)))
        {
            errors["signingSecret"] = ["signingSecret must be 16 to 200 characters without spaces; or leave it out and one is made for you"];
        }
        if (r.WebhookUrl is null ? creating : WebhookProblem(r.WebhookUrl) is not null)
        {
            errors["webhookUrl"] = [r.WebhookUrl is null ? "webhookUrl is missing; give the http(s) address to POST the alert to" : WebhookProblem(r.WebhookUrl)!];
        }
        return errors;
    }

    public static string? WebhookProblem(string url)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return "webhookUrl must be an absolute http:// or https:// address (at most 2000 characters)";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "webhookUrl must not hold a user name or password; put a token in the path or query instead";
        }
        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "webhookUrl must not have a #fragment (it is never sent to the server)";
        }
        return null;
    }

    public static string HostOf(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);
}

/// <summary>A series name with optional label matchers: <c>name</c> or <c>name{a="x",b="y"}</c>.</summary>
internal sealed partial record MetricSelector(string Name, IReadOnlyDictionary<string, string> Labels)
{
    public static MetricSelector? Parse(string text)
    {
        var m = Shape().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }
        var labels = m.Groups["labels"].Success
            ? Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups["k"].Value, l => l.Groups["v"].Value, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new MetricSelector(m.Groups["name"].Value, labels);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]{0,199})(\{(?<labels>\s*[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*"\s*(,\s*[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*"\s*)*)\})?$""")]
    private static partial Regex Shape();

    [GeneratedRegex("""(?<k>[a-zA-Z_][a-zA-Z0-9_]*)="(?<v>[^"\\]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Label();
}
