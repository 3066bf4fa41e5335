using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Storyloom.Server.Hosting;

/// <summary>
/// Serves the web app built from web/ (npm run build → src/Storyloom.Server/wwwroot): hashed assets cached for a year,
/// index.html never cached, and every other non-API path answered with index.html so client-side routes survive a reload.
/// </summary>
internal static class WebApp
{
    private static readonly string[] ServerPaths = ["/api", "/openapi", "/docs", "/health", "/metrics"];

    public static WebApplication UseStoryloomWebApp(this WebApplication app)
    {
        if (FindWebRoot(app.Configuration["Storyloom:WebRoot"]) is not { } root)
        {
            app.Logger.LogInformation("No web app build found (run npm run build in web/); serving the API only");
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = c.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache",
        });
        // A middleware, not a fallback endpoint: an endpoint would also catch API requests the router turned down (a POST
        // with the wrong content type must stay 415, not become 404), and every mapped endpoint has an owner check.
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                || ServerPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                await next();
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
        });
        return app;
    }

    /// <summary>
    /// Storyloom:WebRoot when set; else wwwroot beside the binaries; else the checkout's src/Storyloom.Server/wwwroot above
    /// them (the CLI built into .tools/cli and the test projects run from bin/ inside the checkout).
    /// </summary>
    private static string? FindWebRoot(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(beside, "index.html")))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Storyloom.Server", "wwwroot");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }
        return null;
    }
}
