using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>A user made straight in the database, with a fresh access token (for tests that are not about signing in).</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Role, string AccessToken);

public sealed partial class StoryloomApp
{
    public async Task<TestUser> CreateUserAsync(string role = Roles.User, string? email = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var now = DateTime.UtcNow;
        var password = "correct horse battery " + Guid.NewGuid().ToString("N")[..6];
        var user = new User
        {
            Email = email ?? $"user-{Guid.NewGuid():N}@example.test",
            DisplayName = "Test User",
            PasswordHash = "",
            Role = role,
            TokensValidAfter = now.AddSeconds(-30),
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var (token, _) = scope.ServiceProvider.GetRequiredService<TokenService>().IssueAccessToken(user);
        return new TestUser(user.Id, user.Email, password, role, token);
    }

    public HttpClient CreateClient(TestUser user) => CreateClient(user.AccessToken);
}
