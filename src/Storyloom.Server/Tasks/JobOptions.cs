namespace Storyloom.Server.Tasks;

/// <summary>The "Storyloom:Jobs" section: how many books a worker makes at once, and the per-user limits.</summary>
public sealed class JobOptions
{
    /// <summary>Run a worker in this process (serve and worker: true; false makes an API-only node).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>Books this worker makes at the same time.</summary>
    public int Concurrency { get; set; } = 2;
    /// <summary>Tasks one user may have running at once, over all workers.</summary>
    public int MaxRunningPerUser { get; set; } = 2;
    /// <summary>Tasks one user may have waiting or running; more is refused with 429.</summary>
    public int MaxQueuedPerUser { get; set; } = 100;
    /// <summary>PostgreSQL cluster: how often a worker says it is alive; a silent worker's books move on after about twice this.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>The janitor deletes the progress events of tasks that finished longer ago than this (the tasks stay).</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Paid AI answers (ai-answers/ in the file store) older than this are deleted (never those a waiting or running task may need).</summary>
    public TimeSpan AnswerRetention { get; set; } = TimeSpan.FromDays(90);
    /// <summary>On PostgreSQL a new event wakes its streams at once (LISTEN/NOTIFY); they also read again after this, as a safety net.</summary>
    public TimeSpan EventSafetyPoll { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>For benchmarks and tests: each picture takes this long, like a paid image model.</summary>
    public TimeSpan SimulatedArtLatency { get; set; } = TimeSpan.Zero;
    /// <summary>For tests: every art-engine call appends "title|page|frame|process" to this file.</summary>
    public string? ArtCallLog { get; set; }

    public IEnumerable<string> Problems()
    {
        if (Concurrency is < 1 or > 64)
        {
            yield return $"Storyloom:Jobs:Concurrency is {Concurrency}; use 1 to 64";
        }
        if (MaxRunningPerUser < 1 || MaxQueuedPerUser < 1)
        {
            yield return "Storyloom:Jobs:MaxRunningPerUser and MaxQueuedPerUser must be at least 1";
        }
        if (CheckinInterval < TimeSpan.FromSeconds(1))
        {
            yield return "Storyloom:Jobs:CheckinInterval must be at least 1 second";
        }
        if (EventRetention < TimeSpan.FromHours(1))
        {
            yield return $"Storyloom:Jobs:EventRetention is {EventRetention}; keep task events at least an hour (e.g. 30.00:00:00 for 30 days)";
        }
        if (AnswerRetention < TimeSpan.FromDays(1))
        {
            yield return $"Storyloom:Jobs:AnswerRetention is {AnswerRetention}; keep paid AI answers at least a day (e.g. 90.00:00:00 for 90 days)";
        }
    }
}
