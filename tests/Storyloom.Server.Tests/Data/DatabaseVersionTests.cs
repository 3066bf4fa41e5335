using Microsoft.Data.Sqlite;
using Npgsql;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Data;

/// <summary>The book read cache skips its query while this number holds; it must move whenever anyone else commits.</summary>
public sealed class DatabaseVersionTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-version-test-").FullName;

    private StoryloomOptions Options(string? connectionString = null) =>
        new() { DataDirectory = _dir, Database = new DatabaseOptions { ConnectionString = connectionString } };

    [Fact]
    public async Task The_version_holds_while_nothing_is_committed_and_moves_when_another_connection_commits()
    {
        var options = Options();
        using var other = Open(options);
        Run(other, "CREATE TABLE t (x INTEGER); PRAGMA journal_mode=WAL;");
        using var version = new DatabaseVersion(options);

        var first = (await version.CurrentAsync(Ct)).ShouldNotBeNull();
        (await version.CurrentAsync(Ct)).ShouldBe(first);
        Run(other, "SELECT count(*) FROM t");
        (await version.CurrentAsync(Ct)).ShouldBe(first);

        Run(other, "INSERT INTO t VALUES (1)");
        var second = (await version.CurrentAsync(Ct)).ShouldNotBeNull();
        second.ShouldNotBe(first);

        // Another process is just another connection to SQLite: one opened afresh, without the pool, commits too.
        using (var process = Open(options))
        {
            Run(process, "UPDATE t SET x = 2");
        }
        (await version.CurrentAsync(Ct)).ShouldNotBe(second);
    }

    [Fact]
    public async Task There_is_no_version_where_commits_could_go_unseen()
    {
        using var shared = new DatabaseVersion(Options($"Data Source={Path.Combine(_dir, "shared.db")};Cache=Shared"));
        (await shared.CurrentAsync(Ct)).ShouldBeNull();
        using var memory = new DatabaseVersion(Options("Data Source=:memory:"));
        (await memory.CurrentAsync(Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task On_postgres_the_version_moves_when_another_connection_commits_and_one_query_serves_many_callers()
    {
        var (name, cs) = await Postgres.CreateDatabaseAsync();
        try
        {
            using var version = new DatabaseVersion(new StoryloomOptions
            {
                DataDirectory = _dir,
                Database = new DatabaseOptions { Provider = "postgres", ConnectionString = cs },
            });
            var all = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => version.CurrentAsync(Ct).AsTask()));
            all.ShouldAllBe(v => v != null);
            var before = all.Max();

            // (Whether it holds while nothing commits cannot be tested here: the test PostgreSQL is shared with other suites.)
            await using (var other = new NpgsqlConnection(cs))
            {
                await other.OpenAsync(Ct);
                await using var create = new NpgsqlCommand("CREATE TABLE t (x int); INSERT INTO t VALUES (1);", other);
                await create.ExecuteNonQueryAsync(Ct);
            }
            var after = (await version.CurrentAsync(Ct)).ShouldNotBeNull();
            after.ShouldBeGreaterThan(before!.Value);
        }
        finally
        {
            await Postgres.DropDatabaseAsync(name);
        }
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
