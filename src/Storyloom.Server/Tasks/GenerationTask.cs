namespace Storyloom.Server.Tasks;

/// <summary>A generation job on a book: status, current step and progress (run by the job engine).</summary>
public sealed class GenerationTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public Guid? BookId { get; set; }
    public required string Kind { get; set; }
    public string Status { get; set; } = "queued";
    public string? Step { get; set; }
    public int Percent { get; set; }
    public string? Engine { get; set; }
    public string? Error { get; set; }
    public string? InputJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
