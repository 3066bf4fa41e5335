using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>
/// Failed sign-ins slow down the one who fails, never the account's owner: the count is kept per email and source address, so
/// a stranger guessing from elsewhere cannot lock the owner out, and an unknown email is counted exactly like a known one (the
/// answers cannot tell them apart). The first Auth.MaxFailedLogins failures are free; each later one doubles the wait, from one
/// second up to Auth.LockoutDuration. Registration attempts that hit a taken email count the same way per address, so probing
/// for accounts through /register is no faster. Kept in memory per node, like the per-address rate limiter in front of it.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock, StoryloomOptions options)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private readonly record struct Entry(int Failures, DateTimeOffset Until, DateTimeOffset Seen);

    public static string Key(string email, HttpContext http) => $"{email}\n{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    public static string RegisterKey(HttpContext http) => Key("register:", http);

    /// <summary>How long the caller must wait before trying <paramref name="key"/> again; null when it may try now.</summary>
    public TimeSpan? Wait(string key)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(key, out var e) && e.Until > now ? e.Until - now : null;
    }

    public void Failed(string key)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries) Prune(now);
        _entries.AddOrUpdate(key, _ => Next(0, now), (_, e) => Next(e.Failures, now));
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    private Entry Next(int failures, DateTimeOffset now)
    {
        var n = failures + 1;
        var over = n - options.Auth.MaxFailedLogins;
        var delay = over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over - 1, 30)), options.Auth.LockoutDuration.TotalSeconds));
        return new Entry(n, now + delay, now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
        {
            if (e.Until < now && now - e.Seen > options.Auth.LockoutDuration) _entries.TryRemove(key, out _);
        }
    }

    /// <summary>429 with Retry-After, the same words whatever the email: the rate limiter's answer, understood by every client.</summary>
    public static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed attempts",
            detail: $"Wait {seconds} second(s) before trying again from here.", extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds });
    }
}
