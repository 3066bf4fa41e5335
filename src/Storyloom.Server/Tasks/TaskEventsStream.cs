using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;

namespace Storyloom.Server.Tasks;

/// <summary>
/// GET /tasks/{id}/events: every event of the task in order, as Server-Sent Events whose ids are the events' ids. A client
/// that reconnects with Last-Event-ID gets only what it missed; the stream ends after the task's last event. Events are
/// read from the database, so they reach the client whichever worker (process or machine) made the book; on PostgreSQL a
/// notification wakes the stream the moment one is written (<see cref="TaskEventSignals"/>), on SQLite it polls.
/// </summary>
internal static class TaskEventsStream
{
    public static async Task<Results<ServerSentEventsResult<TaskEventDto>, NotFound, ValidationProblem>> Handle(
        Guid id, ClaimsPrincipal user, StoryloomDb db, TaskEventSignals signals, CancellationToken ct,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId = null)
    {
        var task = await db.FindVisibleTaskAsync(user, id, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        long after = 0;
        if (!string.IsNullOrEmpty(lastEventId) && !long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Last-Event-ID"] = [$"'{lastEventId}' is not an event id; send the id: of the last event you received, or leave the header out"],
            });
        }
        return TypedResults.ServerSentEvents(Events(db, signals, id, after, ct));
    }

    private static async IAsyncEnumerable<SseItem<TaskEventDto>> Events(
        StoryloomDb db, TaskEventSignals signals, Guid id, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        // Forgotten when the stream ends, by the client or at the task's end: a process keeps no trace of old streams.
        using var watch = signals.Watch(id);
        while (!ct.IsCancellationRequested)
        {
            var signal = signals.Next(id);
            var batch = await db.TaskEvents.AsNoTracking().Where(e => e.TaskId == id && e.Id > after).OrderBy(e => e.Id).Take(500).ToListAsync(ct);
            foreach (var e in batch)
            {
                after = e.Id;
                yield return new SseItem<TaskEventDto>(e.AsDto(), e.Type) { EventId = e.Id.ToString(CultureInfo.InvariantCulture) };
            }
            // A finished task's stream ends once everything is sent (a retried task's history goes on past its first end).
            if (batch.Count == 0)
            {
                var status = await db.GenerationTasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.Status).FirstOrDefaultAsync(ct);
                var pending = await db.TaskEvents.AnyAsync(e => e.TaskId == id && e.Id > after, ct);
                if ((status is null || TaskStatuses.IsFinished(status)) && !pending)
                {
                    yield break;
                }
                try
                {
                    await signal.WaitAsync(signals.PollInterval, ct);
                }
                catch (TimeoutException)
                {
                    // The safety net (or SQLite's poll): read again.
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
    }
}
