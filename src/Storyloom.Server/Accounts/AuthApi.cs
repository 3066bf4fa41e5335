namespace Storyloom.Server.Accounts;

internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api) => api;
}
