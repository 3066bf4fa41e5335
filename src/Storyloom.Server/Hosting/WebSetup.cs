using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Storyloom.Server.Hosting;

/// <summary>Cross-cutting HTTP concerns: errors as problem+json, security headers, CORS, body limits, OpenAPI and /docs.</summary>
internal static class WebSetup
{
    public const string CorsPolicy = "storyloom";

    public static IServiceCollection AddStoryloomWeb(this IServiceCollection services, StoryloomOptions options)
    {
        services.AddOpenApi("v1", o => o.AddStoryloomDocument());
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (options.CorsOrigins.Length > 0)
            {
                p.WithOrigins(options.CorsOrigins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.Limits.MaxUploadBytes);
        // Binding failures (bad JSON, wrong content type, missing body) become exceptions so BadRequestHandler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddStoryloomHealth();
        services.AddSingleton<PrometheusText>();
        services.AddSingleton<Books.BookReadCache>();
        services.AddSingleton<Data.DatabaseVersion>();
        return services;
    }

    public static WebApplication UseStoryloomWeb(this WebApplication app)
    {
        // Listening starts now, not at the first scrape; outermost, so the status counted is the one the client gets.
        _ = app.Services.GetRequiredService<PrometheusText>();
        app.Use(HttpMetrics.Measure);
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseCors(CorsPolicy);
        app.Use(BodyLimit);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Storyloom API v1");
            o.DocumentTitle = "Storyloom API";
        });
        app.UseStoryloomWebApp();
        return app;
    }

    /// <summary>Bad requests that reach the exception handler are the client's fault (400/413), not ours (500).</summary>
    private static int StatusFor(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        JsonException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The Swagger page needs inline script and style; everything else is held to 'self'.
        h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
            : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        return next();
    }

    /// <summary>
    /// JSON bodies are held to Limits.MaxJsonBytes, endpoints marked with <see cref="IRequestSizeLimitMetadata"/> (uploads) to
    /// their own limit. A declared length over the limit is refused before reading; a chunked body is cut off while it is read.
    /// </summary>
    private static async Task BodyLimit(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<StoryloomOptions>();
        long? limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } m ? m.MaxRequestBodySize : options.Limits.MaxJsonBytes;
        if (limit is null)
        {
            await next();
            return;
        }
        if (context.Request.ContentLength > limit)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"the body is {context.Request.ContentLength} bytes; this endpoint takes at most {limit} bytes");
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (context.Request.ContentLength is null && !HttpMethods.IsGet(context.Request.Method))
        {
            // Hosts without the feature (TestServer) still get the limit.
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit.Value);
        }
        await next();
    }

    internal static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    internal static ProblemDetails Problem(int status, string title, string? detail = null) =>
        new() { Status = status, Title = title, Detail = detail };
}

/// <summary>Turns request-binding failures into problem+json that names the field and says what to send instead.</summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
        {
            return false;
        }
        var (title, detail, errors) = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "the body is larger than this endpoint accepts", null),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type",
                $"send the body as application/json (got '{context.Request.ContentType ?? "no content type"}')", null),
            _ => Describe(bad),
        };
        await WebSetup.WriteProblemAsync(context, bad.StatusCode, title, detail, errors);
        return true;
    }

    private static (string, string, Dictionary<string, string[]>?) Describe(BadHttpRequestException bad)
    {
        if (FindJsonError(bad) is { } json)
        {
            var field = JsonField(json.Path);
            var message = json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"'{field}' has the wrong type or value; check it against the API schema at /openapi/v1.json"
                : $"the body is not valid JSON near line {(json.LineNumber ?? 0) + 1}, byte {(json.BytePositionInLine ?? 0) + 1}; fix the syntax (quotes, commas, brackets)";
            return ("Invalid request body", message, new() { [field] = [message] });
        }
        if (bad.Message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase)
            || bad.Message.Contains("Implicit body inferred", StringComparison.Ordinal))
        {
            return ("Missing request body", "this endpoint needs a JSON body; see /openapi/v1.json for its fields", new() { ["body"] = ["a JSON body is required"] });
        }
        // Route and query values (e.g. a page number that is not a number): the framework's message names the parameter.
        return ("Bad request", bad.Message, null);
    }

    private static JsonException? FindJsonError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException j)
            {
                return j;
            }
        }
        return null;
    }

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

/// <summary>Throws 413 once more than <c>limit</c> bytes have been read.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        _read += n;
        return _read > limit ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
