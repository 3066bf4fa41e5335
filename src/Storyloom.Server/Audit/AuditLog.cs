using Microsoft.EntityFrameworkCore;

namespace Storyloom.Server.Audit;

/// <summary>The actions written to the audit log.</summary>
public static class AuditActions
{
    public const string Register = "register";
    public const string Login = "login";
    public const string LoginFailed = "login.failed";
    public const string Lockout = "lockout";
    public const string Logout = "logout";
    public const string RefreshReuse = "refresh.reuse";
    public const string PasswordChange = "password.change";
    public const string ApiKeyCreate = "api-key.create";
    public const string ApiKeyRevoke = "api-key.revoke";
    public const string RoleChange = "user.role";
    public const string Disable = "user.disable";
    public const string Enable = "user.enable";
}

internal static class AuditLog
{
    /// <summary>Adds an entry to the context; it is written by the caller's SaveChanges, with the change it describes.</summary>
    public static void Record(this DbSet<AuditEntry> log, DateTime at, string action, Guid? userId,
        HttpContext? http = null, string? target = null, string? detail = null) =>
        log.Add(new AuditEntry
        {
            At = at,
            Action = action,
            UserId = userId,
            Ip = http?.Connection.RemoteIpAddress?.ToString(),
            Target = target,
            Detail = detail,
        });
}
