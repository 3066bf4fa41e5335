using Microsoft.Data.Sqlite;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Data;

/// <summary>
/// A number that changes whenever anyone commits to the database: another connection of this server, another process
/// (a worker, the CLI, a second server on the same file). SQLite's <c>PRAGMA data_version</c>, read on a connection of its
/// own that never writes. Two equal numbers mean nothing was committed in between, so what was read under the first still
/// holds. Null where there is no such number (PostgreSQL, a shared-cache or in-memory SQLite) or it cannot be read now:
/// callers then ask the database itself.
/// </summary>
internal sealed class DatabaseVersion : IDisposable
{
    private readonly string? _connectionString;
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    // Each connection counts from its own start: the epoch in the high bits keeps a reopened connection's numbers new.
    private long _epoch;

    public DatabaseVersion(StoryloomOptions options)
    {
        if (options.Database.IsPostgres)
        {
            return;
        }
        var cs = new SqliteConnectionStringBuilder(DataSetup.SqliteConnectionString(options)) { Pooling = false };
        // Connections sharing a cache share one pager, and data_version does not see commits made through the same pager.
        var memory = cs.Mode == SqliteOpenMode.Memory || cs.DataSource is "" or ":memory:";
        _connectionString = cs.Cache == SqliteCacheMode.Shared || memory ? null : cs.ToString();
    }

    /// <summary>The current version, or null when it cannot be told.</summary>
    public long? Current()
    {
        if (_connectionString is null)
        {
            return null;
        }
        lock (_gate)
        {
            try
            {
                if (_command is null)
                {
                    _connection = new SqliteConnection(_connectionString);
                    _connection.Open();
                    _command = _connection.CreateCommand();
                    _command.CommandText = "PRAGMA data_version";
                    _command.Prepare();
                    _epoch++;
                }
                return (_epoch << 40) | (long)_command.ExecuteScalar()!;
            }
            catch (SqliteException)
            {
                Close();
                return null;
            }
        }
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
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
    }
}
