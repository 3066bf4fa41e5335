using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>On PostgreSQL an open event stream is woken by NOTIFY when any connection (another worker) writes an event.</summary>
public sealed class PostgresEventStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_written_on_another_connection_reaches_an_open_stream_without_waiting_for_the_poll()
    {
        // The safety-net poll is ten minutes: only the notification can bring the events within the test's patience.
        await using var app = await StoryloomApp.StartAsync(Db.Postgres, new Dictionary<string, string?>
        {
            ["Storyloom:Jobs:RunWorker"] = "false",
            ["Storyloom:Jobs:EventSafetyPoll"] = "00:10:00",
        });
        var client = app.CreateClient(await app.CreateUserAsync());
        var task = await client.GenerateAsync((await client.CreateBookAsync(("pageCount", 24))).Id);
        var connection = app.App.Services.GetRequiredService<StoryloomOptions>().Database.ConnectionString!;
        var patience = TimeSpan.FromSeconds(30);

        var reading = client.ReadEventsAsync(task.Id, stopAfter: 2);
        await Task.Delay(1000, Ct); // The stream has sent "queued" and waits.
        await WriteAsync(connection, task.Id, "step", "Drawing on another worker", finish: false);
        var first = await reading.WaitAsync(patience, Ct);
        first.Select(e => e.Type).ShouldBe(["queued", "step"]);
        first[1].Data.Message.ShouldBe("Drawing on another worker");
        // The client left after two events: its stream ends and the process forgets the task (no entry per old stream stays).
        var signals = app.App.Services.GetRequiredService<TaskEventSignals>();
        for (var waited = 0; signals.IsWatched(task.Id) && waited < 100; waited++)
        {
            await Task.Delay(100, Ct);
        }
        signals.IsWatched(task.Id).ShouldBeFalse("the stream the client closed still holds its task");

        // Reconnect after the last id seen: only what comes next, and the stream ends with the task.
        var resumed = client.ReadEventsAsync(task.Id, lastEventId: first[1].Id);
        await Task.Delay(1000, Ct);
        await WriteAsync(connection, task.Id, "succeeded", "The book is ready", finish: true);
        var rest = await resumed.WaitAsync(patience, Ct);
        rest.Select(e => e.Type).ShouldBe(["succeeded"]);
        signals.IsWatched(task.Id).ShouldBeFalse("a stream that ended with its task still holds it");
        long.Parse(rest[0].Id, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(long.Parse(first[1].Id, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What a worker in another process does: an event (and, at the end, the final status) in one transaction.</summary>
    private static async Task WriteAsync(string connectionString, Guid taskId, string type, string message, bool finish)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(Ct);
        await using var tx = await db.BeginTransactionAsync(Ct);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO task_events (task_id, type, percent, message, created_at) VALUES (@task, @type, 50, @message, now())", db, tx))
        {
            insert.Parameters.AddWithValue("task", taskId);
            insert.Parameters.AddWithValue("type", type);
            insert.Parameters.AddWithValue("message", message);
            await insert.ExecuteNonQueryAsync(Ct);
        }
        if (finish)
        {
            await using var update = new NpgsqlCommand("UPDATE generation_tasks SET status = 'succeeded', finished_at = now() WHERE id = @task", db, tx);
            update.Parameters.AddWithValue("task", taskId);
            await update.ExecuteNonQueryAsync(Ct);
        }
        await tx.CommitAsync(Ct);
    }
}
