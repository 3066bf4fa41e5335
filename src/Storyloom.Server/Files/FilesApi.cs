namespace Storyloom.Server.Files;

internal static class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api) => api;
}
