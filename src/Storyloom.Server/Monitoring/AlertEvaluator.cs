using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Monitoring;

/// <summary>What a webhook receives: <c>status</c> is "firing" or "resolved".</summary>
public sealed record AlertNotice(
    string Status, Guid RuleId, string Name, string Metric, string Comparison, double Threshold, int ForSeconds, double? Value, DateTime At, string Summary);

/// <summary>
/// Every few seconds: samples the task and worker numbers, reads /metrics, and moves each rule between ok, pending and
/// firing. The move to firing (and back) is a conditional update, so with several API nodes exactly one sends each webhook.
/// </summary>
internal sealed class AlertEvaluator(
    IServiceScopeFactory scopes, SystemSampler sampler, MetricsReader metrics, SecretBox secrets, IHttpClientFactory http,
    StoryloomOptions options, TimeProvider time, ILogger<AlertEvaluator> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Monitoring.EvaluationInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
                await sampler.RefreshAsync(db, stoppingToken);
                await EvaluateAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not evaluate the alert rules; trying again in {Interval}", options.Monitoring.EvaluationInterval);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal async Task EvaluateAsync(StoryloomDb db, CancellationToken ct)
    {
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.Enabled || r.State != AlertStates.Ok).ToListAsync(ct);
        if (rules.Count == 0)
        {
            return;
        }
        var samples = metrics.Read();
        foreach (var rule in rules)
        {
            var now = time.UtcNow();
            var value = MetricSelector.Parse(rule.Metric) is { } selector ? MetricsReader.Value(samples, selector) : null;
            var holds = rule.Enabled && value is { } v && AlertRules.Holds(rule.Comparison, v, rule.Threshold);
            var pendingSince = holds ? rule.PendingSince ?? now : (DateTime?)null;
            await db.AlertRules.Where(r => r.Id == rule.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LastValue, value).SetProperty(r => r.LastEvaluatedAt, now).SetProperty(r => r.PendingSince, pendingSince), ct);
            if (holds && now - pendingSince >= TimeSpan.FromSeconds(rule.ForSeconds))
            {
                var claimed = await db.AlertRules.Where(r => r.Id == rule.Id && r.State != AlertStates.Firing)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, AlertStates.Firing).SetProperty(r => r.FiredAt, now), ct);
                if (claimed == 1)
                {
                    await NotifyAsync(db, rule, AlertStates.Firing, value, now, ct);
                }
            }
            else if (holds)
            {
                await db.AlertRules.Where(r => r.Id == rule.Id && r.State == AlertStates.Ok)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, AlertStates.Pending), ct);
            }
            else
            {
                var resolved = await db.AlertRules.Where(r => r.Id == rule.Id && r.State == AlertStates.Firing)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, AlertStates.Ok).SetProperty(r => r.ResolvedAt, now), ct);
                if (resolved == 1)
                {
                    await NotifyAsync(db, rule, "resolved", value, now, ct);
                }
                else
                {
                    await db.AlertRules.Where(r => r.Id == rule.Id && r.State == AlertStates.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, AlertStates.Ok), ct);
                }
            }
        }
    }

    private async Task NotifyAsync(StoryloomDb db, AlertRule rule, string status, double? value, DateTime now, CancellationToken ct)
    {
        var shown = value?.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) ?? "no data";
        var summary = status == AlertStates.Firing
            ? $"{rule.Name}: {rule.Metric} is {shown} ({rule.Comparison} {rule.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                + (rule.ForSeconds > 0 ? $" for {rule.ForSeconds} s)" : ")")
            : $"{rule.Name} resolved: {rule.Metric} is {shown}" + (rule.Enabled ? "" : " (rule disabled)");
        string? error = null;
        var url = secrets.Unprotect(rule.WebhookUrl, AlertRule.SecretPurpose(rule.Id));
        var signingSecret = rule.SigningSecret is { } sealedSecret ? secrets.Unprotect(sealedSecret, AlertRule.SigningPurpose(rule.Id)) : null;
        if (url is null)
        {
            error = "the stored webhook address cannot be read with this server's Storyloom:Secrets:Key; set the webhook again";
        }
        else if (rule.SigningSecret is not null && signingSecret is null)
        {
            error = "the stored signing secret cannot be read with this server's Storyloom:Secrets:Key; make a new one with rotateSigningSecret";
        }
        else
        {
            try
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(
                    new AlertNotice(status, rule.Id, rule.Name, rule.Metric, rule.Comparison, rule.Threshold, rule.ForSeconds, value, now, summary),
                    JsonSerializerOptions.Web);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                if (signingSecret is not null)
                {
                    request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(signingSecret, time.GetUtcNow().ToUnixTimeSeconds(), body));
                }
                using var response = await http.CreateClient(MonitoringSetup.WebhookClient).SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    error = $"{rule.WebhookHost} answered {(int)response.StatusCode} {response.ReasonPhrase}";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The stored error says no more than "unreachable" (no port scanning through it); the log keeps why.
                log.LogWarning("Alert {Rule}: the webhook call failed: {Reason}", rule.Name, e.Message);
                error = $"{rule.WebhookHost} could not be reached";
            }
        }
        if (error is not null)
        {
            log.LogWarning("Alert {Rule} {Status}: the webhook failed: {Error}", rule.Name, status, error);
        }
        else
        {
            log.LogInformation("Alert {Rule} {Status}: {Summary}", rule.Name, status, summary);
        }
        await db.AlertRules.Where(r => r.Id == rule.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastDeliveryError, error), ct);
    }
}
