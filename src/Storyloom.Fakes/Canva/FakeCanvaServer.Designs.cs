using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Storyloom.Canva;

namespace Storyloom.Fakes.Canva;

/// <summary>A brand template of the fake: its fields, its size in points and how its exported PDF looks.</summary>
internal sealed record FakeTemplate(string Id, string Title, IReadOnlyDictionary<string, string> Fields, double Width, double Height, string Background, double PictureShare, long UpdatedAt)
{
    public JsonObject ToJson(string baseUrl) => new()
    {
        ["id"] = Id, ["title"] = Title,
        ["view_url"] = $"{baseUrl}/design/{Id}/view", ["create_url"] = $"{baseUrl}/design/{Id}/remix",
        ["thumbnail"] = new JsonObject { ["width"] = 595, ["height"] = 335, ["url"] = $"{baseUrl}/_fake/thumbnails/{Id}.png" },
        ["created_at"] = 1704110400, ["updated_at"] = UpdatedAt,
    };

    public JsonObject DatasetJson() => new(Fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject { ["type"] = f.Value })));
}

public sealed partial class FakeCanvaServer
{
    private static readonly IReadOnlyList<FakeTemplate> Templates =
    [
        // Sizes are 8.5 × 8.5 in with bleed (621 × 630 pt); Storyloom fits any size onto the book's pages.
        new("DAFstoryPage1", "Story page, picture above the words", new Dictionary<string, string>
            { ["page_text"] = "text", ["page_picture"] = "image", ["page_number"] = "text" }, 621, 630, "#FFF8EC", 0.68, 1719835200),
        new("DAFcoverBold2", "Picture book cover, bold title", new Dictionary<string, string>
            { ["book_title"] = "text", ["author_name"] = "text", ["cover_picture"] = "image" }, 621, 630, "#2E5A88", 0.74, 1719835300),
        new("DAFthankYou3", "Thank-you card (no data fields)", new Dictionary<string, string>(), 432, 288, "#FFFFFF", 0, 1719835400),
    ];

    private Task<IResult> WithTemplate(HttpContext http, Func<FakeTemplate, IResult> then)
    {
        if (!Faults.Capabilities.Contains(CanvaCapabilities.BrandTemplate))
        {
            return Task.FromResult(PlanError("brand templates"));
        }
        var id = http.Request.RouteValues["id"]?.ToString();
        return Task.FromResult(Templates.FirstOrDefault(t => t.Id == id) is { } template
            ? then(template)
            : Error(404, "not_found", $"Brand template with id '{id}' not found"));
    }

    private IResult PlanError(string what) =>
        Error(403, "permission_denied", $"Not allowed to use {what}: the user's Canva plan does not include it; consider upgrading to Canva Enterprise");

    private Task<IResult> ListTemplates(HttpContext http, Issued _)
    {
        if (!Faults.Capabilities.Contains(CanvaCapabilities.BrandTemplate))
        {
            return Task.FromResult(Error(403, "permission_denied", "Not allowed to find metadata for brand templates"));
        }
        var q = http.Request.Query;
        var limit = int.TryParse(q["limit"], CultureInfo.InvariantCulture, out var l) ? l : 25;
        if (limit is < 1 or > 100)
        {
            return Task.FromResult(Error(400, "bad_query_params", "limit must be between 1 and 100"));
        }
        var start = int.TryParse(q["continuation"], CultureInfo.InvariantCulture, out var c) ? c : 0;
        var query = q["query"].ToString();
        var matching = Templates
            .Where(t => q["dataset"] != "non_empty" || t.Fields.Count > 0)
            .Where(t => query.Length == 0 || t.Title.Contains(query, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = matching.Skip(start).Take(limit).ToList();
        var body = new JsonObject { ["items"] = new JsonArray([.. page.Select(t => (JsonNode)t.ToJson(BaseUrl))]) };
        if (start + limit < matching.Count)
        {
            body["continuation"] = (start + limit).ToString(CultureInfo.InvariantCulture);
        }
        return Task.FromResult(Ok(body));
    }

    private async Task<IResult> Upload(HttpContext http, Issued issued)
    {
        if (http.Request.ContentType != "application/octet-stream")
        {
            return Error(415, "unsupported_content_type", "Content-Type must be application/octet-stream");
        }
        string name;
        try
        {
            var meta = JsonNode.Parse(http.Request.Headers["Asset-Upload-Metadata"].ToString());
            name = Encoding.UTF8.GetString(Convert.FromBase64String(meta?["name_base64"]?.GetValue<string>() ?? ""));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return Error(400, "invalid_header_value", "Asset-Upload-Metadata must be a JSON object with name_base64");
        }
        if (name.Length is 0 or > 50)
        {
            return Error(400, "invalid_header_value", "the asset name must be 1 to 50 characters");
        }
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        if (body.Length > 50L << 20)
        {
            return Error(413, "request_too_large", "the file must be smaller than 50 MB");
        }
        var bytes = body.ToArray();
        var jobId = Guid.NewGuid().ToString();
        if (bytes.Length < 8 || !(bytes[0] == 0x89 && bytes[1] == (byte)'P' || bytes[0] == 0xFF && bytes[1] == 0xD8))
        {
            return StartJob(jobId, "upload", name, new JsonObject { ["error"] = new JsonObject { ["code"] = "import_failed", ["message"] = "The file is not a supported image" } });
        }
        var assetId = "Mfake" + Guid.NewGuid().ToString("N")[..12];
        _assets[assetId] = bytes;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return StartJob(jobId, "upload", name, new JsonObject
        {
            ["asset"] = new JsonObject
            {
                ["type"] = "image", ["id"] = assetId, ["name"] = name, ["tags"] = new JsonArray(), ["created_at"] = now, ["updated_at"] = now,
                ["owner"] = new JsonObject { ["user_id"] = issued.UserId, ["team_id"] = "oBfaketeam" },
            },
        });
    }

    private async Task<IResult> Autofill(HttpContext http, Issued _)
    {
        if (!Faults.Capabilities.Contains(CanvaCapabilities.Autofill))
        {
            return PlanError("autofill");
        }
        if (Faults.QuotaExceeded)
        {
            return Error(429, "quota_exceeded", "You have used all the autofills of your free trial", UpsellUrl);
        }
        AutofillRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<AutofillRequest>(http.Request.Body, CanvaJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Error(400, "bad_request_body", $"Request body is not valid: {e.Message}");
        }
        if (request?.BrandTemplateId is null || request.Data is null)
        {
            return Error(400, "bad_request_body", "brand_template_id and data are required");
        }
        if (Templates.FirstOrDefault(t => t.Id == request.BrandTemplateId) is not { } template)
        {
            return Error(400, "bad_request_params", $"Brand template with id '{request.BrandTemplateId}' not found");
        }
        if (template.Fields.Count == 0)
        {
            return Error(400, "design_not_fillable", "Design does not have any autofill capable elements");
        }
        if (request.Title is { Length: 0 or > 255 })
        {
            return Error(400, "invalid_field", "title must be 1 to 255 characters");
        }
        foreach (var (field, value) in request.Data)
        {
            if (!template.Fields.TryGetValue(field, out var type) || type != value.Type)
            {
                return Error(400, "autofill_data_invalid", $"Field '{field}' is not a {value.Type} field of brand template {template.Id}");
            }
            if (value.Type == "image" && (value.AssetId is null || !_assets.ContainsKey(value.AssetId)))
            {
                return Error(400, "autofill_data_invalid", $"Asset '{value.AssetId}' for field '{field}' not found");
            }
            if (value.Type == "text" && value.Text is null)
            {
                return Error(400, "autofill_data_invalid", $"Field '{field}' needs text");
            }
        }
        var jobId = Guid.NewGuid().ToString();
        if (Faults.AutofillFailure is { } failure)
        {
            return StartJob(jobId, "autofill", template.Id, new JsonObject { ["error"] = new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message } });
        }
        var designId = "DAG" + Guid.NewGuid().ToString("N")[..10];
        var title = request.Title ?? template.Title;
        _designs[designId] = new Design(designId, title, template, new Dictionary<string, AutofillValue>(request.Data));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return StartJob(jobId, "autofill", template.Id, new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["type"] = "create_design",
                ["design"] = new JsonObject
                {
                    ["id"] = designId, ["title"] = title, ["url"] = $"{BaseUrl}/design/{designId}/edit",
                    ["urls"] = new JsonObject { ["edit_url"] = $"{BaseUrl}/api/design/{designId}/edit", ["view_url"] = $"{BaseUrl}/api/design/{designId}/view" },
                    ["created_at"] = now, ["updated_at"] = now, ["page_count"] = 1,
                },
            },
        });
    }

    private async Task<IResult> Export(HttpContext http, Issued _)
    {
        ExportRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ExportRequest>(http.Request.Body, CanvaJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Error(400, "bad_request_body", $"Request body is not valid: {e.Message}");
        }
        if (request?.DesignId is null || request.Format?.Type is null)
        {
            return Error(400, "bad_request_body", "design_id and format.type are required");
        }
        if (!_designs.ContainsKey(request.DesignId))
        {
            return Error(404, "design_not_found", $"Design with id '{request.DesignId}' not found");
        }
        if (request.Format.Type != "pdf")
        {
            return Error(400, "bad_request_body", $"The fake exports pdf only, not {request.Format.Type}");
        }
        if (request.Format.Pages is { } pages && pages.Any(p => p != 1))
        {
            return Error(400, "bad_request_body", $"Requested page(s) [{string.Join(", ", pages)}] of a design with 1 page(s)");
        }
        var jobId = Guid.NewGuid().ToString();
        return StartJob(jobId, "export", request.DesignId, new JsonObject { ["urls"] = new JsonArray($"{BaseUrl}/_fake/exports/{jobId}.pdf") });
    }

    private IResult StartJob(string id, string kind, string what, JsonObject done)
    {
        var job = new Job(id, kind, what, Math.Max(0, Faults.JobPolls), done);
        _jobs[id] = job;
        return Ok(new JsonObject { ["job"] = JobJson(job) });
    }

    private Task<IResult> Poll(HttpContext http, string kind)
    {
        var id = http.Request.RouteValues["id"]?.ToString() ?? "";
        if (!_jobs.TryGetValue(id, out var job) || job.Kind != kind)
        {
            return Task.FromResult(Error(404, "not_found", $"Job ID {id} not found"));
        }
        job = _jobs[id] = job with { PollsLeft = job.PollsLeft - 1 };
        return Task.FromResult(Ok(new JsonObject { ["job"] = JobJson(job) }));
    }

    /// <summary>in_progress until the polls run out, then success (with the result) or failed (with the error).</summary>
    private static JsonObject JobJson(Job job)
    {
        var body = new JsonObject { ["id"] = job.Id };
        if (job.PollsLeft > 0)
        {
            body["status"] = CanvaJob.InProgress;
            return body;
        }
        body["status"] = job.Done.ContainsKey("error") ? CanvaJob.Failed : CanvaJob.Success;
        foreach (var (key, value) in job.Done)
        {
            body[key] = value?.DeepClone();
        }
        return body;
    }

    private byte[] Render(Design design)
    {
        var t = design.Template;
        var picture = design.Data.Values.FirstOrDefault(v => v.Type == "image")?.AssetId is { } asset && _assets.TryGetValue(asset, out var png) ? png : null;
        var words = design.Data.Values.Where(v => v.Type == "text").Sum(v => v.Text?.Length ?? 0);
        var dark = t.Background == "#2E5A88";
        return FakeDesignPdf.Write([new FakeDesignPage(t.Width, t.Height, t.Background, picture, t.PictureShare, Math.Clamp(words / 45 + 1, 1, 6), dark ? "#F6D365" : "#5B4636")]);
    }
}
