namespace Storyloom.Server.Hosting;

internal static class Clock
{
    /// <summary>Now in UTC, cut to whole microseconds: what PostgreSQL stores, so a response equals what a later read returns.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
