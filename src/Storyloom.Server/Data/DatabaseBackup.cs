using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Data;

/// <summary>A backup or restore that could not be made, in words that say what to change.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Whole-database backups: SQLite through its online backup API (safe while the server runs), PostgreSQL through
/// <c>pg_dump</c>/<c>pg_restore</c> in their custom format. Backups go to {data}/backups unless a path is given; a file is
/// written under a temporary name and renamed when complete, so a backup on disk is never half-written.
/// </summary>
public sealed class DatabaseBackup(StoryloomOptions options, TimeProvider clock)
{
    public string Folder => Path.Combine(options.DataDirectory, "backups");

    private bool IsPostgres => options.Database.IsPostgres;

    /// <summary>Backs the whole database up to <paramref name="path"/> (or a new file in <see cref="Folder"/>); returns the file.</summary>
    public async Task<string> BackupAsync(string? path, string reason, CancellationToken ct)
    {
        path = Path.GetFullPath(path ?? Path.Combine(Folder, $"storyloom-{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{reason}{(IsPostgres ? ".pgdump" : ".sqlite")}"));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"cannot write a backup to {Path.GetDirectoryName(path)} ({e.Message.TrimEnd('.')}); choose another --out");
        }
        var partial = path + ".partial";
        try
        {
            if (IsPostgres)
            {
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-acl", "--file", partial], ct);
            }
            else
            {
                await using var source = new SqliteConnection(DataSetup.SqliteConnectionString(options));
                await source.OpenAsync(ct);
                await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    await target.OpenAsync(ct);
                    source.BackupDatabase(target);
                    // The copy inherits WAL mode; a backup is one self-contained file.
                    await using var single = target.CreateCommand();
                    single.CommandText = "PRAGMA journal_mode=DELETE;";
                    await single.ExecuteNonQueryAsync(ct);
                }
            }
            File.Move(partial, path, overwrite: true);
            return path;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"cannot write the backup {path} ({e.Message.TrimEnd('.')}); choose another --out");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the database's contents with the backup in <paramref name="path"/>. The current contents are backed up first
    /// (the returned file), so a restore of the wrong file can itself be undone.
    /// </summary>
    public async Task<string> RestoreAsync(string path, CancellationToken ct)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new BackupException($"no backup at {path}; `storyloom db backup` prints where it writes them ({Folder})");
        }
        var expected = IsPostgres ? ".pgdump" : ".sqlite";
        if (!path.EndsWith(expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"{Path.GetFileName(path)} is not a {(IsPostgres ? "PostgreSQL" : "SQLite")} backup (those end in {expected})");
        }
        if (IsPostgres)
        {
            // Reads the archive's table of contents: a file that is not a pg_dump archive is refused before anything changes.
            try
            {
                await RunAsync("pg_restore", ["--list", path], ct, withDatabase: false);
            }
            catch (BackupException e)
            {
                throw new BackupException($"{Path.GetFileName(path)} is not a PostgreSQL backup ({e.Message})");
            }
            var safety = await BackupAsync(null, "before-restore", ct);
            // One transaction: a dump that fails half-way leaves the database as it was.
            await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction", path], ct);
            return safety;
        }
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await source.OpenAsync(ct);
            await using var check = source.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            {
                throw new BackupException($"{Path.GetFileName(path)} is not a Storyloom database (it has no schema_migrations table)");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{Path.GetFileName(path)} is not a SQLite database ({e.Message.TrimEnd('.')})");
        }
        var before = await BackupAsync(null, "before-restore", ct);
        await using var target = new SqliteConnection(DataSetup.SqliteConnectionString(options));
        await target.OpenAsync(ct);
        // The backup API copies page by page under a lock: readers of the live file see the old or the new database, never a mix.
        source.BackupDatabase(target);
        SqliteConnection.ClearAllPools();
        return before;
    }
    /// <summary>Runs pg_dump or pg_restore against the configured database; the password goes through the environment, never the command line.</summary>
    private async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct, bool withDatabase = true)
    {
        var cs = new NpgsqlConnectionStringBuilder(options.Database.ConnectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        if (withDatabase)
        {
            start.ArgumentList.Add("--dbname");
            start.ArgumentList.Add(cs.Database ?? "postgres");
        }
        start.Environment["PGHOST"] = cs.Host ?? "localhost";
        start.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username ?? Environment.UserName;
        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }
        using var process = Process.Start(start) ?? throw new BackupException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var first = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
            throw new BackupException($"{tool} failed: {first}");
        }
    }

    /// <summary>pg_dump on PATH, else the newest one of the Debian postgresql packages.</summary>
    private static string FindTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).Order().LastOrDefault()
            : null;
        return debian ?? throw new BackupException($"{tool} is not installed; on Debian: apt-get install postgresql-client");
    }
}
