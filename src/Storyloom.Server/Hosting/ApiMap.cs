using Storyloom.Server.Accounts;
using Storyloom.Server.Admin;
using Storyloom.Server.Books;
using Storyloom.Server.Canva;
using Storyloom.Server.Characters;
using Storyloom.Server.Coloring;
using Storyloom.Server.Engines;
using Storyloom.Server.Files;
using Storyloom.Server.Monitoring;
using Storyloom.Server.Preflight;
using Storyloom.Server.PrintRules;
using Storyloom.Server.Tasks;
using Storyloom.Server.Templates;

namespace Storyloom.Server.Hosting;

/// <summary>Every route group of /api/v1; each feature maps its own.</summary>
internal static class ApiMap
{
    public static WebApplication MapStoryloomApi(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).ExcludeFromDescription();
        app.MapStoryloomHealth();
        app.MapGet("/metrics", (PrometheusText metrics) => TypedResults.Text(metrics.Write(), "text/plain; version=0.0.4; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGroup("/api/v1")
            .MapAuthApi()
            .MapAdminUsersApi()
            .MapBooksApi()
            .MapCharactersApi()
            .MapTemplatesApi()
            .MapFilesApi()
            .MapPreflightApi()
            .MapPrintRulesApi()
            .MapPrintCostsApi()
            .MapColoringSamplesApi()
            .MapTasksApi()
            .MapEnginesApi()
            .MapMonitoringApi()
            .MapAlertsApi()
            .MapCanvaApi();
        return app;
    }
}
