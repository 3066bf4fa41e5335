using Microsoft.Data.Sqlite;
using Npgsql;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Data;

/// <summary>
/// A number that changes whenever anyone commits to the database: another connection of this server, another process (a
/// worker, the CLI, a second server). Two equal numbers mean nothing was committed in between, so what was read under the
/// first still holds. Null when it cannot be told now (a shared-cache or in-memory SQLite, a failed query): callers then ask
/// the database themselves.
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c> on a connection of its own that never writes; no I/O, a few microseconds.</item>
/// <item>PostgreSQL: <c>pg_current_snapshot()</c>, which moves whenever a transaction that wrote ends. One query serves every
/// request that arrived before it started, so it costs one round trip per batch of requests rather than one per request.</item>
/// </list>
/// </summary>
internal sealed class DatabaseVersion : IDisposable
{
    private readonly string? _sqlite;
    private readonly string? _postgres;
    private readonly Lock _gate = new();
    private SqliteConnection? _sqliteConnection;
    private SqliteCommand? _dataVersion;
    private NpgsqlConnection? _postgresConnection;
    // Each SQLite connection counts from its own start: the epoch in the high bits keeps a reopened connection's numbers new.
    private long _epoch;
    // PostgreSQL: the last snapshot seen and how many different ones came before it.
    private string? _snapshot;
    private long _snapshots;
    private TaskCompletionSource<long?>? _next;
    private bool _querying;

    public DatabaseVersion(StoryloomOptions options)
    {
        if (options.Database.IsPostgres)
        {
            _postgres = new NpgsqlConnectionStringBuilder(options.Database.ConnectionString) { Pooling = false }.ToString();
            return;
        }
        var cs = new SqliteConnectionStringBuilder(DataSetup.SqliteConnectionString(options)) { Pooling = false };
        // Connections sharing a cache share one pager, and data_version does not see commits made through the same pager.
        var memory = cs.Mode == SqliteOpenMode.Memory || cs.DataSource is "" or ":memory:";
        _sqlite = cs.Cache == SqliteCacheMode.Shared || memory ? null : cs.ToString();
    }

    /// <summary>The version now, read after this call began; null when it cannot be told.</summary>
    public ValueTask<long?> CurrentAsync(CancellationToken ct)
    {
        if (_sqlite is not null)
        {
            return ValueTask.FromResult(SqliteVersion());
        }
        if (_postgres is null)
        {
            return ValueTask.FromResult<long?>(null);
        }
        lock (_gate)
        {
            // Join the query that has not started yet (never one already running: it may have read before this call).
            _next ??= new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = _next.Task;
            if (!_querying)
            {
                StartQuery();
            }
            return new ValueTask<long?>(mine.WaitAsync(ct));
        }
    }

    private long? SqliteVersion()
    {
        lock (_gate)
        {
            try
            {
                if (_dataVersion is null)
                {
                    _sqliteConnection = new SqliteConnection(_sqlite);
                    _sqliteConnection.Open();
                    _dataVersion = _sqliteConnection.CreateCommand();
                    _dataVersion.CommandText = "PRAGMA data_version";
                    _dataVersion.Prepare();
                    _epoch++;
                }
                return (_epoch << 40) | (long)_dataVersion.ExecuteScalar()!;
            }
            catch (SqliteException)
            {
                Close();
                return null;
            }
        }
    }

    /// <summary>Under the lock: takes every waiter so far and reads the snapshot once for all of them.</summary>
    private void StartQuery()
    {
        var waiters = _next!;
        _next = null;
        _querying = true;
        _ = Task.Run(async () =>
        {
            long? version = null;
            try
            {
                var snapshot = await PostgresSnapshotAsync();
                lock (_gate)
                {
                    if (snapshot != _snapshot)
                    {
                        _snapshot = snapshot;
                        _snapshots++;
                    }
                    version = _snapshots;
                }
            }
            catch (Exception)
            {
                lock (_gate)
                {
                    // The next snapshot read counts as new, whatever it is: commits may have gone unseen meanwhile.
                    _snapshot = null;
                    Close();
                }
            }
            waiters.SetResult(version);
            lock (_gate)
            {
                _querying = false;
                if (_next is not null)
                {
                    StartQuery();
                }
            }
        });
    }

    private async Task<string> PostgresSnapshotAsync()
    {
        NpgsqlConnection connection;
        lock (_gate)
        {
            connection = _postgresConnection ??= new NpgsqlConnection(_postgres);
        }
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using var command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    private void Close()
    {
        _dataVersion?.Dispose();
        _sqliteConnection?.Dispose();
        _postgresConnection?.Dispose();
        _dataVersion = null;
        _sqliteConnection = null;
        _postgresConnection = null;
    }
}
