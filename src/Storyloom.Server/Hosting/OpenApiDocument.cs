using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storyloom.Server.Hosting;

/// <summary>What /openapi/v1.json says beyond what the endpoints describe themselves: the title and the bearer scheme.</summary>
internal static class OpenApiDocument
{
    public const string BearerScheme = "Bearer";

    public static OpenApiOptions AddStoryloomDocument(this OpenApiOptions o)
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Storyloom API";
            doc.Info.Description = "Print-ready children's books for Amazon KDP. Send `Authorization: Bearer <access token or API key>`; "
                + "every error is application/problem+json, with field errors under `errors`.";
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/v1/auth/login, or an API key.",
            };
            return Task.CompletedTask;
        });
        // Only endpoints that need a signed-in caller carry the requirement, so /docs shows the lock where it matters.
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                });
            }
            return Task.CompletedTask;
        });
        return o;
    }
}

internal static class JsonBodyEndpoints
{
    /// <summary>Documents what WebSetup answers for any JSON body: 400 (malformed, wrong types), 413 (too large), 415 (not JSON).</summary>
    public static RouteHandlerBuilder WithJsonBodyErrors(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
