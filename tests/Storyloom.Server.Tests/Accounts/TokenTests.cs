using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Storyloom.Server.Accounts;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

/// <summary>Every bad access token gets 401 problem+json with WWW-Authenticate, never 500.</summary>
public abstract class TokenTests(AppFixture fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_good_token_is_accepted()
    {
        var user = await App.CreateUserAsync();
        await ShouldGetMe(user.AccessToken, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_with_one_signature_byte_flipped_is_401()
    {
        var user = await App.CreateUserAsync();
        var parts = user.AccessToken.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x01;
        await ShouldGetMe($"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_with_an_edited_payload_is_401()
    {
        var user = await App.CreateUserAsync();
        var parts = user.AccessToken.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"user\"", "\"admin\"");
        await ShouldGetMe($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var user = await App.CreateUserAsync();
        var stranger = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
        await ShouldGetMe(Sign(user, new SigningCredentials(stranger, SecurityAlgorithms.HmacSha256)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_with_another_algorithm_is_401_even_with_the_right_key()
    {
        var user = await App.CreateUserAsync();
        var key = App.App.Services.GetRequiredService<SigningKey>().Key;
        await ShouldGetMe(Sign(user, new SigningCredentials(key, SecurityAlgorithms.HmacSha512)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var user = await App.CreateUserAsync();
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(user.AccessToken.Split('.')[1])));
        await ShouldGetMe($"{header}.{payload}.", HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("slk_12345678_not-a-real-key")]
    public async Task Nonsense_credentials_are_401(string token) => await ShouldGetMe(token, HttpStatusCode.Unauthorized);

    [Fact]
    public async Task No_credentials_is_401_problem()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/api/v1/auth/me", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private string Sign(TestUser user, SigningCredentials credentials)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "storyloom",
            Audience = TokenService.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user.Id.ToString(),
                ["role"] = Roles.Admin,
                ["tva"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            },
            SigningCredentials = credentials,
        });
    }

    private async Task ShouldGetMe(string token, HttpStatusCode expected)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/v1/auth/me", Ct);
        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Unauthorized)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        }
    }
}

public sealed class SqliteTokenTests(SqliteApp app) : TokenTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTokenTests(PostgresApp app) : TokenTests(app), IClassFixture<PostgresApp>;
