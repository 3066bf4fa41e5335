using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Engines;

/// <summary>The AI side of the API: the caller's provider settings, and cost estimates before a run.</summary>
internal static partial class EnginesApi
{
    public static RouteGroupBuilder MapEnginesApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings/ai").WithTags("Settings").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        settings.MapGet("/", Get).WithName("GetAiSettings").WithSummary("Your AI provider settings: whether a key is saved (never the key), base URL, models, monthly budget");
        settings.MapPut("/", Put).WithName("PutAiSettings").WithJsonBodyErrors()
            .WithSummary("Replace your AI provider settings; the API key is write-only (null keeps it, \"\" removes it)");

        var books = api.MapGroup("/books").WithTags("Books").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        books.MapGet("/{id:guid}/estimate", BookEstimate.ForBook).WithName("EstimateBook")
            .WithSummary("What a run of the book is expected to use and cost with its engines, against its budget and yours");
        books.MapPost("/estimate", BookEstimate.ForBrief).WithName("EstimateBrief").WithJsonBodyErrors()
            .WithSummary("The same estimate for a brief not saved yet (the body of POST /books)");
        return api;
    }

    private static async Task<Ok<AiSettingsDto>> Get(ClaimsPrincipal user, ProviderOptions providers, HttpContext http, CancellationToken ct)
    {
        var id = user.Id();
        var (settings, provider) = await providers.ForUserAsync(id, ct);
        http.Response.Headers.ETag = AiSettingsMapping.Tag(settings);
        return TypedResults.Ok(settings.AsDto(providers.Server, provider.Options, provider.KeySource, await providers.MonthSpentAsync(id, ct)));
    }

    private static async Task<Results<Ok<AiSettingsDto>, ValidationProblem, ProblemHttpResult>> Put(
        AiSettingsRequest request, ClaimsPrincipal user, StoryloomDb db, ProviderOptions providers, SecretBox secrets,
        HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var id = user.Id();
        var settings = await db.AiSettings.FirstOrDefaultAsync(s => s.UserId == id, ct);
        if (Books.EditPreconditions.Stale(http.Request, AiSettingsMapping.Tag(settings)))
        {
            return Books.EditPreconditions.Conflict("Your AI settings", plural: true);
        }
        var errors = Validate(request, keptKey: settings?.ApiKeyProtected is not null);
        if (!errors.ContainsKey("baseUrl") && Blank(request.BaseUrl) is { } url
            && await Storyloom.Ai.Network.OutboundHttp.ProblemAsync(url, providers.Outbound, ct) is { } where)
        {
            errors["baseUrl"] = [$"baseUrl {where}"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The AI settings cannot be saved as asked");
        }
        if (settings is null)
        {
            settings = new AiSettings { UserId = id };
            db.AiSettings.Add(settings);
        }
        var keyChange = request.ApiKey switch
        {
            null => null,
            "" => "removed",
            _ => "set",
        };
        if (request.ApiKey is { } key)
        {
            settings.ApiKeyProtected = key.Length == 0 ? null : secrets.Protect(key.Trim(), ProviderOptions.KeyPurpose(id));
            settings.ApiKeyLast4 = key.Length == 0 ? null : AiSettingsMapping.Last4(key.Trim());
        }
        settings.BaseUrl = Blank(request.BaseUrl)?.TrimEnd('/');
        settings.TextModel = Blank(request.TextModel);
        settings.ImageModel = Blank(request.ImageModel);
        settings.ModerationModel = Blank(request.ModerationModel);
        settings.MonthlyBudgetUsd = request.MonthlyBudgetUsd is { } b ? Math.Round(b, 4) : null;
        settings.UpdatedAt = time.UtcNow();
        if (keyChange is not null)
        {
            // The audit says that the key changed, never what it is.
            db.AuditLog.Record(settings.UpdatedAt, $"ai-key.{keyChange}", id, http, target: $"user:{id}");
        }
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = AiSettingsMapping.Tag(settings);
        var provider = providers.Effective(settings, id);
        return TypedResults.Ok(settings.AsDto(providers.Server, provider.Options, provider.KeySource, await providers.MonthSpentAsync(id, ct)));
    }

    private static Dictionary<string, string[]> Validate(AiSettingsRequest r, bool keptKey)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Provider is { } provider && !string.Equals(provider.Trim(), AiSettingsMapping.Provider, StringComparison.OrdinalIgnoreCase))
        {
            errors["provider"] = [$"unknown provider '{provider}'; use openai (any OpenAI-compatible server: set baseUrl for Ollama, vLLM, LM Studio or Azure)"];
        }
        // Never echo the key: a message that quotes it would put it in logs and screenshots.
        if (r.ApiKey is { Length: > 0 } key && (key.Trim().Length is 0 or > 400 || key.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~')))
        {
            errors["apiKey"] = ["the API key must be 1 to 400 printable characters without spaces; paste it again, or send \"\" to remove the saved key"];
        }
        var willHaveKey = r.ApiKey is { Length: > 0 } || (r.ApiKey is null && keptKey);
        if (Blank(r.BaseUrl) is { } url)
        {
            if (url.Length > 300 || !Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")
                || u.UserInfo.Length > 0 || u.Query.Length > 0 || u.Fragment.Length > 0)
            {
                errors["baseUrl"] = ["baseUrl must be an http(s) URL without credentials or query, including /v1, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1"];
            }
            else if (!willHaveKey)
            {
                errors["baseUrl"] = ["a base URL needs your own API key (the server's key is only sent to the server's provider); set apiKey too, or leave baseUrl out"];
            }
        }
        foreach (var (field, value) in new[] { ("textModel", r.TextModel), ("imageModel", r.ImageModel), ("moderationModel", r.ModerationModel) })
        {
            if (Blank(value) is { } model && !ModelName().IsMatch(model))
            {
                errors[field] = [$"{field} must be a model name of 1 to 100 letters, digits and . _ : / - (e.g. gpt-4o-mini, gpt-image-1)"];
            }
        }
        if (Blank(r.ImageModel) is { } image && image.StartsWith("dall-e", StringComparison.OrdinalIgnoreCase) && image != "dall-e-3")
        {
            errors["imageModel"] = [$"image model '{image}' cannot paint consistent characters; use gpt-image-1 (or dall-e-3 where a server still offers it)"];
        }
        if (r.MonthlyBudgetUsd is < 0 or > EngineChoice.MaxBudget)
        {
            errors["monthlyBudgetUsd"] = [$"monthlyBudgetUsd must be 0 to {EngineChoice.MaxBudget} US dollars, or null for no cap"];
        }
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")]
    private static partial Regex ModelName();
}
