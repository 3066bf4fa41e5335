using Npgsql;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

/// <summary>
/// Wakes the event streams of a task when one of its events is written. On PostgreSQL one connection per process
/// listens to the trigger of migration 0009 (LISTEN storyloom_task_events), so an event written by any worker reaches
/// the streams at once; on SQLite, or while that connection is down, a stream looks again after the poll interval. With Redis
/// the writer announces each event on Redis after its commit (<see cref="Cluster.ChangeSignals"/>) instead, and no
/// PostgreSQL connection listens; while Redis is away the streams poll, and read again once it is back.
/// </summary>
internal sealed class TaskEventSignals : BackgroundService
{
    public const string Channel = "storyloom_task_events";
    public const string Signal = "task";
    /// <summary>With Redis up, the longest a stream waits without a signal: only a writer that lost Redis itself goes unheard.</summary>
    public static readonly TimeSpan RedisSafetyPoll = TimeSpan.FromSeconds(60);
    private readonly StoryloomOptions _options;
    private readonly ILogger<TaskEventSignals> _log;
    private readonly Cluster.RedisLink _link;

    public TaskEventSignals(StoryloomOptions options, ILogger<TaskEventSignals> log, Cluster.RedisLink link)
    {
        _options = options;
        _log = log;
        _link = link;
        link.On(Signal, id => { if (Guid.TryParse(id, out var taskId)) Wake(taskId); });
        link.OnRestored(WakeAll);
    }

    /// <summary>The tasks with a stream open in this process: the next signal, and how many streams wait on it.</summary>
    private readonly Dictionary<Guid, (TaskCompletionSource Next, int Streams)> _waiting = [];
    private readonly Lock _gate = new();

    /// <summary>True while the LISTEN connection is up: streams then poll only as a safety net.</summary>
    public bool Listening { get; private set; }

    /// <summary>How long a stream waits for a signal before it reads again.</summary>
    public TimeSpan PollInterval =>
        _link.IsUp ? RedisSafetyPoll : Listening ? _options.Jobs.EventSafetyPoll : TimeSpan.FromMilliseconds(200);

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

    /// <summary>Wakes this process's streams of the task (an event of it was committed).</summary>
    public void Wake(Guid taskId)
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

    private void WakeAll()
    {
        List<Guid> open;
        lock (_gate)
        {
            open = [.. _waiting.Keys];
        }
        foreach (var id in open)
        {
            Wake(id);
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
        if (!_options.Database.IsPostgres || _link.IsConfigured)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_options.Database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var id))
                    {
                        Wake(id);
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
                _log.LogWarning(e, "Lost the PostgreSQL connection that wakes the task event streams; they poll until it is back");
            }
            finally
            {
                Listening = false;
                // Whatever was sent while the connection was down: every stream reads again.
                WakeAll();
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
