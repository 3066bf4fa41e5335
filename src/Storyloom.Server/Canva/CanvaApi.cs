using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Canva;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Canva;

/// <summary>/api/v1/canva: connect an account, read its brand templates, map their fields to book content, choose them for a book.</summary>
internal static class CanvaApi
{
    public static RouteGroupBuilder MapCanvaApi(this RouteGroupBuilder api)
    {
        var canva = api.MapGroup("/canva").WithTags("Canva").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        canva.MapGet("/connect", CanvaConnect.Start).WithName("CanvaConnect")
            .WithSummary("The Canva page to open to connect your account (OAuth with PKCE); Canva then sends the browser to the callback");
        canva.MapGet("/callback", CanvaConnect.Callback).WithName("CanvaCallback").AllowAnonymous()
            .WithSummary("Where Canva sends the browser back: exchanges the code for tokens (the state says whose they are)");
        canva.MapGet("/connection", CanvaConnect.Status).WithName("CanvaConnection").WithSummary("Whether your Canva account is connected");
        canva.MapDelete("/connection", CanvaConnect.Disconnect).WithName("CanvaDisconnect").WithSummary("Revoke Storyloom's access at Canva and forget the tokens");
        canva.MapGet("/capabilities", CanvaConnect.Capabilities).WithName("CanvaCapabilities")
            .WithSummary("What your Canva plan allows, in plain words (autofill and brand templates are needed to make books)");
        canva.MapGet("/brand-templates", CanvaTemplates.List).WithName("CanvaBrandTemplates").WithSummary("Your brand templates that have data fields");
        canva.MapGet("/brand-templates/{templateId}", CanvaTemplates.Get).WithName("CanvaBrandTemplate")
            .WithSummary("One brand template: its data fields and your saved mapping of them to book content");
        canva.MapPut("/brand-templates/{templateId}/mapping", CanvaTemplates.SaveMapping).WithName("CanvaSaveMapping").WithJsonBodyErrors()
            .WithSummary("Save which book content (title, author, page text, page picture, cover picture) fills which field");
        canva.MapGet("/books/{id:guid}", CanvaBooks.Get).WithName("CanvaBookTemplates").WithSummary("The brand templates a book's pages and cover are made with");
        canva.MapPut("/books/{id:guid}", CanvaBooks.Put).WithName("CanvaSetBookTemplates").WithJsonBodyErrors()
            .WithSummary("Make a book's pages and/or cover through a brand template (null: Storyloom's own layout); applies from the next generate or rebuild");
        return api;
    }

    /// <summary>A Canva answer as problem+json: Canva's code and words, what to do, and the upgrade link for quota answers.</summary>
    public static ProblemHttpResult Problem(CanvaException e)
    {
        var status = e.Kind switch
        {
            CanvaFailure.QuotaExceeded => StatusCodes.Status429TooManyRequests,
            CanvaFailure.RateLimited or CanvaFailure.Transient => StatusCodes.Status503ServiceUnavailable,
            CanvaFailure.NotAllowed => StatusCodes.Status403Forbidden,
            CanvaFailure.NotFound => StatusCodes.Status404NotFound,
            CanvaFailure.BadRequest or CanvaFailure.JobFailed => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        var extensions = new Dictionary<string, object?> { ["canvaCode"] = e.Code };
        if (e.UpsellUrl is not null)
        {
            extensions["upgradeUrl"] = e.UpsellUrl;
        }
        return TypedResults.Problem(statusCode: status, title: "Canva", detail: e.Message, extensions: extensions);
    }

    public static ProblemHttpResult NotConfigured() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Canva is not set up",
        detail: "this server has no Canva integration; an admin sets Storyloom:Canva:ClientId and ClientSecret (from the Canva Developer Portal) and restarts it");

    public static ProblemHttpResult NotConnected() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Canva is not connected",
        detail: "connect your Canva account first: Settings → Connect Canva, or GET /api/v1/canva/connect");
}
