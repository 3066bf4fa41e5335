using System.Net;
using System.Net.Http.Json;
using Storyloom.Cli;
using Storyloom.Server.Accounts;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Admin;

/// <summary>
/// `storyloom users …` run in process against the data folder of a running test server. SQLite only: the CLI finds its
/// database through --data, and pointing it at PostgreSQL would take process-wide environment variables.
/// </summary>
public sealed class UsersCommandTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_create_admin_makes_an_admin_who_can_sign_in_and_use_the_admin_api()
    {
        var email = StoryloomApp.NewEmail();
        var run = await Storyloom("users", "create", "--email", email, "--password", "first admin password", "--admin");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith($"Created admin {email}");

        var tokens = await App.LoginAsync(email, "first admin password");
        tokens.User.Role.ShouldBe(Roles.Admin);
        using var client = App.CreateClient(tokens.AccessToken);
        (await client.GetAsync("/api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("--email", "not-an-email", "--password", "long enough password")]
    [InlineData("--email", "short@example.test", "--password", "short")]
    [InlineData("--email", "nopassword@example.test")]
    [InlineData("--password", "long enough password")]
    public async Task Bad_input_prints_one_line_and_exits_2(params string[] args)
    {
        var run = await Storyloom(["users", "create", .. args]);
        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("error:");
    }

    [Fact]
    public async Task A_taken_email_exits_2()
    {
        var user = await App.CreateUserAsync();
        var run = await Storyloom("users", "create", "--email", user.Email, "--password", "long enough password");
        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("already has an account");
    }

    [Fact]
    public async Task List_set_role_and_disable_work_on_existing_accounts()
    {
        var user = await App.CreateUserAsync();
        (await Storyloom("users", "list")).Out.ShouldContain(user.Email);

        var promote = await Storyloom("users", "set-role", user.Email, "admin");
        promote.ExitCode.ShouldBe(0, promote.Error);
        (await App.LoginAsync(user.Email, user.Password)).User.Role.ShouldBe(Roles.Admin);
        var badRole = await Storyloom("users", "set-role", user.Email, "owner");
        badRole.ExitCode.ShouldBe(ExitCodes.BadInput);
        badRole.Error.Trim().Split('\n').ShouldHaveSingleItem();
        (await Storyloom("users", "set-role", "nobody@example.test", "user")).ExitCode.ShouldBe(ExitCodes.BadInput);

        (await Storyloom("users", "disable", user.Email)).ExitCode.ShouldBe(0);
        using var client = App.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disabling_from_the_command_line_reaches_a_running_server_within_seconds()
    {
        var user = await App.CreateUserAsync();
        var key = await App.CreateApiKeyAsync(user.AccessToken);
        using var withToken = App.CreateClient(user);
        using var withKey = App.CreateApiKeyClient(key.Key);
        // Both checks are now cached: without a watcher they would keep passing for 15 seconds.
        (await withToken.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withKey.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Storyloom("users", "disable", user.Email)).ExitCode.ShouldBe(0);

        var refused = System.Diagnostics.Stopwatch.StartNew();
        while ((await withToken.GetAsync("/api/v1/auth/me", Ct)).StatusCode != HttpStatusCode.Unauthorized)
        {
            refused.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8), "the running server still accepts the disabled user's token");
            await Task.Delay(100, Ct);
        }
        refused.Elapsed.ShouldBeLessThan(UserGateLifetime, "the change must not wait for the cache to expire");
        (await withKey.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static readonly TimeSpan UserGateLifetime = TimeSpan.FromSeconds(15);

    private Task<CliRun> Storyloom(params string[] args) => App.RunCliAsync(args);
}
