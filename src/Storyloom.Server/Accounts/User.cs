namespace Storyloom.Server.Accounts;

public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is User or Admin;
}

/// <summary>An account. Email is stored normalised (trimmed, lower case) and unique.</summary>
public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public string Role { get; set; } = Roles.User;
    public bool IsDisabled { get; set; }
    public int FailedLogins { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Access tokens issued before this moment are refused (password change, disable, role change).</summary>
    public DateTime TokensValidAfter { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One refresh token; tokens of one login form a family, and reusing a rotated token revokes the family.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    /// <summary>SHA-256 of the token, hex; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>An API key for automation: shown once, stored as a hash, named and revocable.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, shown in lists so users can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>What a user sees of their own account.</summary>
public sealed record UserDto(Guid Id, string Email, string DisplayName, string Role, DateTime CreatedAt);

public static class UserMapping
{
    public static UserDto AsDto(this User u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.CreatedAt);

    /// <summary>Moves <see cref="User.TokensValidAfter"/> strictly forward (whole milliseconds, as the token claim carries it).</summary>
    public static void InvalidateTokens(this User u, DateTime now)
    {
        var at = DateTime.UnixEpoch.AddMilliseconds(Math.Floor((now - DateTime.UnixEpoch).TotalMilliseconds));
        u.TokensValidAfter = at > u.TokensValidAfter ? at : u.TokensValidAfter.AddMilliseconds(1);
        u.UpdatedAt = now;
    }
}
