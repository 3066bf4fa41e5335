using System.Diagnostics;
using System.Text.Json;
using Storyloom.Cli;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Ops;

/// <summary>`storyloom status` and `storyloom stop` against real `serve` and `worker` processes sharing one data folder.</summary>
[Collection("tasks")]
public sealed class ProcessCommandsTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _data = Directory.CreateTempSubdirectory("storyloom-ops-test-").FullName;
    private readonly List<Process> _started = [];

    [Fact]
    public async Task Status_shows_a_server_and_a_worker_and_stop_ends_both_gracefully()
    {
        var serve = Start("serve", "--urls", "http://127.0.0.1:0");
        await WaitForPidFilesAsync(1);
        // The server has made the database by now: a worker started before could race it to the schema.
        var worker = Start("worker");
        await WaitForPidFilesAsync(2);

        var status = await Storyloom("status");
        status.ExitCode.ShouldBe(0, status.Error);
        var lines = status.Out.Split('\n');
        lines.ShouldContain(l => l.Contains($"serve  │ {serve.Id}", StringComparison.Ordinal) && l.Contains("http://127.0.0.1:", StringComparison.Ordinal)
            && l.Contains("ready", StringComparison.Ordinal), status.Out);
        lines.ShouldContain(l => l.Contains($"worker │ {worker.Id}", StringComparison.Ordinal) && l.Contains("running", StringComparison.Ordinal), status.Out);

        var stop = await Storyloom("stop", "--timeout", "40s");
        stop.ExitCode.ShouldBe(0, stop.Error);
        stop.Out.ShouldContain($"Stopped serve {serve.Id} in ");
        stop.Out.ShouldContain($"Stopped worker {worker.Id} in ");
        serve.HasExited.ShouldBeTrue();
        worker.HasExited.ShouldBeTrue();
        serve.ExitCode.ShouldBe(0, "SIGTERM is a clean stop");
        worker.ExitCode.ShouldBe(0);
        Directory.EnumerateFiles(Path.Combine(_data, "run")).ShouldBeEmpty("each process removes its own pid file on the way out");
        (await Storyloom("status")).Out.ShouldContain("Nothing is running");
    }

    [Fact]
    public async Task A_pid_file_whose_process_is_gone_or_whose_pid_was_reused_is_reported_stale_and_removed()
    {
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync(Ct);
        WritePidFile("worker", gone.Id, DateTime.UtcNow);
        // This test process is alive, but it did not start in 2001: the pid was reused by another program.
        WritePidFile("serve", Environment.ProcessId, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var status = await Storyloom("status");
        status.ExitCode.ShouldBe(0, status.Error);
        status.Out.ShouldContain($"Removed a stale pid file: worker {gone.Id} is no longer running");
        status.Out.ShouldContain($"Removed a stale pid file: serve {Environment.ProcessId} is no longer running");
        status.Out.ShouldContain("Nothing is running");
        Directory.EnumerateFiles(Path.Combine(_data, "run")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_process_that_ignores_SIGTERM_makes_stop_give_up_after_the_timeout_with_one_line_that_says_what_to_do()
    {
        // It says when its trap is set: a SIGTERM sent before that (a busy machine runs `stop` quickly) would end it.
        var stubborn = Process.Start(new ProcessStartInfo("sh", ["-c", "trap '' TERM; echo ready; sleep 30"]) { RedirectStandardOutput = true })!;
        _started.Add(stubborn);
        (await stubborn.StandardOutput.ReadLineAsync(Ct)).ShouldBe("ready");
        WritePidFile("worker", stubborn.Id, stubborn.StartTime.ToUniversalTime());

        var clock = Stopwatch.StartNew();
        var stop = await Storyloom("stop", "--timeout", "1s");
        stop.ExitCode.ShouldBe(ExitCodes.Failed);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        stop.Error.Trim().Split('\n').ShouldHaveSingleItem()
            .ShouldBe($"error: worker {stubborn.Id} did not stop within 1s; it may still be saving a step: wait and run `storyloom stop` again, "
                + $"or end it now with `kill -KILL {stubborn.Id}` (its book resumes from the last saved step)");
        stubborn.HasExited.ShouldBeFalse();
        (await Storyloom("stop", "--pid", "1")).ExitCode.ShouldBe(ExitCodes.BadInput);
        (await Storyloom("stop", "--role", "api")).ExitCode.ShouldBe(ExitCodes.BadInput);
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Storyloom__Database__Provider"] = "sqlite" },
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "storyloom.dll"), .. args, "--data", _data])
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add(process);
        return process;
    }

    private async Task WaitForPidFilesAsync(int count)
    {
        var run = Path.Combine(_data, "run");
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists(run) || Directory.EnumerateFiles(run, "*.json").Count() < count)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), $"{count} pid file(s) did not appear");
            _started.ShouldAllBe(p => !p.HasExited, "a process exited while starting");
            await Task.Delay(200, Ct);
        }
    }

    private void WritePidFile(string role, int pid, DateTime startedAt)
    {
        Directory.CreateDirectory(Path.Combine(_data, "run"));
        File.WriteAllText(Path.Combine(_data, "run", $"{role}-{pid}.json"), JsonSerializer.Serialize(new
        {
            pid, role, address = (string?)null, startedAt, machine = Environment.MachineName, dataDirectory = _data,
        }));
    }

    private Task<CliRun> Storyloom(params string[] args) => StoryloomApp.RunCliAsync(_data, args);

    public void Dispose()
    {
        foreach (var p in _started)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            p.Dispose();
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
