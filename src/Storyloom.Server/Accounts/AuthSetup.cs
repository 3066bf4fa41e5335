using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>Authentication (JWT access tokens, and API keys beside them, picked by the credential's shape) and authorization.</summary>
internal static class AuthSetup
{
    public const string AdminPolicy = "admin";
    private const string SelectScheme = "AccessTokenOrApiKey";

    public static IServiceCollection AddStoryloomAuth(this IServiceCollection services, StoryloomOptions options)
    {
        // TryAdd: tests put in a clock they can move before this runs.
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<Secrets.SecretBox>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<UserGate>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService<RevocationWatcher>();
        services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, null, o => o.ForwardDefaultSelector = context =>
                ApiKeys.FromRequest(context.Request) is null ? JwtBearerDefaults.AuthenticationScheme : ApiKeyHandler.SchemeName)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((o, tokens) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.ValidationParameters();
                o.Events = new JwtBearerEvents { OnTokenValidated = CheckUserAsync };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.RoleClaim, Roles.Admin));
        _ = options;
        return services;
    }

    public static WebApplication UseStoryloomAuth(this WebApplication app)
    {
        app.UseAuthentication();
        // After authentication, so the limiter can count per user; before authorization, so refused requests count too.
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>A well-signed token is not enough: the user must still exist, be enabled, and not have ended their tokens since.</summary>
    private static async Task CheckUserAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(CurrentUser.IdClaim), out var userId)
            || !long.TryParse(principal?.FindFirstValue(TokenService.ValidAfterClaim), out var validAfter))
        {
            context.Fail("the token lacks sub or tva");
            return;
        }
        var gate = context.HttpContext.RequestServices.GetRequiredService<UserGate>();
        var user = await gate.FindAsync(userId, context.HttpContext.RequestServices, context.HttpContext.RequestAborted);
        if (user is null || !user.Accepts(validAfter))
        {
            context.Fail("the token was revoked");
        }
    }
}
