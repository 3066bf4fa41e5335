using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Storyloom.Server.Hosting;

/// <summary>Cross-cutting HTTP concerns: errors as problem+json, security headers, CORS, body limits, OpenAPI and /docs.</summary>
internal static class WebSetup
{
    public const string CorsPolicy = "storyloom";

    public static IServiceCollection AddStoryloomWeb(this IServiceCollection services, StoryloomOptions options)
    {
        services.AddOpenApi("v1");
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (options.CorsOrigins.Length > 0)
            {
                p.WithOrigins(options.CorsOrigins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.Limits.MaxUploadBytes);
        return services;
    }

    public static WebApplication UseStoryloomWeb(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseCors(CorsPolicy);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Storyloom API v1");
            o.DocumentTitle = "Storyloom API";
        });
        return app;
    }

    /// <summary>Bad requests that reach the exception handler are the client's fault (400/413), not ours (500).</summary>
    private static int StatusFor(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
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

    internal static ProblemDetails Problem(int status, string title, string? detail = null) =>
        new() { Status = status, Title = title, Detail = detail };
}
