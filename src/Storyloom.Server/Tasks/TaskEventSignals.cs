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
    /// <summary>The tasks with a stream open in this process: the next signal, and how many streams wait on it.</summary>
    private readonly Dictionary<Guid, (TaskCompletionSource Next, int Streams)> _waiting = [];
    private readonly Lock _gate = new();

    /// <summary>True while the LISTEN connection is up: streams then poll only as a safety net.</summary>
    public bool Listening { get; private set; }

    /// <summary>How long a stream waits for a signal before it reads again.</summary>
    public TimeSpan PollInterval => Listening ? options.Jobs.EventSafetyPoll : TimeSpan.FromMilliseconds(200);

    /// <summary>A stream of the task opens; disposing it when the stream ends forgets the task once no other stream watches it.</summary>
    public IDisposable Watch(Guid taskId)
    {
        lock (_gate)
        {
            _waiting[taskId] = _waiting.TryGetValue(taskId, out var w) ? w with { Streams = w.Streams + 1 } : (NewSignal(), 1);
        }
        return new Unwatch(this, taskId);
    }

    /// <summary>Take this before reading the events, then wait on it: an event written in between still wakes the stream.</summary>
    public Task Next(Guid taskId)
    {
        lock (_gate)
        {
            return _waiting.TryGetValue(taskId, out var w) ? w.Next.Task : throw new InvalidOperationException($"task {taskId} is not watched; call Watch first");
        }
    }

    /// <summary>True while a stream of the task is open in this process.</summary>
    public bool IsWatched(Guid taskId)
    {
        lock (_gate)
        {
            return _waiting.ContainsKey(taskId);
        }
    }

    private void Signal(Guid taskId)
    {
        TaskCompletionSource? woken = null;
        lock (_gate)
        {
            if (_waiting.TryGetValue(taskId, out var w))
            {
                woken = w.Next;
                _waiting[taskId] = w with { Next = NewSignal() };
            }
        }
        woken?.TrySetResult();
    }

    private void Forget(Guid taskId)
    {
        lock (_gate)
        {
            if (_waiting.TryGetValue(taskId, out var w))
            {
                if (w.Streams <= 1)
                {
                    _waiting.Remove(taskId);
                }
                else
                {
                    _waiting[taskId] = w with { Streams = w.Streams - 1 };
                }
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Unwatch(TaskEventSignals signals, Guid taskId) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                signals.Forget(taskId);
            }
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
                List<Guid> open;
                lock (_gate)
                {
                    open = [.. _waiting.Keys];
                }
                foreach (var id in open)
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
