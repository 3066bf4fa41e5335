using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Storyloom.Canva;

/// <summary>Where the client gets the user's access token; the server keeps them encrypted and refreshes them.</summary>
public interface ICanvaTokenSource
{
    /// <summary>Whose pace the calls count against (the Storyloom user id).</summary>
    string UserKey { get; }

    /// <summary>A token that should work; <paramref name="rejected"/> is the one Canva just refused (401), to refresh past it.</summary>
    Task<string> AccessTokenAsync(string? rejected, CancellationToken ct);
}

/// <summary>A fixed token (the CLI, tests).</summary>
public sealed class StaticTokenSource(string accessToken, string userKey = "") : ICanvaTokenSource
{
    public string UserKey => userKey;

    public Task<string> AccessTokenAsync(string? rejected, CancellationToken ct) => Task.FromResult(accessToken);
}

/// <summary>
/// The Canva Connect endpoints Storyloom uses, for one user. Every call is paced and retried by <see cref="CanvaPipeline"/>;
/// a 401 refreshes the token once; async jobs are polled with growing waits until success or failure.
/// </summary>
public sealed class CanvaClient(HttpClient http, CanvaOptions options, ICanvaTokenSource tokens)
{
    private readonly CanvaPipeline _pipeline = CanvaPipeline.For(options);

    /// <summary>Called after each poll of a job (for progress lines); the argument is the job's status.</summary>
    public Action<string, string>? OnPoll { get; set; }

    public async Task<TeamUser> GetMeAsync(CancellationToken ct) =>
        (await GetAsync("/v1/users/me", ct))["team_user"].Deserialize<TeamUser>(CanvaJson.Options)!;

    public async Task<IReadOnlySet<string>> GetCapabilitiesAsync(CancellationToken ct)
    {
        var node = await GetAsync("/v1/users/me/capabilities", ct);
        return (node["capabilities"]?.AsArray().Select(c => c!.GetValue<string>()) ?? []).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>One page of the user's brand templates that have data fields (autofill-capable).</summary>
    public async Task<BrandTemplatePage> ListBrandTemplatesAsync(string? query, string? continuation, int limit, CancellationToken ct)
    {
        var q = new List<string> { "dataset=non_empty", $"limit={Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture)}" };
        if (!string.IsNullOrWhiteSpace(query))
        {
            q.Add("query=" + Uri.EscapeDataString(query));
        }
        if (!string.IsNullOrEmpty(continuation))
        {
            q.Add("continuation=" + Uri.EscapeDataString(continuation));
        }
        return (await GetAsync("/v1/brand-templates?" + string.Join('&', q), ct)).Deserialize<BrandTemplatePage>(CanvaJson.Options)!;
    }

    public async Task<BrandTemplate> GetBrandTemplateAsync(string id, CancellationToken ct) =>
        (await GetAsync($"/v1/brand-templates/{Id(id)}", ct))["brand_template"].Deserialize<BrandTemplate>(CanvaJson.Options)!;

    /// <summary>The template's data fields by name; empty when it has none.</summary>
    public async Task<IReadOnlyDictionary<string, DatasetField>> GetDatasetAsync(string id, CancellationToken ct) =>
        (await GetAsync($"/v1/brand-templates/{Id(id)}/dataset", ct))["dataset"].Deserialize<Dictionary<string, DatasetField>>(CanvaJson.Options) ?? [];

    /// <summary>Uploads an image (PNG, JPEG…) and waits until Canva has imported it.</summary>
    public async Task<CanvaAsset> UploadAssetAsync(byte[] bytes, string name, CancellationToken ct)
    {
        var shortName = name.Length > 50 ? name[..50] : name;
        var metadata = JsonSerializer.Serialize(new { name_base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(shortName)) });
        var job = await SendJobAsync(HttpMethod.Post, "/v1/asset-uploads", () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return content;
        }, ct, ("Asset-Upload-Metadata", metadata));
        var done = await PollAsync(job, "/v1/asset-uploads/", $"upload the picture {shortName}", ct);
        return done.Asset ?? throw new CanvaException(CanvaFailure.BadRequest, 200, "bad_answer", "Canva's finished upload job has no asset");
    }

    /// <summary>Fills a brand template and waits for the new design.</summary>
    public async Task<AutofillResult> AutofillAsync(AutofillRequest request, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(request, CanvaJson.Options);
        var job = await SendJobAsync(HttpMethod.Post, "/v1/autofills", () => new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var done = await PollAsync(job, "/v1/autofills/", $"fill the brand template {request.BrandTemplateId}", ct);
        return done.Result ?? throw new CanvaException(CanvaFailure.BadRequest, 200, "bad_answer", "Canva's finished autofill job has no design");
    }

    /// <summary>Exports a design as a PDF and waits for the download links (one for the file, or one per page).</summary>
    public async Task<IReadOnlyList<string>> ExportPdfAsync(string designId, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new ExportRequest(designId, new ExportFormat("pdf", "regular")), CanvaJson.Options);
        var job = await SendJobAsync(HttpMethod.Post, "/v1/exports", () => new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var done = await PollAsync(job, "/v1/exports/", $"export the design {designId} as PDF", ct);
        return done.Urls is { Count: > 0 } urls ? urls : throw new CanvaException(CanvaFailure.BadRequest, 200, "bad_answer", "Canva's finished export job has no download link");
    }

    /// <summary>Downloads an export link (pre-signed: no Authorization header).</summary>
    public Task<byte[]> DownloadAsync(string url, CancellationToken ct) =>
        _pipeline.RunAsync(tokens.UserKey, async token =>
        {
            using var response = await http.GetAsync(url, token);
            if (!response.IsSuccessStatusCode)
            {
                throw CanvaException.From(response.StatusCode, await response.Content.ReadAsStringAsync(token), RetryAfterOf(response), oauth: false);
            }
            return await response.Content.ReadAsByteArrayAsync(token);
        }, ct);

    private async Task<CanvaJob> PollAsync(CanvaJob job, string path, string what, CancellationToken ct)
    {
        var delay = options.PollFirstDelay;
        var deadline = DateTime.UtcNow + options.JobTimeout;
        while (job.Status == CanvaJob.InProgress)
        {
            if (DateTime.UtcNow + delay > deadline)
            {
                throw new CanvaException(CanvaFailure.Transient, 0, "job_timeout",
                    $"Canva did not finish the job to {what} within {options.JobTimeout.TotalMinutes:0.#} minutes; try again later");
            }
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * options.PollFactor, options.PollMaxDelay.TotalMilliseconds));
            job = await SendJobAsync(HttpMethod.Get, path + Id(job.Id), null, ct);
            OnPoll?.Invoke(what, job.Status);
        }
        if (job.Status == CanvaJob.Success)
        {
            return job;
        }
        throw CanvaException.JobFailed(what, job.Error?.Code, job.Error?.Message, job.Result?.TrialInformation?.UpgradeUrl);
    }

    private async Task<CanvaJob> SendJobAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken ct, params (string Name, string Value)[] headers) =>
        (await SendAsync(method, path, content, ct, headers)).Deserialize<JobEnvelope>(CanvaJson.Options)?.Job
            ?? throw new CanvaException(CanvaFailure.BadRequest, 200, "bad_answer", $"Canva's answer to {method} {path} has no job");

    private Task<JsonNode> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    private Task<JsonNode> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken ct, params (string Name, string Value)[] headers) =>
        _pipeline.RunAsync(tokens.UserKey, async token =>
        {
            string? rejected = null;
            while (true)
            {
                var access = await tokens.AccessTokenAsync(rejected, token);
                using var request = new HttpRequestMessage(method, options.ApiBaseUrl.TrimEnd('/') + path) { Content = content?.Invoke() };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
                using var response = await http.SendAsync(request, token);
                var text = await response.Content.ReadAsStringAsync(token);
                if (response.IsSuccessStatusCode)
                {
                    return JsonNode.Parse(text) ?? throw new CanvaException(CanvaFailure.BadRequest, (int)response.StatusCode, "bad_answer", $"Canva's answer to {method} {path} was empty");
                }
                var error = CanvaException.From(response.StatusCode, text, RetryAfterOf(response), oauth: false);
                // An access token can expire between our check and Canva's: refresh once and send again.
                if (error.Kind == CanvaFailure.TokenRejected && rejected is null)
                {
                    rejected = access;
                    continue;
                }
                throw error;
            }
        }, ct);

    /// <summary>Canva sends no Retry-After; a proxy in front of it might.</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } d } => d,
            { Date: { } at } => at - DateTimeOffset.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>Path ids are ^[a-zA-Z0-9_-]{1,50}$; anything else is refused before it reaches a URL.</summary>
    private static string Id(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? id
            : throw new CanvaException(CanvaFailure.BadRequest, 400, "bad_request_params", $"'{id}' is not a Canva id (letters, digits, _ and -, at most 50)");
}
