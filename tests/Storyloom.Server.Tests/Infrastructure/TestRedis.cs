using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>The Redis that `./storyloom test` starts on loopback (STORYLOOM_TEST_REDIS); a missing server fails loudly, never skips.</summary>
public static class TestRedis
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("STORYLOOM_TEST_REDIS") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "STORYLOOM_TEST_REDIS is not set: run the tests with ./storyloom test, which starts Redis on loopback");

    /// <summary>The redis-server program the outage tests start themselves (STORYLOOM_TEST_REDIS_SERVER, else redis-server on the PATH).</summary>
    public static string ServerProgram
    {
        get
        {
            if (Environment.GetEnvironmentVariable("STORYLOOM_TEST_REDIS_SERVER") is { Length: > 0 } path && File.Exists(path))
            {
                return path;
            }
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, "redis-server");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new InvalidOperationException(
                "redis-server is not installed: run the tests with ./storyloom test, which installs Debian's redis-server");
        }
    }
}

/// <summary>A redis-server of a test's own on a free loopback port, which the test may stop and start again on the same port.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        var redis = new RedisProcess();
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(TestRedis.ServerProgram)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath() })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !_process.HasExited)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Gone at once, as a crashed or unplugged Redis would be.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Still listening but answering nothing (SIGSTOP), as a hung Redis or a lost network path would be.</summary>
    public void Freeze() => Signal(SIGSTOP);

    /// <summary>Answers again (SIGCONT), with what it held before.</summary>
    public void Thaw() => Signal(SIGCONT);

    public async ValueTask DisposeAsync() => await StopAsync();

    private const int SIGCONT = 18;
    private const int SIGSTOP = 19;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private void Signal(int signal)
    {
        if (_process is not { HasExited: false } p || kill(p.Id, signal) != 0)
        {
            throw new InvalidOperationException($"could not send signal {signal} to the test's redis-server");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Several API nodes in one process, as a scaled-out deployment runs them: one PostgreSQL database, one signing key, one Redis
/// (under a prefix of their own, so test clusters sharing the test Redis do not meet). Only the first node runs a worker.
/// </summary>
public sealed class StoryloomCluster : IAsyncDisposable
{
    private readonly string _database;

    public IReadOnlyList<StoryloomApp> Nodes { get; }
    public string Prefix { get; }

    private StoryloomCluster(IReadOnlyList<StoryloomApp> nodes, string database, string prefix)
    {
        Nodes = nodes;
        _database = database;
        Prefix = prefix;
    }

    public StoryloomApp this[int i] => Nodes[i];

    public static async Task<StoryloomCluster> StartAsync(int nodes, string? redis, IDictionary<string, string?>? settings = null)
    {
        var (database, cs) = await Postgres.CreateDatabaseAsync();
        var prefix = $"sl-test-{Guid.NewGuid():N}:";
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var started = new List<StoryloomApp>();
        for (var i = 0; i < nodes; i++)
        {
            var config = new Dictionary<string, string?>
            {
                ["Storyloom:Database:ConnectionString"] = cs,
                ["Storyloom:Auth:SigningKey"] = key,
                ["Storyloom:Redis:ConnectionString"] = redis ?? "",
                ["Storyloom:Redis:Prefix"] = prefix,
                ["Storyloom:Jobs:RunWorker"] = i == 0 ? "true" : "false",
            };
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            {
                config[k] = v;
            }
            started.Add(await StoryloomApp.StartAsync(Db.Postgres, config));
        }
        return new StoryloomCluster(started, database, prefix);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
        await Postgres.DropDatabaseAsync(_database);
    }
}

/// <summary>A direct look into the test Redis, to see what the nodes left there.</summary>
public static class RedisLook
{
    public static async Task<bool> ExistsAsync(string connectionString, string key)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        return await redis.GetDatabase().KeyExistsAsync(key);
    }
}
