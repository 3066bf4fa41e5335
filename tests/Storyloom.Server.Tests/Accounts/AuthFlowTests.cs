using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

public abstract class AuthFlowTests(AppFixture fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_then_login_then_me_returns_the_account()
    {
        var (email, password, registered) = await App.RegisterAsync(displayName: "Ada Writer");
        registered.Email.ShouldBe(email);
        registered.Role.ShouldBe(Roles.User);

        var tokens = await App.LoginAsync(email.ToUpperInvariant(), password);
        tokens.TokenType.ShouldBe("Bearer");
        tokens.User.Id.ShouldBe(registered.Id);
        (tokens.AccessTokenExpiresAt - DateTime.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        tokens.RefreshTokenExpiresAt.ShouldBeGreaterThan(DateTime.UtcNow.AddDays(29));

        using var client = App.CreateClient(tokens.AccessToken);
        var me = await client.GetFromJsonAsync<UserDto>("/api/v1/auth/me", Ct);
        me!.DisplayName.ShouldBe("Ada Writer");
        (await AuditActionsFor(registered.Id)).ShouldBe([AuditActions.Register, AuditActions.Login]);
    }

    [Theory]
    [InlineData("not-an-email", "long enough password", "email")]
    [InlineData(null, "short", "password")]
    [InlineData("same@example.test", "SAME@example.test", "password")]
    [InlineData(null, "long enough password", "displayName", "")]
    public async Task Register_rejects_bad_input_with_field_errors(string? email, string password, string field, string displayName = "Writer")
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = email ?? StoryloomApp.NewEmail(), password, displayName }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemBody>(Ct);
        problem!.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Register_with_a_taken_email_is_409_and_says_little()
    {
        var (email, _, _) = await App.RegisterAsync();
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = " " + email.ToUpperInvariant(), password = StoryloomApp.NewPassword(), displayName = "Twin" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldNotContain(email, Case.Insensitive);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        var (email, _, _) = await App.RegisterAsync();
        using var client = App.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = StoryloomApp.NewEmail(), password = "not the password" }, Ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Normalize(await wrong.Content.ReadAsStringAsync(Ct)).ShouldBe(Normalize(await unknown.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_new_one_works()
    {
        var (email, password, _) = await App.RegisterAsync();
        var first = await App.LoginAsync(email, password);
        var second = await RefreshAsync(first.RefreshToken, HttpStatusCode.OK);
        second!.RefreshToken.ShouldNotBe(first.RefreshToken);
        var third = await RefreshAsync(second.RefreshToken, HttpStatusCode.OK);
        using var client = App.CreateClient(third!.AccessToken);
        (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var (email, password, user) = await App.RegisterAsync();
        var first = await App.LoginAsync(email, password);
        var other = await App.LoginAsync(email, password);
        var second = await RefreshAsync(first.RefreshToken, HttpStatusCode.OK);
        var third = await RefreshAsync(second!.RefreshToken, HttpStatusCode.OK);

        // Its successor was used, so this is no lost answer: a copy of an old token came back.
        await RefreshAsync(first.RefreshToken, HttpStatusCode.Unauthorized);
        // The newest token of the family dies too: nobody can tell the thief's copy from the owner's.
        await RefreshAsync(third!.RefreshToken, HttpStatusCode.Unauthorized);
        // Another sign-in (another family) is untouched.
        await RefreshAsync(other.RefreshToken, HttpStatusCode.OK);
        (await AuditActionsFor(user.Id)).ShouldContain(AuditActions.RefreshReuse);
    }

    [Fact]
    public async Task A_token_whose_answer_was_lost_rotates_again_at_once_but_only_until_its_successor_is_used()
    {
        var (email, password, _) = await App.RegisterAsync();
        var first = await App.LoginAsync(email, password);
        await RefreshAsync(first.RefreshToken, HttpStatusCode.OK); // the answer never reached the page

        var again = await RefreshAsync(first.RefreshToken, HttpStatusCode.OK);
        var next = await RefreshAsync(again!.RefreshToken, HttpStatusCode.OK);
        using var client = App.CreateClient(next!.AccessToken);
        (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Now a successor was used: the old token coming back is reuse, and the sign-in ends.
        await RefreshAsync(first.RefreshToken, HttpStatusCode.Unauthorized);
        await RefreshAsync(next.RefreshToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_family_of_the_refresh_token()
    {
        var (email, password, _) = await App.RegisterAsync();
        var first = await App.LoginAsync(email, password);
        var second = await RefreshAsync(first.RefreshToken, HttpStatusCode.OK);
        using var client = App.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = second!.RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RefreshAsync(second.RefreshToken, HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = "never-issued" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Change_password_ends_old_access_and_refresh_tokens()
    {
        var (email, password, user) = await App.RegisterAsync();
        var old = await App.LoginAsync(email, password);
        using var oldClient = App.CreateClient(old.AccessToken);
        (await oldClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var wrong = await oldClient.PostAsJsonAsync("/api/v1/auth/change-password",
            new { currentPassword = "not it at all", newPassword = "a brand new password" }, Ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<ValidationProblemBody>(Ct))!.Errors.Keys.ShouldBe(["currentPassword"]);

        var changed = await oldClient.PostAsJsonAsync("/api/v1/auth/change-password",
            new { currentPassword = password, newPassword = "a brand new password" }, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = await changed.Content.ReadFromJsonAsync<TokenResponse>(Ct);

        var refused = await oldClient.GetAsync("/api/v1/auth/me", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await RefreshAsync(old.RefreshToken, HttpStatusCode.Unauthorized);
        using var freshClient = App.CreateClient(fresh!.AccessToken);
        (await freshClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RefreshAsync(fresh.RefreshToken, HttpStatusCode.OK);

        using var anonymous = App.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await App.LoginAsync(email, "a brand new password");
        (await AuditActionsFor(user.Id)).ShouldContain(AuditActions.PasswordChange);
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        using var client = App.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/login",
            new StringContent("{\"email\": 42,", System.Text.Encoding.UTF8, "application/json"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<TokenResponse?> RefreshAsync(string refreshToken, HttpStatusCode expected)
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Ct);
        response.StatusCode.ShouldBe(expected);
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TokenResponse>(Ct) : null;
    }

    private async Task<List<string>> AuditActionsFor(Guid userId)
    {
        await using var scope = App.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        return await db.AuditLog.Where(a => a.UserId == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
    }

    // The trace id differs per request; everything else must match.
    private static string Normalize(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");
}

public sealed record ValidationProblemBody(int Status, string Title, Dictionary<string, string[]> Errors);

public sealed class SqliteAuthFlowTests(SqliteApp app) : AuthFlowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuthFlowTests(PostgresApp app) : AuthFlowTests(app), IClassFixture<PostgresApp>;
