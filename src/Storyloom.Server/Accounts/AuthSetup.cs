using Microsoft.AspNetCore.Authentication.JwtBearer;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>Authentication (JWT bearer access tokens; API keys are added beside it) and authorization.</summary>
internal static class AuthSetup
{
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddStoryloomAuth(this IServiceCollection services, StoryloomOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenService>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((o, tokens) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.ValidationParameters();
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.RoleClaim, Roles.Admin));
        _ = options;
        return services;
    }

    public static WebApplication UseStoryloomAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
