namespace Storyloom.Server.Books;

internal static class BooksApi
{
    public static RouteGroupBuilder MapBooksApi(this RouteGroupBuilder api) => api;
}
