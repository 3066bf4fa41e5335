using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Storyloom.Server.Books;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Api;

/// <summary>Small helpers for talking to /api/v1 the way a client would.</summary>
public static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid brief; <paramref name="fields"/> adds or replaces fields.</summary>
    public static Dictionary<string, object?> Brief(params (string Key, object? Value)[] fields)
    {
        var brief = new Dictionary<string, object?>
        {
            ["title"] = "Pip and the Lost Kite", ["author"] = "Ada Lane", ["kind"] = "story", ["ageGroup"] = "3-5",
            ["theme"] = "friendship", ["trim"] = "8.5x8.5", ["pageCount"] = 32, ["ink"] = "premium-color", ["paper"] = "white",
            ["bleed"] = true, ["seed"] = 7,
        };
        foreach (var (k, v) in fields)
        {
            brief[k] = v;
        }
        return brief;
    }

    public static async Task<BookDto> CreateBookAsync(this HttpClient client, params (string Key, object? Value)[] fields)
    {
        var response = await client.PostAsJsonAsync("/api/v1/books", Brief(fields), Json, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<BookDto>(Json, Ct))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    /// <summary>Asserts a problem+json answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field errors of a validation problem, joined per field.</summary>
    public static string FieldError(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? string.Join(" | ", messages.EnumerateArray().Select(m => m.GetString()))
            : throw new ShouldAssertException($"no error for '{field}' in {problem}");

    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) }, Ct);
}

/// <summary>Test classes get the server of their database through this fixture base.</summary>
public abstract class ApiTests(AppFixture fixture)
{
    protected StoryloomApp App => fixture.Server;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<(TestUser User, HttpClient Client)> SignedInAsync(string role = Storyloom.Server.Accounts.Roles.User)
    {
        var user = await App.CreateUserAsync(role);
        return (user, App.CreateClient(user));
    }
}

public static class CharacterClient
{
    public static async Task<Storyloom.Server.Characters.CharacterDto> CreateCharacterAsync(this HttpClient client, string name, string species, params string[] traits)
    {
        var response = await client.PostAsJsonAsync("/api/v1/characters",
            new { name, species, traits, visualDescription = $"a small {species} with a red scarf", bodyColor = "#d9822b" }, ApiCalls.Json,
            TestContext.Current.CancellationToken);
        return await response.ReadAsync<Storyloom.Server.Characters.CharacterDto>(HttpStatusCode.Created);
    }
}
