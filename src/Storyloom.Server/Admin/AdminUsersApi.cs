namespace Storyloom.Server.Admin;

internal static class AdminUsersApi
{
    public static RouteGroupBuilder MapAdminUsersApi(this RouteGroupBuilder api) => api;
}
