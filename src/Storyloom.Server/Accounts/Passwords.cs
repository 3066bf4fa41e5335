using System.Net.Mail;
using Microsoft.AspNetCore.Identity;

namespace Storyloom.Server.Accounts;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 hasher) and the rules for new accounts, shared by the API and the CLI.</summary>
internal static class Passwords
{
    public const int MinLength = 10;
    public const int MaxLength = 512;

    private static readonly PasswordHasher<User> Hasher = new();

    // Unknown emails are checked against this so they take as long as a wrong password (no timing oracle).
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, "storyloom-dummy-password"));

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    /// <summary>True when the password matches; a hash in an older format is upgraded in place.</summary>
    public static bool Verify(User user, string password)
    {
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }
        return result != PasswordVerificationResult.Failed;
    }

    public static void SpendTimeLikeAVerify(string password) =>
        Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);

    /// <summary>A new account, not yet added to the context; the caller has checked it with <see cref="CheckNewAccount"/>.</summary>
    public static User NewUser(string email, string password, string displayName, string role, DateTime now)
    {
        var user = new User
        {
            Email = email,
            DisplayName = displayName.Trim(),
            PasswordHash = "",
            Role = role,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.InvalidateTokens(now);
        user.PasswordHash = Hash(user, password);
        return user;
    }

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>Field errors for a new account (empty when it is fine); keys are the JSON field names.</summary>
    public static Dictionary<string, string[]> CheckNewAccount(string email, string? password, string? displayName)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsEmail(email))
        {
            errors["email"] = ["Enter an email address like name@example.com."];
        }
        if (CheckPassword(password, email) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
        }
        if (displayName is not null && (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100))
        {
            errors["displayName"] = ["The display name must be 1 to 100 characters."];
        }
        return errors;
    }

    /// <summary>Why the password cannot be used, or null when it can.</summary>
    public static string? CheckPassword(string? password, string email) => password switch
    {
        null or "" => "Enter a password.",
        { Length: < MinLength } => $"The password must be at least {MinLength} characters.",
        { Length: > MaxLength } => $"The password must be at most {MaxLength} characters.",
        _ when NormalizeEmail(password) == email => "The password must not be the email address.",
        _ => null,
    };

    private static bool IsEmail(string email) =>
        email.Length is > 2 and <= 254
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.');
}
