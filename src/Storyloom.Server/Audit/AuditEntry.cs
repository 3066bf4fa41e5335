namespace Storyloom.Server.Audit;

/// <summary>Who did what, when: sign-ins, failures, key and role changes, deletions. Never holds a secret.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid? UserId { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Ip { get; set; }
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}
