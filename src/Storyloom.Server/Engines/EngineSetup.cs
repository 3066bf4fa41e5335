using Microsoft.Extensions.DependencyInjection.Extensions;
using Storyloom.Ai;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Engines;

public static class EngineSetup
{
    /// <summary>
    /// The server-wide provider defaults from the environment (OPENAI_API_KEY, OPENAI_BASE_URL, STORYLOOM_AI_*), as the CLI reads
    /// them; tests register their own <see cref="AiOptions"/> first. SecretBox opens the users' keys on API nodes and workers alike.
    /// </summary>
    public static IServiceCollection AddStoryloomEngines(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => AiOptions.FromEnvironment());
        services.TryAddSingleton<SecretBox>();
        services.TryAddSingleton<StoredAnswers>();
        services.AddScoped<ProviderOptions>();
        services.AddScoped<TaskEngines>();
        return services;
    }
}
