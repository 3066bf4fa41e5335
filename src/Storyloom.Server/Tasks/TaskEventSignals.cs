using System.Collections.Concurrent;
using Npgsql;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

/// <summary>
/// Wakes the event streams of a task when one of its events is written. On PostgreSQL one connection per process
/// listens to the trigger of migration 0009 (LISTEN storyloom_task_events), so an event written by any worker reaches
/// the streams at once; on SQLite, or while that connection is down, a stream looks again after the poll interval.
/// </summary>
internal sealed class TaskEventSignals(StoryloomOptions options, ILogger<TaskEventSignals> log) : BackgroundService
{
    public const string Channel = "storyloom_task_events";
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    /// <summary>True while the LISTEN connection is up: streams then poll only as a safety net.</summary>
    public bool Listening { get; private set; }

    /// <summary>How long a stream waits for a signal before it reads again.</summary>
    public TimeSpan PollInterval => Listening ? options.Jobs.EventSafetyPoll : TimeSpan.FromMilliseconds(200);

    /// <summary>Take this before reading the events, then wait on it: an event written in between still wakes the stream.</summary>
    public Task Next(Guid taskId) => _waiting.GetOrAdd(taskId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private void Signal(Guid taskId)
    {
        if (_waiting.TryRemove(taskId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Database.IsPostgres)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.Database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var id))
                    {
                        Signal(id);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                Listening = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Lost the PostgreSQL connection that wakes the task event streams; they poll until it is back");
            }
            finally
            {
                Listening = false;
                // Whatever was sent while the connection was down: every stream reads again.
                foreach (var id in _waiting.Keys)
                {
                    Signal(id);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
