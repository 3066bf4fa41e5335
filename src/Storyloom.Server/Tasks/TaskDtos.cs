using System.ComponentModel;
using Storyloom.Server.Engines;

namespace Storyloom.Server.Tasks;

/// <summary>A task as the API shows it; <c>stepText</c> says the current step in words, <c>error</c> what went wrong and what to do.</summary>
public sealed record TaskDto(
    Guid Id, Guid? BookId, Guid? SeriesId, string Kind, string Status, string? Step, string StepText, int Percent, int StepsDone,
    int StepsTotal, string? Engine, string? Error, string? Worker, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt,
    double? Seconds, IReadOnlyList<TaskStepDto>? Steps,
    [property: Description("What the provider was paid for over every attempt; zeros for the offline engines.")] TaskUsageDto Usage,
    [property: Description("Only in the answer to generate and rebuild: what the run is expected to cost.")] CostEstimateDto? Estimate);

/// <summary>Usage as the provider's responses reported it; cached answers were served from the book's asset cache and cost nothing.</summary>
public sealed record TaskUsageDto(long InputTokens, long OutputTokens, int Images, int PaidCalls, int CachedAnswers, decimal CostUsd);

public sealed record TaskStepDto(string Name, string Text, int Position, string Status, string? Worker, DateTime StartedAt, DateTime? FinishedAt, double? Seconds);

/// <summary>One server-sent event's data.</summary>
public sealed record TaskEventDto(long Id, Guid TaskId, string Type, string? Step, string StepText, int Percent, string Message, DateTime At);

/// <summary>POST /api/v1/series: <c>count</c> books like <c>bookId</c>, each with its own seed (and theme, when themes are given).</summary>
public sealed record SeriesRequest(Guid? BookId, int? Count, IReadOnlyList<string>? Themes);

public sealed record SeriesDto(Guid SeriesId, IReadOnlyList<Guid> BookIds, IReadOnlyList<TaskDto> Tasks);

internal static class TaskMapping
{
    public static TaskDto AsDto(this GenerationTask t, IReadOnlyList<TaskStep>? steps = null, CostEstimateDto? estimate = null) => new(
        t.Id, t.BookId, t.SeriesId, t.Kind, t.Status, t.Step, TaskRunner.StepWords(t.Step), t.Percent, t.StepsDone, t.StepsTotal,
        t.Engine, t.Error, t.Worker, t.CreatedAt, t.StartedAt, t.FinishedAt,
        t.StartedAt is { } s && t.FinishedAt is { } f ? Math.Round((f - s).TotalSeconds, 3) : null,
        steps?.OrderBy(x => x.Position).ThenBy(x => x.StartedAt).Select(x => x.AsDto()).ToList(),
        new TaskUsageDto(t.InputTokens, t.OutputTokens, t.Images, t.PaidCalls, t.CachedAnswers, Math.Round(t.CostUsd, 6)), estimate);

    public static TaskStepDto AsDto(this TaskStep s) => new(
        s.Name, TaskRunner.StepWords(s.Name), s.Position, s.Status, s.Worker, s.StartedAt, s.FinishedAt,
        s.FinishedAt is { } f ? Math.Round((f - s.StartedAt).TotalSeconds, 3) : null);

    public static TaskEventDto AsDto(this TaskEvent e) => new(e.Id, e.TaskId, e.Type, e.Step, TaskRunner.StepWords(e.Step), e.Percent, e.Message, e.CreatedAt);
}
