using Storyloom.Server.Data;

namespace Storyloom.Server.Hosting;

/// <summary>The "Storyloom" configuration section (appsettings, environment variables Storyloom__X__Y, or flags).</summary>
public sealed class StoryloomOptions
{
    public const string Section = "Storyloom";

    /// <summary>Where the SQLite database, the signing key and the asset files live.</summary>
    public string DataDirectory { get; set; } = "data";
    public DatabaseOptions Database { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public LimitOptions Limits { get; set; } = new();
    public Tasks.JobOptions Jobs { get; set; } = new();
    public Secrets.SecretOptions Secrets { get; set; } = new();
    public Monitoring.MonitoringOptions Monitoring { get; set; } = new();
    /// <summary>OTLP export of traces and metrics (off until an endpoint is set).</summary>
    public Monitoring.TelemetryOptions Telemetry { get; set; } = new();
    public Storage.StorageOptions Storage { get; set; } = new();
    /// <summary>Canva Connect (client id/secret, base URLs); off until ClientId and ClientSecret are set.</summary>
    public Storyloom.Canva.CanvaOptions Canva { get; set; } = new();
    /// <summary>`storyloom worker` only: answer /health/live and /health/ready here (e.g. http://*:8081/); empty (default): no HTTP at all.</summary>
    public string? WorkerHealthUrl { get; set; }
    /// <summary>Origins allowed to call the API from a browser; empty (default) allows none.</summary>
    public string[] CorsOrigins { get; set; } = [];
    /// <summary>
    /// The address users reach this server at (e.g. https://books.example.com), for links the server hands out such as the
    /// Canva callback; never taken from a request's Host header, which the client controls.
    /// </summary>
    public string? PublicUrl { get; set; }
    /// <summary>Which private hosts outbound calls may reach (none by default).</summary>
    public Network.NetworkOptions Network { get; set; } = new();
    /// <summary>Redis shared by every node (rate limits, book cache, revocations, task events); off until a connection string is set.</summary>
    public Cluster.RedisOptions Redis { get; set; } = new();

    public IEnumerable<string> Problems() =>
        Database.Problems().Concat(Auth.Problems()).Concat(Limits.Problems()).Concat(Jobs.Problems()).Concat(Monitoring.Problems()).Concat(Telemetry.Problems())
            .Concat(Storage.Problems()).Concat(Canva.Problems()).Concat(Network.Problems()).Concat(Redis.Problems())
            .Concat(PublicUrl is { Length: > 0 } u && !(Uri.TryCreate(u, UriKind.Absolute, out var p) && p.Scheme is "http" or "https")
                ? ["Storyloom:PublicUrl must be an absolute http(s) URL such as https://books.example.com"] : []);
}

public sealed class AuthOptions
{
    /// <summary>HMAC key for access tokens (base64, at least 32 bytes). Empty: a random key is made once and kept in the data directory.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "storyloom";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    /// <summary>How long a just-rotated refresh token may rotate again while its successor is unused (the client lost the answer).</summary>
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxFailedLogins { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>How often the server looks for accounts disabled and keys revoked outside it (the CLI, another server).</summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Problems()
    {
        if (AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > TimeSpan.FromHours(1))
        {
            yield return "Storyloom:Auth:AccessTokenLifetime must be between 1 second and 1 hour";
        }
        if (RevocationCheckInterval <= TimeSpan.Zero || RevocationCheckInterval > TimeSpan.FromSeconds(15))
        {
            yield return "Storyloom:Auth:RevocationCheckInterval must be between 1 millisecond and 15 seconds";
        }
        if (RefreshReuseGrace < TimeSpan.Zero || RefreshReuseGrace > TimeSpan.FromMinutes(1))
        {
            yield return "Storyloom:Auth:RefreshReuseGrace must be between 0 and 1 minute";
        }
        if (MaxFailedLogins < 1)
        {
            yield return "Storyloom:Auth:MaxFailedLogins must be at least 1";
        }
    }
}

public sealed class LimitOptions
{
    /// <summary>Requests per minute per user (or per IP when anonymous) on the API.</summary>
    public int RequestsPerMinute { get; set; } = 600;
    /// <summary>Requests per minute per IP on /api/v1/auth.</summary>
    public int AuthRequestsPerMinute { get; set; } = 20;
    /// <summary>Largest JSON body, in bytes.</summary>
    public long MaxJsonBytes { get; set; } = 1 << 20;
    /// <summary>Largest upload (preflight PDFs), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 650L << 20;
    /// <summary>Preflights running at once on this node (each runs qpdf and poppler and may hold tens of MB); more wait, then 503.</summary>
    public int MaxConcurrentPreflights { get; set; } = 2;
    /// <summary>How long an upload waits for a free preflight slot before the answer is 503 with Retry-After.</summary>
    public TimeSpan PreflightQueueWait { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Longest one preflight may run; beyond it the tools are stopped and the file is refused.</summary>
    public TimeSpan PreflightTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public IEnumerable<string> Problems()
    {
        if (RequestsPerMinute < 1 || AuthRequestsPerMinute < 1)
        {
            yield return "Storyloom:Limits:RequestsPerMinute and AuthRequestsPerMinute must be at least 1";
        }
        if (MaxConcurrentPreflights < 1 || PreflightQueueWait < TimeSpan.Zero || PreflightTimeout <= TimeSpan.Zero)
        {
            yield return "Storyloom:Limits:MaxConcurrentPreflights must be at least 1, PreflightQueueWait at least 0 and PreflightTimeout positive";
        }
    }
}
