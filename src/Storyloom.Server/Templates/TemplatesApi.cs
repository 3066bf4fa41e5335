namespace Storyloom.Server.Templates;

internal static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api) => api;
}
