using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;
using Storyloom.Print.Tools;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Preflight;

/// <summary>The multipart form of POST /preflight (described for OpenAPI; the handler streams the parts itself).</summary>
public sealed record PreflightUpload(
    [property: Description("The interior PDF")] IFormFile Interior,
    [property: Description("The wrap cover PDF (optional)")] IFormFile? Cover,
    [property: Description("A KDP trim in inches, e.g. 8.5x8.5")] string Trim,
    [property: Description("bw | standard-color | premium-color")] string Ink,
    [property: Description("white | cream (default white)")] string? Paper,
    [property: Description("The page count the cover was made for; default: the interior's")] int? PageCount,
    [property: Description("true when the interior has bleed")] bool Bleed);

/// <summary>Uploads may be as large as Limits.MaxUploadBytes, not the JSON limit (WebSetup's body limit reads this).</summary>
internal sealed record UploadLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>The preflight slots of this node: a bounded number run at once, whatever the number of uploads.</summary>
internal sealed class PreflightGate(StoryloomOptions options)
{
    public SemaphoreSlim Slots { get; } = new(options.Limits.MaxConcurrentPreflights, options.Limits.MaxConcurrentPreflights);
}

internal static class PreflightApi
{
    public static IServiceCollection AddStoryloomPreflight(this IServiceCollection services) => services.AddSingleton<PreflightGate>();

    private static readonly string[] Fields = ["interior", "cover", "trim", "ink", "paper", "pageCount", "bleed"];

    public static RouteGroupBuilder MapPreflightApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<StoryloomOptions>();
        api.MapPost("/preflight", Run).WithTags("Preflight").RequireAuthorization()
            .WithName("Preflight")
            .WithSummary("Check any interior (and cover) PDF against KDP's print rules: the report of `storyloom preflight --json`")
            .Accepts<PreflightUpload>("multipart/form-data")
            .WithMetadata(new UploadLimit(options.Limits.MaxUploadBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<PreflightReport>, ValidationProblem, ProblemHttpResult>> Run(
        HttpRequest request, PreflightGate gate, StoryloomOptions options, ILoggerFactory logs, CancellationToken ct)
    {
        if (!await gate.Slots.WaitAsync(options.Limits.PreflightQueueWait, ct))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(options.Limits.PreflightQueueWait.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Every preflight slot is busy",
                detail: $"this server checks {options.Limits.MaxConcurrentPreflights} PDF(s) at once; try again in {seconds} s");
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Limits.PreflightTimeout);
        try
        {
            return await RunLimitedAsync(request, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Damaged($"the check did not finish within {options.Limits.PreflightTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s; the PDF is too complex or damaged");
        }
        catch (ExternalToolOutputTooLargeException)
        {
            return Damaged($"a stream of the PDF decompresses to more than {PdfInspector.MaxDecodedBytes >> 20} MB; such a file is refused (a compression bomb, or a file no print shop would take)");
        }
        catch (Exception e) when (e is ExternalToolException and not ExternalToolMissingException
            or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            logs.CreateLogger(typeof(PreflightApi)).LogWarning("Preflight of an uploaded PDF failed: {Reason}", e.Message);
            return Damaged("qpdf or poppler cannot read the PDF (for example a page tree that refers to itself); export it again for print");
        }
        finally
        {
            gate.Slots.Release();
        }
    }

    private static ProblemHttpResult Damaged(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The PDF is damaged or cannot be checked", detail: detail);

    private static async Task<Results<Ok<PreflightReport>, ValidationProblem, ProblemHttpResult>> RunLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "send multipart/form-data with the file 'interior' (and optionally 'cover') and the fields trim, ink, paper, pageCount, bleed");
        }
        var temp = Directory.CreateTempSubdirectory("storyloom-preflight-").FullName;
        try
        {
            var form = await ReadAsync(request.Body, boundary, temp, ct);
            if (form.NotPdf.Count > 0)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a PDF",
                    detail: string.Join("; ", form.NotPdf.Select(f => $"{f} is not a PDF (it does not start with %PDF-); upload the PDF exported for print")));
            }
            var errors = form.Errors;
            var trim = Field(form, "trim") is { } t ? Trims.TryParse(t) ?? Error<Trim>("trim", $"'{t}' is not a KDP paperback trim; use one of {Trims.ListNames()}")
                : Error<Trim>("trim", "trim is missing; give the trim in inches, e.g. 8.5x8.5");
            var ink = Field(form, "ink") is { } i ? InkPaperNames.ParseInk(i) ?? Error<Ink>("ink", $"unknown ink '{i}'; use bw, standard-color or premium-color")
                : Error<Ink>("ink", "ink is missing; use bw, standard-color or premium-color");
            var paper = Field(form, "paper") is { } p ? InkPaperNames.ParsePaper(p) ?? Error<Paper>("paper", $"unknown paper '{p}'; use white or cream") : Paper.White;
            var bleed = Field(form, "bleed") is { } b ? bool.TryParse(b, out var bl) ? bl : Error<bool>("bleed", $"bleed is '{b}'; say true or false")
                : Error<bool>("bleed", "say whether the interior has bleed: bleed=true or bleed=false");
            int? pageCount = Field(form, "pageCount") is { } pc
                ? int.TryParse(pc, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Error<int>("pageCount", $"pageCount is '{pc}'; give a whole number of pages, or leave it out to use the interior's")
                : null;
            if (form.Interior is null)
            {
                errors["interior"] = ["the interior PDF is missing; send it as the file field 'interior'"];
            }
            if (errors.Count == 0)
            {
                pageCount ??= await PageCountAsync(form.Interior!, ct);
                if (pageCount is null)
                {
                    errors["interior"] = [$"{form.InteriorName} is not a readable PDF (pdfinfo cannot open it); export it again for print"];
                }
            }
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            var options = new PrintOptions(trim, ink, paper, pageCount!.Value, bleed);
            var report = await PreflightRunner.RunAsync(new PreflightRequest(form.Interior!, form.Cover, options), ct);
            // The temp paths mean nothing to the caller (and say too much about the server): report the uploaded names, in the details too.
            return TypedResults.Ok(report.ForUser(form.InteriorName!, form.CoverName));

            T Error<T>(string field, string message)
            {
                errors[field] = [message];
                return default!;
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private sealed class Form
    {
        public string? Interior { get; set; }
        public string? InteriorName { get; set; }
        public string? Cover { get; set; }
        public string? CoverName { get; set; }
        public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> NotPdf { get; } = [];
        public Dictionary<string, string[]> Errors { get; } = [];
    }

    private static string? Field(Form form, string name) => form.Values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>Streams each part: files straight to the temp folder, small fields into memory.</summary>
    private static async Task<Form> ReadAsync(Stream body, string boundary, string temp, CancellationToken ct)
    {
        var form = new Form();
        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!Fields.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                form.Errors[name] = [$"unknown field '{name}'; send {string.Join(", ", Fields)}"];
                continue;
            }
            if (disposition.IsFileDisposition())
            {
                var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? name + ".pdf");
                var path = Path.Combine(temp, name.ToLowerInvariant() + ".pdf");
                if (!await SaveAsync(section.Body, path, ct))
                {
                    form.NotPdf.Add($"{name} ({fileName})");
                }
                else if (name.Equals("interior", StringComparison.OrdinalIgnoreCase))
                {
                    (form.Interior, form.InteriorName) = (path, fileName);
                }
                else if (name.Equals("cover", StringComparison.OrdinalIgnoreCase))
                {
                    (form.Cover, form.CoverName) = (path, fileName);
                }
                else
                {
                    form.Errors[name] = [$"{name} is a text field, not a file"];
                }
                continue;
            }
            using var text = new StreamReader(section.Body);
            var buffer = new char[200];
            var length = await text.ReadBlockAsync(buffer, ct);
            form.Values[name] = new string(buffer, 0, length);
        }
        return form;
    }

    /// <summary>Copies a part to disk; false when it does not start like a PDF.</summary>
    private static async Task<bool> SaveAsync(Stream source, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var head = new byte[1024];
        var read = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        // PDF readers accept a little junk before the header, as long as it starts within the first 1024 bytes.
        if (head.AsSpan(0, read).IndexOf("%PDF-"u8) < 0)
        {
            return false;
        }
        await file.WriteAsync(head.AsMemory(0, read), ct);
        await source.CopyToAsync(file, ct);
        return true;
    }

    /// <summary>The interior's page count; a password-locked PDF gets the smallest count, and preflight reports the lock (R12).</summary>
    private static async Task<int?> PageCountAsync(string pdf, CancellationToken ct) =>
        await PdfInspector.ReadPageCountAsync(pdf, ct) is { } n ? Math.Max(n, KdpRules.MinPages) : null;
}
