using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Accounts;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>Sign-up and sign-in through the real API, for tests that are about (or need) the whole flow.</summary>
public sealed partial class StoryloomApp
{
    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    public static string NewPassword() => "lantern meadow " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>POST /auth/register; the email and password are made up when not given. Fails the test unless 201.</summary>
    public async Task<(string Email, string Password, UserDto User)> RegisterAsync(
        string? email = null, string? password = null, string displayName = "Test Writer")
    {
        email ??= NewEmail();
        password ??= NewPassword();
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password, displayName }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var user = await response.Content.ReadFromJsonAsync<UserDto>(TestContext.Current.CancellationToken);
        return (email, password, user!);
    }

    /// <summary>POST /auth/login. Fails the test unless 200.</summary>
    public async Task<TokenResponse> LoginAsync(string email, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Registers and signs in: a <see cref="TestUser"/> whose token came from the real login.</summary>
    public async Task<TestUser> SignUpAsync()
    {
        var (email, password, user) = await RegisterAsync();
        var tokens = await LoginAsync(email, password);
        return new TestUser(user.Id, email, password, user.Role, tokens.AccessToken);
    }

    /// <summary>POST /auth/api-keys as the holder of <paramref name="accessToken"/>. Fails the test unless 201.</summary>
    public async Task<CreatedApiKeyDto> CreateApiKeyAsync(string accessToken, string name = "test automation")
    {
        using var client = CreateClient(accessToken);
        var response = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<CreatedApiKeyDto>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>A client that authenticates with an API key, in the X-Api-Key header or as a bearer token.</summary>
    public HttpClient CreateApiKeyClient(string key, bool asBearer = false)
    {
        var client = CreateClient(asBearer ? key : null);
        if (!asBearer)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }
}
