namespace Storyloom.Server.Tasks;

public static class TaskStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    /// <summary>Stopped cleanly at the book's or the user's budget; retry after raising the cap.</summary>
    public const string BudgetReached = "budget-reached";

    public static readonly IReadOnlyList<string> All = [Queued, Running, Succeeded, Failed, Cancelled, BudgetReached];

    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled or BudgetReached;

    /// <summary>What a user may retry.</summary>
    public static bool IsRetryable(string status) => status is Failed or Cancelled or BudgetReached;
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
    /// <summary>The W3C traceparent of the request that queued (or retried) it: the worker's spans continue that trace.</summary>
    public string? TraceParent { get; set; }

    // What the provider was paid for, over every attempt of the task (a retry adds to it).
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public int Images { get; set; }
    public int PaidCalls { get; set; }
    /// <summary>Answers served from the book's asset cache instead of being bought again.</summary>
    public int CachedAnswers { get; set; }
    public decimal CostUsd { get; set; }
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
