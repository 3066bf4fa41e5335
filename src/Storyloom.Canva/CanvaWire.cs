using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyloom.Canva;

// The Canva Connect wire format (api-wire.md part 2), snake_case on the wire. Shared by the client and the fake server.

public sealed record CanvaTokens(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, string? Scope);

public sealed record CanvaThumbnail(int Width, int Height, string Url);

public sealed record BrandTemplate(string Id, string Title, string ViewUrl, string CreateUrl, CanvaThumbnail? Thumbnail, long CreatedAt, long UpdatedAt);

public sealed record BrandTemplatePage(IReadOnlyList<BrandTemplate> Items, string? Continuation);

/// <summary>One data field of a brand template: "text", "image" or "chart".</summary>
public sealed record DatasetField(string Type);

public sealed record CanvaAsset(string Type, string Id, string Name, IReadOnlyList<string>? Tags, long CreatedAt, long UpdatedAt, CanvaThumbnail? Thumbnail);

public sealed record DesignUrls(string EditUrl, string ViewUrl);

public sealed record CanvaDesign(string Id, string? Title, string? Url, DesignUrls Urls, CanvaThumbnail? Thumbnail, long CreatedAt, long UpdatedAt, int? PageCount);

public sealed record TrialInformation(int UsesRemaining, string? UpgradeUrl);

public sealed record AutofillResult(string Type, CanvaDesign Design, TrialInformation? TrialInformation);

public sealed record JobError(string Code, string Message);

/// <summary>Every async job: upload (asset), autofill (result), export (urls); status in_progress, success or failed.</summary>
public sealed record CanvaJob(string Id, string Status, CanvaAsset? Asset = null, AutofillResult? Result = null, IReadOnlyList<string>? Urls = null, JobError? Error = null)
{
    public const string InProgress = "in_progress";
    public const string Success = "success";
    public const string Failed = "failed";
}

public sealed record JobEnvelope(CanvaJob Job);

/// <summary>A value for one template field: {type:"text", text} or {type:"image", asset_id}.</summary>
public sealed record AutofillValue(string Type, string? Text = null, string? AssetId = null)
{
    public static AutofillValue ForText(string text) => new("text", Text: text);
    public static AutofillValue ForImage(string assetId) => new("image", AssetId: assetId);
}

public sealed record AutofillRequest(string BrandTemplateId, string? Title, IReadOnlyDictionary<string, AutofillValue> Data, string Type = "create_from_brand_template");

public sealed record ExportFormat(string Type, string? ExportQuality = null, IReadOnlyList<int>? Pages = null);

public sealed record ExportRequest(string DesignId, ExportFormat Format);

public sealed record TeamUser(string UserId, string? TeamId);

public static class CanvaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Capabilities that Storyloom needs, as Canva names them in GET /v1/users/me/capabilities.</summary>
public static class CanvaCapabilities
{
    public const string Autofill = "autofill";
    public const string BrandTemplate = "brand_template";
}
