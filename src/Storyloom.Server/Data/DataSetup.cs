using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Data;

public sealed class DatabaseOptions
{
    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>Empty for SQLite means {data}/storyloom.db; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Problems()
    {
        if (!IsPostgres && !Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Storyloom:Database:Provider is '{Provider}'; use sqlite or postgres";
        }
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "Storyloom:Database:Provider is postgres but Storyloom:Database:ConnectionString is empty; set it, e.g. Host=127.0.0.1;Database=storyloom;Username=storyloom;Password=…";
        }
    }
}

public static class DataSetup
{
    public static IServiceCollection AddStoryloomData(this IServiceCollection services, StoryloomOptions options)
    {
        var db = options.Database;
        services.AddDbContextPool<StoryloomDb>((sp, o) =>
        {
            if (sp.GetService<Cluster.ChangeSignals>() is { } signals)
            {
                o.AddInterceptors(signals);
            }
            if (db.IsPostgres)
            {
                o.UseNpgsql(db.ConnectionString);
            }
            else
            {
                o.UseSqlite(SqliteConnectionString(options));
            }
        });
        services.AddScoped<Migrator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseBackup>();
        return services;
    }

    public static string SqliteConnectionString(StoryloomOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            return options.Database.ConnectionString;
        }
        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataDirectory, "storyloom.db"),
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>WAL lets readers run beside the one writer; set once per database file, it persists.</summary>
    public static async Task PrepareAsync(StoryloomDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
