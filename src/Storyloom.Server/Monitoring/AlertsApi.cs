using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Monitoring;

/// <summary>/api/v1/admin/alerts: alert rules (a threshold on a /metrics number → a webhook call). Admins only.</summary>
internal static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/admin/alerts").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        alerts.MapGet("/", List).WithName("ListAlertRules").WithSummary("Every alert rule with its state and the value last seen");
        alerts.MapPost("/", Create).WithName("CreateAlertRule").WithJsonBodyErrors()
            .WithSummary("Add a rule: when metric compared with threshold holds for forSeconds, POST to webhookUrl (and again when it resolves), signed; the answer shows the signing secret once");
        alerts.MapGet("/{id:guid}", Get).WithName("GetAlertRule").WithSummary("One alert rule");
        alerts.MapPut("/{id:guid}", Update).WithName("UpdateAlertRule").WithJsonBodyErrors()
            .WithSummary("Replace a rule; leave webhookUrl out to keep the stored one; rotateSigningSecret makes a new secret, shown once");
        alerts.MapDelete("/{id:guid}", Delete).WithName("DeleteAlertRule").WithSummary("Remove a rule (no resolved call is sent)");
        return api;
    }

    private static async Task<Ok<List<AlertRuleDto>>> List(StoryloomDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct)).Select(r => r.AsDto()).ToList());

    private static async Task<Results<Ok<AlertRuleDto>, NotFound>> Get(Guid id, StoryloomDb db, CancellationToken ct) =>
        await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule ? TypedResults.Ok(rule.AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Created<AlertRuleDto>, ValidationProblem>> Create(
        AlertRuleRequest request, StoryloomDb db, MetricsReader metrics, SecretBox secrets, TimeProvider time, StoryloomOptions options, CancellationToken ct)
    {
        var errors = AlertRules.Problems(request, creating: true, metrics.KnownNames());
        await CheckReachableAsync(request, errors, options, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = time.UtcNow();
        var rule = new AlertRule
        {
            Name = request.Name!.Trim(), Metric = request.Metric!.Trim(), Comparison = request.Comparison!, Threshold = request.Threshold!.Value,
            ForSeconds = request.ForSeconds ?? 0, WebhookUrl = "", WebhookHost = "", Enabled = request.Enabled ?? true, CreatedAt = now, UpdatedAt = now,
        };
        SetWebhook(rule, request.WebhookUrl!, secrets);
        var made = SetSigningSecret(rule, request.SigningSecret, secrets);
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/admin/alerts/{rule.Id}", rule.AsDto(made));
    }

    private static async Task<Results<Ok<AlertRuleDto>, NotFound, ValidationProblem>> Update(
        Guid id, AlertRuleRequest request, StoryloomDb db, MetricsReader metrics, SecretBox secrets, TimeProvider time, StoryloomOptions options, CancellationToken ct)
    {
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }
        var errors = AlertRules.Problems(request, creating: false, metrics.KnownNames());
        await CheckReachableAsync(request, errors, options, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var changed = rule.Metric != request.Metric!.Trim() || rule.Comparison != request.Comparison || rule.Threshold != request.Threshold!.Value;
        rule.Name = request.Name!.Trim();
        rule.Metric = request.Metric.Trim();
        rule.Comparison = request.Comparison!;
        rule.Threshold = request.Threshold!.Value;
        rule.ForSeconds = request.ForSeconds ?? 0;
        rule.Enabled = request.Enabled ?? rule.Enabled;
        if (changed)
        {
            // A new condition starts its wait afresh; a firing rule stays firing until the evaluator sees it resolve.
            rule.PendingSince = null;
        }
        if (request.WebhookUrl is { } url)
        {
            SetWebhook(rule, url, secrets);
        }
        var made = request.SigningSecret is not null || request.RotateSigningSecret == true ? SetSigningSecret(rule, request.SigningSecret, secrets) : null;
        rule.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rule.AsDto(made));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, StoryloomDb db, CancellationToken ct) =>
        await db.AlertRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 1 ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Seals the given secret, or a new one; returns the new one (to show once), null when the caller chose it.</summary>
    private static string? SetSigningSecret(AlertRule rule, string? chosen, SecretBox secrets)
    {
        var secret = chosen ?? WebhookSignature.NewSecret();
        rule.SigningSecret = secrets.Protect(secret, AlertRule.SigningPurpose(rule.Id));
        return chosen is null ? secret : null;
    }

    /// <summary>A webhook on a private address is refused when saved, as the guarded client would refuse to call it.</summary>
    private static async Task CheckReachableAsync(AlertRuleRequest request, Dictionary<string, string[]> errors, StoryloomOptions options, CancellationToken ct)
    {
        if (!errors.ContainsKey("webhookUrl") && request.WebhookUrl is { } url
            && await Storyloom.Ai.Network.OutboundHttp.ProblemAsync(url, options.Network.Policy(), ct) is { } where)
        {
            errors["webhookUrl"] = [$"webhookUrl {where}"];
        }
    }

    private static void SetWebhook(AlertRule rule, string url, SecretBox secrets)
    {
        rule.WebhookUrl = secrets.Protect(url, AlertRule.SecretPurpose(rule.Id));
        rule.WebhookHost = AlertRules.HostOf(url);
    }
}
