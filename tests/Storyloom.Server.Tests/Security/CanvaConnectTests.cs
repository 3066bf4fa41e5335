using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Canva;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Canva;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Security;

/// <summary>Point 4 of the security issue: a Canva authorize link works only in the browser that asked for it.</summary>
public abstract class CanvaConnectTests(CanvaFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private StoryloomApp App => fixture.Server;

    private static async Task<(CanvaConnectDto Link, string Cookie)> StartAsync(HttpClient client)
    {
        var started = await client.GetAsync("/api/v1/canva/connect", Ct);
        var cookie = started.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        return (await started.ReadAsync<CanvaConnectDto>(), cookie.Split(';')[0]);
    }

    /// <summary>Follows the authorize link at the fake Canva as the victim would: the path and query Canva sends the browser back to.</summary>
    private static async Task<string> AuthorizeAtCanvaAsync(CanvaConnectDto link)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var atCanva = await browser.GetAsync(link.AuthorizeUrl, Ct);
        return atCanva.Headers.Location.ShouldNotBeNull().PathAndQuery;
    }

    private async Task<HttpResponseMessage> CallbackAsync(string pathAndQuery, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await App.CreateClient().SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_link_made_by_someone_else_cannot_attach_the_victims_canva_to_their_account()
    {
        var attacker = App.CreateClient(await App.CreateUserAsync());
        var (link, attackerCookie) = await StartAsync(attacker);
        var victim = App.CreateClient(await App.CreateUserAsync());
        var (_, victimCookie) = await StartAsync(victim);

        var back = await AuthorizeAtCanvaAsync(link);
        // The victim's browser comes back with its own cookie, or none: both are refused, and the link is spent.
        (await CallbackAsync(back, victimCookie)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CallbackAsync(back, null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CallbackAsync(back, attackerCookie)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await (await attacker.GetAsync("/api/v1/canva/connection", Ct)).ReadAsync<CanvaConnectionDto>()).Connected.ShouldBeFalse();
    }

    [Fact]
    public async Task The_browser_that_started_connecting_finishes_it_once()
    {
        var user = App.CreateClient(await App.CreateUserAsync());
        var (link, cookie) = await StartAsync(user);
        var back = await AuthorizeAtCanvaAsync(link);

        (await CallbackAsync(back, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await user.GetAsync("/api/v1/canva/connection", Ct)).ReadAsync<CanvaConnectionDto>()).Connected.ShouldBeTrue();
        (await CallbackAsync(back, cookie)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("//evil.example/settings")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.example")]
    [InlineData("/settings\r\nSet-Cookie: a=b")]
    [InlineData("settings")]
    public async Task A_return_path_off_this_site_is_refused_before_anything_is_saved(string returnTo)
    {
        var user = await App.CreateUserAsync();
        var client = App.CreateClient(user);

        var problem = await (await client.GetAsync($"/api/v1/canva/connect?returnTo={Uri.EscapeDataString(returnTo)}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldError("returnTo").ShouldContain("a path of this site");
        await using var scope = App.App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<StoryloomDb>().CanvaAuthRequests.CountAsync(r => r.UserId == user.Id, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_redirect_uri_comes_from_the_configured_public_url_never_the_host_header()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/canva/connect");
        request.Headers.Host = "evil.example";
        var link = await (await client.SendAsync(request, Ct)).ReadAsync<CanvaConnectDto>();

        link.RedirectUri.ShouldBe("http://localhost/api/v1/canva/callback");
        link.AuthorizeUrl.ShouldNotContain("evil.example");
        (await client.GetAsync($"/api/v1/canva/connect?redirectUri={Uri.EscapeDataString("http://evil.example/api/v1/canva/callback")}", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

[Collection(nameof(CanvaConnectTests))]
public sealed class SqliteCanvaConnectTests(SqliteCanvaApp app) : CanvaConnectTests(app), IClassFixture<SqliteCanvaApp>;

[Collection(nameof(CanvaConnectTests))]
public sealed class PostgresCanvaConnectTests(PostgresCanvaApp app) : CanvaConnectTests(app), IClassFixture<PostgresCanvaApp>;

[CollectionDefinition(nameof(CanvaConnectTests), DisableParallelization = true)]
public sealed class CanvaConnectCollection;
