namespace Storyloom.Server.Canva;

/// <summary>A user's Canva connection; both tokens are SecretBox ciphertexts bound to the user.</summary>
public sealed class CanvaConnection
{
    public Guid UserId { get; set; }
    public required string CanvaUserId { get; set; }
    public required string AccessToken { get; set; }
    public required string RefreshToken { get; set; }
    public required string Scope { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set while one process refreshes the tokens (each refresh spends the refresh token); the others wait for it.</summary>
    public DateTime? RefreshLeaseUntil { get; set; }
}

/// <summary>An authorize link handed out and not used yet: its state, and the PKCE verifier (encrypted) that goes with it.</summary>
public sealed class CanvaAuthRequest
{
    public required string State { get; set; }
    public Guid UserId { get; set; }
    public required string Verifier { get; set; }
    public required string RedirectUri { get; set; }
    public string? ReturnTo { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>Which book content goes into which field of a brand template, saved per user and template.</summary>
public sealed class CanvaTemplateMapping
{
    public Guid UserId { get; set; }
    public required string BrandTemplateId { get; set; }
    public required string FieldsJson { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A book whose pages or cover are made through a brand template.</summary>
public sealed class CanvaBookTemplate
{
    public Guid BookId { get; set; }
    public required string Part { get; set; }
    public required string BrandTemplateId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class CanvaParts
{
    public const string Pages = "pages";
    public const string Cover = "cover";
}
