namespace Storyloom.Server.Characters;

internal static class CharactersApi
{
    public static RouteGroupBuilder MapCharactersApi(this RouteGroupBuilder api) => api;
}
