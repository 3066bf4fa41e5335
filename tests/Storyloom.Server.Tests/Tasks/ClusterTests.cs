using System.Diagnostics;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>
/// Two real `storyloom worker` processes on one PostgreSQL (a Quartz cluster) and an API node without a worker. One worker
/// is killed with SIGKILL in the middle of a 32-page book; the other finishes it from the last saved step.
/// </summary>
[Collection("tasks")]
public sealed class ClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_book_leaves_it_to_the_other_and_no_picture_is_drawn_twice()
    {
        var artLog = Path.Combine(Path.GetTempPath(), $"storyloom-art-{Guid.NewGuid():N}.log");
        await using var api = await StoryloomApp.StartAsync(Db.Postgres, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        var connection = api.App.Services.GetService(typeof(Hosting.StoryloomOptions)) is Hosting.StoryloomOptions o ? o.Database.ConnectionString! : "";
        var workers = new List<Process>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                workers.Add(StoryloomProcesses.StartWorker(api.DataDirectory, connection, artLog));
            }
            var client = api.CreateClient(await api.CreateUserAsync());
            var title = "Pip and the Two Workers";
            var book = await client.CreateBookAsync(("title", title), ("pageCount", 32));
            var task = await client.GenerateAsync(book.Id);

            var running = await client.WaitForAsync(task.Id, TimeSpan.FromSeconds(60), t => t.StepsDone >= 8 && t.Worker is not null);
            var victim = workers.Single(w => running.Worker!.EndsWith($"/{w.Id}", StringComparison.Ordinal));
            victim.Kill(entireProcessTree: true);
            await victim.WaitForExitAsync(Ct);

            var done = await client.WaitForAsync(task.Id, TimeSpan.FromSeconds(90));
            done.Status.ShouldBe("succeeded", done.Error);
            var survivor = workers.Single(w => w != victim);
            done.Worker.ShouldBe($"{Environment.MachineName}/{survivor.Id}");
            done.Steps.ShouldNotBeNull().Select(s => s.Worker).Distinct().Count().ShouldBe(2);
            done.Steps!.Last().Name.ShouldBe("package");

            var calls = (await File.ReadAllLinesAsync(artLog, Ct)).Select(l => l.Split('|')).Where(p => p[0] == title).ToList();
            calls.GroupBy(p => (p[1], p[2])).ShouldAllBe(g => g.Count() == 1, "each picture is drawn exactly once over both workers");
            calls.Select(p => p[1]).Where(p => p != "cover").Select(int.Parse).Distinct().Count().ShouldBeGreaterThan(20);
            calls.Select(p => p[3]).Distinct().ShouldBe([victim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                survivor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], ignoreOrder: true);
            (await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct)).Length.ShouldBeGreaterThan(10_000);
        }
        finally
        {
            foreach (var w in workers.Where(w => !w.HasExited))
            {
                w.Kill(entireProcessTree: true);
                await w.WaitForExitAsync(CancellationToken.None);
            }
            File.Delete(artLog);
        }
    }

    [Fact]
    public async Task SIGTERM_stops_a_worker_within_30_seconds_and_the_next_worker_finishes_the_book_from_its_saved_steps()
    {
        var artLog = Path.Combine(Path.GetTempPath(), $"storyloom-art-{Guid.NewGuid():N}.log");
        await using var api = await StoryloomApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        Process? worker = null;
        try
        {
            worker = StoryloomProcesses.StartWorker(api.DataDirectory, null, artLog);
            var client = api.CreateClient(await api.CreateUserAsync());
            var title = "Pip Hears the Bell";
            var book = await client.CreateBookAsync(("title", title), ("pageCount", 24));
            var task = await client.GenerateAsync(book.Id);
            await client.WaitForAsync(task.Id, TimeSpan.FromSeconds(60), t => t.StepsDone >= 6);

            var stopping = Stopwatch.StartNew();
            using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(Ct);
            }
            await worker.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            stopping.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
            worker.ExitCode.ShouldBe(0);
            var paused = await client.GetTaskAsync(task.Id);
            paused.Status.ShouldBe("queued");
            paused.StepsDone.ShouldBeLessThan(paused.StepsTotal);

            worker = StoryloomProcesses.StartWorker(api.DataDirectory, null, artLog);
            var done = await client.WaitForAsync(task.Id, TimeSpan.FromSeconds(90));
            done.Status.ShouldBe("succeeded", done.Error);
            var calls = (await File.ReadAllLinesAsync(artLog, Ct)).Select(l => l.Split('|')).Where(p => p[0] == title).ToList();
            calls.GroupBy(p => (p[1], p[2])).ShouldAllBe(g => g.Count() == 1, "each picture is drawn exactly once over both runs");
            calls.Select(p => p[3]).Distinct().Count().ShouldBe(2);
        }
        finally
        {
            if (worker is { HasExited: false })
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync(CancellationToken.None);
            }
            File.Delete(artLog);
        }
    }
}
