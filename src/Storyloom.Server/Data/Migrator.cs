using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Storyloom.Server.Data;

/// <summary>One versioned, hand-written migration: an up and a down script per database.</summary>
public sealed record Migration(int Version, string Name);

/// <summary>What <c>storyloom db status</c> shows.</summary>
public sealed record MigrationState(Migration Migration, DateTime? AppliedAt);

/// <summary>
/// Applies and rolls back the SQL scripts embedded from Data/Migrations/{sqlite,postgres}. Each migration runs in
/// its own transaction together with its row in schema_migrations, so a failed script leaves nothing half-applied.
/// A database that already holds a schema is backed up before any migration touches it (<see cref="LastBackup"/>).
/// </summary>
public sealed partial class Migrator(StoryloomDb db, DatabaseBackup backup)
{
    /// <summary>The backup taken by the last migrate or rollback, if it took one.</summary>
    public string? LastBackup { get; private set; }

    private static readonly Assembly Self = typeof(Migrator).Assembly;

    public static IReadOnlyList<Migration> All { get; } = Self.GetManifestResourceNames()
        .Select(n => MigrationName().Match(n))
        .Where(m => m.Success && m.Groups["dir"].Value == "up")
        .Select(m => new Migration(int.Parse(m.Groups["v"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["name"].Value))
        .DistinctBy(m => m.Version)
        .OrderBy(m => m.Version)
        .ToList();

    private bool IsPostgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    private string Dialect => IsPostgres ? "postgres" : "sqlite";

    public async Task<IReadOnlyList<MigrationState>> StatusAsync(CancellationToken ct)
    {
        var applied = await AppliedAsync(ct);
        return All.Select(m => new MigrationState(m, applied.TryGetValue(m.Version, out var at) ? at : null)).ToList();
    }

    /// <summary>Applies every pending migration up to <paramref name="target"/> (all when null); returns those applied.</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(int? target, CancellationToken ct)
    {
        await using var gate = await LockAsync(ct);
        var applied = await AppliedAsync(ct);
        var pending = All.Where(m => !applied.ContainsKey(m.Version) && (target is null || m.Version <= target)).ToList();
        // A new, empty database has nothing to lose.
        if (pending.Count > 0 && applied.Count > 0)
        {
            LastBackup = await backup.BackupAsync(null, $"before-migrate-{pending[^1].Version:0000}", ct);
        }
        var done = new List<Migration>();
        foreach (var m in pending)
        {
            await RunAsync(m, "up", ct);
            done.Add(m);
        }
        return done;
    }

    /// <summary>Runs <paramref name="work"/> holding the migration lock: what processes starting together on one database do once (seeding).</summary>
    public async Task LockedAsync(Func<Task> work, CancellationToken ct)
    {
        await using var gate = await LockAsync(ct);
        await work();
    }

    /// <summary>Rolls back the last <paramref name="steps"/> applied migrations, newest first.</summary>
    public async Task<IReadOnlyList<Migration>> RollbackAsync(int steps, CancellationToken ct)
    {
        await using var gate = await LockAsync(ct);
        var applied = await AppliedAsync(ct);
        var undo = All.Where(m => applied.ContainsKey(m.Version)).OrderByDescending(m => m.Version).Take(steps).ToList();
        if (undo.Count > 0)
        {
            LastBackup = await backup.BackupAsync(null, $"before-rollback-{undo[0].Version:0000}", ct);
        }
        foreach (var m in undo)
        {
            await RunAsync(m, "down", ct);
        }
        return undo;
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken ct)
    {
        var applied = await AppliedAsync(ct);
        return All.All(m => applied.ContainsKey(m.Version));
    }

    private async Task RunAsync(Migration m, string direction, CancellationToken ct)
    {
        var script = Script(m, direction);
        var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, tx, script, ct);
        if (direction == "up")
        {
            await ExecuteAsync(connection, tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", ct,
                ("@v", m.Version), ("@n", m.Name), ("@t", IsPostgres ? DateTime.UtcNow : DateTime.UtcNow.ToString("O")));
        }
        else
        {
            await ExecuteAsync(connection, tx, "DELETE FROM schema_migrations WHERE version = @v", ct, ("@v", m.Version));
        }
        await tx.CommitAsync(ct);
    }

    private async Task<Dictionary<int, DateTime>> AppliedAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        var timestamp = IsPostgres ? "TIMESTAMPTZ" : "TEXT";
        await ExecuteAsync(connection, null,
            $"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at {timestamp} NOT NULL)", ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version, applied_at FROM schema_migrations";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var result = new Dictionary<int, DateTime>();
        while (await reader.ReadAsync(ct))
        {
            var at = reader.GetValue(1) is DateTime d ? d : DateTime.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind);
            result[reader.GetInt32(0)] = DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc);
        }
        return result;
    }

    /// <summary>
    /// Only one process migrates at a time; the others wait, then find the schema current. `serve` and `worker` started
    /// together on a new data folder both migrate: on PostgreSQL a session advisory lock, on SQLite an exclusive lock on a
    /// file beside the database (a SQLite transaction cannot hold it: each migration commits its own).
    /// </summary>
    private async Task<IAsyncDisposable> LockAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        if (!IsPostgres)
        {
            return LockFile(connection.DataSource) is { } path ? new Release(await LockFileAsync(path, ct)) : new Release(null);
        }
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(7406170)", ct);
        return new Release(() => ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(7406170)", CancellationToken.None));
    }

    /// <summary>{database}.migrate-lock, or null for an in-memory database (no other process can see it).</summary>
    private static string? LockFile(string dataSource) =>
        string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(dataSource) + ".migrate-lock";

    /// <summary>How long a migrator waits for another one before it gives up with a line that says what holds the lock.</summary>
    public static TimeSpan LockPatience { get; set; } = TimeSpan.FromMinutes(10);

    private static async Task<Func<Task>> LockFileAsync(string path, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix (a lock on Windows), dropped by the OS if the process dies.
                // The file is never deleted: a waiter holding the old file open would then lock a different file than a newcomer.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return () =>
                {
                    file.Dispose();
                    return Task.CompletedTask;
                };
            }
            catch (IOException) when (waited.Elapsed < LockPatience)
            {
                await Task.Delay(100, ct);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException(
                    $"another process has been migrating this database for {LockPatience.TotalMinutes:0} minutes ({path} is locked: {e.Message}); "
                    + "see `storyloom status` and try again when it is done", e);
            }
        }
    }

    private sealed class Release(Func<Task>? release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (release is not null)
            {
                await release();
            }
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private string Script(Migration m, string direction)
    {
        var resource = $"migrations/{Dialect}/{m.Version:0000}_{m.Name}.{direction}.sql";
        using var stream = Self.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"migration script {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^migrations/(?<dialect>sqlite|postgres)/(?<v>\d{4})_(?<name>[a-z0-9_]+)\.(?<dir>up|down)\.sql$")]
    private static partial Regex MigrationName();
}
