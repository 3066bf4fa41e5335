using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

public abstract class ApiKeyTests(AppFixture fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_is_shown_once_works_in_both_headers_is_listed_without_its_secret_and_dies_when_revoked()
    {
        var user = await App.SignUpAsync();
        var created = await App.CreateApiKeyAsync(user.AccessToken, "nightly build");
        created.Key.ShouldStartWith($"slk_{created.Prefix}_");
        created.Prefix.Length.ShouldBe(8);

        using var byHeader = App.CreateApiKeyClient(created.Key);
        using var byBearer = App.CreateApiKeyClient(created.Key, asBearer: true);
        (await byHeader.GetFromJsonAsync<UserDto>("/api/v1/auth/me", Ct))!.Id.ShouldBe(user.Id);
        (await byBearer.GetFromJsonAsync<UserDto>("/api/v1/auth/me", Ct))!.Id.ShouldBe(user.Id);

        using var owner = App.CreateClient(user);
        var listed = await owner.GetAsync("/api/v1/auth/api-keys", Ct);
        var json = await listed.Content.ReadAsStringAsync(Ct);
        json.ShouldNotContain(created.Key);
        json.ShouldNotContain(created.Key.Split('_', 3)[2]);
        var keys = await listed.Content.ReadFromJsonAsync<List<ApiKeyDto>>(Ct);
        var key = keys!.ShouldHaveSingleItem();
        (key.Id, key.Name, key.Prefix).ShouldBe((created.Id, "nightly build", created.Prefix));
        key.LastUsedAt.ShouldNotBeNull();

        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<StoryloomDb>().ApiKeys.SingleAsync(k => k.Id == created.Id, Ct);
            stored.KeyHash.ShouldBe(TokenService.Sha256(created.Key));
        }

        (await owner.DeleteAsync($"/api/v1/auth/api-keys/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var refused = await byHeader.GetAsync("/api/v1/auth/me", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await byBearer.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await owner.GetFromJsonAsync<List<ApiKeyDto>>("/api/v1/auth/api-keys", Ct))!.ShouldBeEmpty();
        (await owner.DeleteAsync($"/api/v1/auth/api-keys/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_user_cannot_see_or_revoke_my_key()
    {
        var me = await App.SignUpAsync();
        var other = await App.SignUpAsync();
        var created = await App.CreateApiKeyAsync(me.AccessToken);
        using var otherClient = App.CreateClient(other);
        (await otherClient.GetFromJsonAsync<List<ApiKeyDto>>("/api/v1/auth/api-keys", Ct))!.ShouldBeEmpty();
        (await otherClient.DeleteAsync($"/api/v1/auth/api-keys/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var byKey = App.CreateApiKeyClient(created.Key);
        (await byKey.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        var user = await App.CreateUserAsync();
        using var client = App.CreateClient(user);
        var response = await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "  " }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemBody>(Ct))!.Errors.Keys.ShouldBe(["name"]);
    }

    [Fact]
    public async Task Api_keys_cannot_be_managed_anonymously()
    {
        using var client = App.CreateClient();
        (await client.GetAsync("/api/v1/auth/api-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteApiKeyTests(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiKeyTests(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
