using Microsoft.Data.Sqlite;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tests.Data;

/// <summary>The book read cache skips its query while this number holds; it must move whenever anyone else commits.</summary>
public sealed class DatabaseVersionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-version-test-").FullName;

    private StoryloomOptions Options(string? connectionString = null) =>
        new() { DataDirectory = _dir, Database = new DatabaseOptions { ConnectionString = connectionString } };

    [Fact]
    public void The_version_holds_while_nothing_is_committed_and_moves_when_another_connection_commits()
    {
        var options = Options();
        using var other = Open(options);
        Run(other, "CREATE TABLE t (x INTEGER); PRAGMA journal_mode=WAL;");
        using var version = new DatabaseVersion(options);

        var first = version.Current().ShouldNotBeNull();
        version.Current().ShouldBe(first);
        Run(other, "SELECT count(*) FROM t");
        version.Current().ShouldBe(first);

        Run(other, "INSERT INTO t VALUES (1)");
        var second = version.Current().ShouldNotBeNull();
        second.ShouldNotBe(first);

        // Another process is just another connection to SQLite: one opened afresh, without the pool, commits too.
        using (var process = Open(options))
        {
            Run(process, "UPDATE t SET x = 2");
        }
        version.Current().ShouldNotBe(second);
    }

    [Fact]
    public void There_is_no_version_where_commits_could_go_unseen()
    {
        using var postgres = new DatabaseVersion(new StoryloomOptions
        {
            DataDirectory = _dir,
            Database = new DatabaseOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1" },
        });
        postgres.Current().ShouldBeNull();
        using var shared = new DatabaseVersion(Options($"Data Source={Path.Combine(_dir, "shared.db")};Cache=Shared"));
        shared.Current().ShouldBeNull();
        using var memory = new DatabaseVersion(Options("Data Source=:memory:"));
        memory.Current().ShouldBeNull();
    }

    private static SqliteConnection Open(StoryloomOptions options)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(DataSetup.SqliteConnectionString(options)) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
