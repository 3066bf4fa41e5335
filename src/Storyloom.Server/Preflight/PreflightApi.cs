namespace Storyloom.Server.Preflight;

internal static class PreflightApi
{
    public static RouteGroupBuilder MapPreflightApi(this RouteGroupBuilder api) => api;
}
