using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Admin;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Accounts;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Admin;

public abstract class AdminUsersTests(AppFixture fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_admins_reach_the_admin_endpoints()
    {
        var user = await App.CreateUserAsync();
        var admin = await App.CreateUserAsync(Roles.Admin);
        using var anonymous = App.CreateClient();
        using var userClient = App.CreateClient(user);
        using var adminClient = App.CreateClient(admin);

        (await anonymous.GetAsync("/api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var forbidden = await userClient.GetAsync("/api/v1/admin/users", Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await userClient.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "admin" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await adminClient.GetAsync("/api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_pages_and_searches_by_email()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
        {
            await App.CreateUserAsync(email: $"{tag}-{i}@example.test");
        }
        var admin = await App.CreateUserAsync(Roles.Admin);
        using var client = App.CreateClient(admin);

        var page = await client.GetFromJsonAsync<AdminUserPage>($"/api/v1/admin/users?search={tag.ToUpperInvariant()}&pageSize=2", Ct);
        page!.Total.ShouldBe(3);
        page.Items.Select(u => u.Email).ShouldBe([$"{tag}-0@example.test", $"{tag}-1@example.test"]);
        var second = await client.GetFromJsonAsync<AdminUserPage>($"/api/v1/admin/users?search={tag}&pageSize=2&page=2", Ct);
        second!.Items.ShouldHaveSingleItem().Email.ShouldBe($"{tag}-2@example.test");

        (await client.GetAsync("/api/v1/admin/users?pageSize=0", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/admin/users?page=abc", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_a_role_applies_at_once_and_is_audited()
    {
        var user = await App.SignUpAsync();
        var admin = await App.CreateUserAsync(Roles.Admin);
        using var adminClient = App.CreateClient(admin);
        var response = await adminClient.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "admin" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<AdminUserDto>(Ct))!.Role.ShouldBe(Roles.Admin);

        // The old token carries the old role: it ends, and a new sign-in carries the new one.
        using var oldClient = App.CreateClient(user);
        (await oldClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var promoted = await App.LoginAsync(user.Email, user.Password);
        using var promotedClient = App.CreateClient(promoted.AccessToken);
        (await promotedClient.GetAsync("/api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AuditFor(user.Id)).ShouldContain(a => a.Action == AuditActions.RoleChange && a.UserId == admin.Id);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_everywhere()
    {
        var user = await App.SignUpAsync();
        var key = await App.CreateApiKeyAsync(user.AccessToken);
        var admin = await App.CreateUserAsync(Roles.Admin);
        using var adminClient = App.CreateClient(admin);
        (await adminClient.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var userClient = App.CreateClient(user);
        (await userClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var keyClient = App.CreateApiKeyClient(key.Key);
        (await keyClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = App.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AuditFor(user.Id)).ShouldContain(a => a.Action == AuditActions.Disable);

        (await adminClient.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await keyClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.LoginAsync(user.Email, user.Password);
    }

    [Fact]
    public async Task Bad_updates_are_400_or_404()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var user = await App.CreateUserAsync();
        using var client = App.CreateClient(admin);
        var badRole = await client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "owner" }, Ct);
        badRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badRole.Content.ReadFromJsonAsync<ValidationProblemBody>(Ct))!.Errors.Keys.ShouldBe(["role"]);
        (await client.PatchAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}", new { role = "user" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PatchAsJsonAsync($"/api/v1/admin/users/{admin.Id}", new { disabled = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PatchAsJsonAsync($"/api/v1/admin/users/{admin.Id}", new { role = "user" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PatchAsync($"/api/v1/admin/users/{user.Id}",
            new StringContent("{\"disabled\": \"yes\"}", System.Text.Encoding.UTF8, "application/json"), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<List<AuditEntry>> AuditFor(Guid targetUserId)
    {
        await using var scope = App.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var target = $"user {targetUserId}";
        return await db.AuditLog.Where(a => a.Target != null && a.Target.StartsWith(target)).ToListAsync(Ct);
    }
}

public sealed class SqliteAdminUsersTests(SqliteApp app) : AdminUsersTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminUsersTests(PostgresApp app) : AdminUsersTests(app), IClassFixture<PostgresApp>;
