using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storyloom.Server.Hosting;

/// <summary>
/// What /openapi/v1.json says beyond what the endpoints describe themselves: the title, the bearer scheme, what each tag
/// holds and who may call each operation. OpenApiLintTests holds it to redocly's recommended rules.
/// </summary>
internal static class OpenApiDocument
{
    public const string BearerScheme = "Bearer";

    /// <summary>Every tag the endpoints use, with what it holds; a tag used but not described here fails the lint test.</summary>
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Sign in, tokens, your own account and API keys.",
        ["Admin"] = "Accounts, monitoring and alerts; admins only.",
        ["Books"] = "Briefs, pages and versions of your books.",
        ["Characters"] = "Your characters, reused across books.",
        ["Templates"] = "Page templates for the interior.",
        ["Files"] = "The files each version of a book was made into: PDFs, listing, eBook, zip.",
        ["Preflight"] = "Check your own PDFs against the KDP print rules.",
        ["Print"] = "The KDP print rules books are made to (trims, inks, papers, page ranges, spine, margins and bleed), and KDP's printing cost and royalty per marketplace.",
        ["Coloring"] = "Sample pages of the coloring levels, for choosing one.",
        ["Tasks"] = "Making and rebuilding books, step by step, with progress events.",
        ["Settings"] = "Your AI engines, keys and budgets.",
        ["Canva"] = "Connect Canva and fill its brand templates with a book.",
    };

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
            doc.Info.License ??= new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://storyloom.invalid/license") };
            // Relative to wherever the document was fetched from: the same document behind any host name or proxy.
            doc.Servers = [new OpenApiServer { Url = "/" }];
            var used = (doc.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
                .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                .SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>())
                .Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            doc.Tags = used.Order(StringComparer.Ordinal)
                .Select(name => new OpenApiTag { Name = name, Description = Tags.GetValueOrDefault(name) }).ToHashSet();
            return Task.CompletedTask;
        });
        // Endpoints that need a signed-in caller carry the bearer lock, so /docs shows it where it matters; the others say
        // they are open with an empty requirement ({}), not by leaving security out.
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Security ??= [];
            operation.Security.Add(metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any()
                ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }
                : new OpenApiSecurityRequirement());
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
