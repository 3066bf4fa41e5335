namespace Storyloom.Server.Tasks;

public static class TaskStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Queued, Running, Succeeded, Failed, Cancelled];

    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled;
}

/// <summary>A generation job on a book: status, current step and progress (run by the job engine).</summary>
public sealed class GenerationTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public Guid? BookId { get; set; }
    public required string Kind { get; set; }
    public string Status { get; set; } = TaskStatuses.Queued;
    public string? Step { get; set; }
    public int Percent { get; set; }
    public string? Engine { get; set; }
    public string? Error { get; set; }
    public string? InputJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The job-engine token that claimed the task; a recovered token finds its task by it.</summary>
    public string? JobKey { get; set; }
    public bool CancelRequested { get; set; }
    /// <summary>The worker running it now (or last).</summary>
    public string? Worker { get; set; }
    public Guid? SeriesId { get; set; }
    public int StepsDone { get; set; }
    public int StepsTotal { get; set; }
}

/// <summary>A step that finished (or failed): its output is a set of content-addressed assets, named in OutputJson.</summary>
public sealed class TaskStep
{
    public Guid TaskId { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public required string Status { get; set; }
    public string? OutputJson { get; set; }
    public string? Worker { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>One line of a task's progress; the id only grows, so Server-Sent Events resume after the last id a client saw.</summary>
public sealed class TaskEvent
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public required string Type { get; set; }
    public string? Step { get; set; }
    public int Percent { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
}
