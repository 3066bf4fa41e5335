using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real server on a TestServer, on a fresh SQLite file or a fresh database in the PostgreSQL that
/// `./storyloom test` starts on loopback (STORYLOOM_TEST_POSTGRES). Domain helpers live in partial files beside it.
/// </summary>
public sealed partial class StoryloomApp : IAsyncDisposable
{
    private readonly string _dataDir;
    private readonly string? _pgDatabase;

    public WebApplication App { get; }
    public Db Db { get; }
    public string DataDirectory => _dataDir;

    private StoryloomApp(WebApplication app, Db db, string dataDir, string? pgDatabase)
    {
        App = app;
        Db = db;
        _dataDir = dataDir;
        _pgDatabase = pgDatabase;
    }

    /// <summary><paramref name="services"/> runs before the server's own registrations (e.g. a <see cref="FakeClock"/>).</summary>
    public static async Task<StoryloomApp> StartAsync(Db db, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("storyloom-server-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Storyloom:DataDirectory"] = dataDir,
            ["Storyloom:Database:Provider"] = db == Db.Postgres ? "postgres" : "sqlite",
            // Tests share one server and one "IP"; the rate-limit tests set small limits themselves.
            ["Storyloom:Limits:RequestsPerMinute"] = "1000000",
            ["Storyloom:Limits:AuthRequestsPerMinute"] = "1000000",
            // The fakes (OpenAI, Canva, webhook receivers) listen on loopback, as a self-hoster's Ollama would; the security tests
            // set this to "" to see the guard refuse them.
            ["Storyloom:Network:AllowedPrivateHosts"] = "127.0.0.1, ::1, localhost",
        };
        string? pgDatabase = null;
        // A node of a cluster (StoryloomCluster) brings the shared database's connection string: it creates none of its own.
        if (db == Db.Postgres && settings?.ContainsKey("Storyloom:Database:ConnectionString") != true)
        {
            (pgDatabase, config["Storyloom:Database:ConnectionString"]) = await Postgres.CreateDatabaseAsync();
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }
        var app = StoryloomServer.Build([], b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration.AddInMemoryCollection(config);
            services?.Invoke(b.Services);
        });
        await StoryloomServer.PrepareDatabaseAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        return new StoryloomApp(app, db, dataDir, pgDatabase);
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var client = App.GetTestClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_pgDatabase is not null)
        {
            await Postgres.DropDatabaseAsync(_pgDatabase);
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow CI disk is not worth failing a test for; the OS cleans /tmp.
        }
    }
}

/// <summary>Fresh databases in the test PostgreSQL; a missing server fails loudly, never skips.</summary>
public static class Postgres
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("STORYLOOM_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "STORYLOOM_TEST_POSTGRES is not set: run the tests with ./storyloom test, which starts PostgreSQL on loopback");

    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var name = "sl_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
        return (name, cs);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>One server per test class and database; tests stay independent by making their own users.</summary>
public abstract class AppFixture(Db db, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public StoryloomApp Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await StoryloomApp.StartAsync(db, settings);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SqliteApp() : AppFixture(Db.Sqlite);

public sealed class PostgresApp() : AppFixture(Db.Postgres);

/// <summary>An API-only node (no worker in the process): queued tasks stay queued, so tests can hold them in any state.</summary>
public sealed class SqliteApiOnlyApp() : AppFixture(Db.Sqlite, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });

public sealed class PostgresApiOnlyApp() : AppFixture(Db.Postgres, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
