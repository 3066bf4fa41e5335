using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Ops;

/// <summary>Paid AI answers (ai-answers/ in the file store) go after their retention, never while a waiting task may need them.</summary>
public sealed class AnswerPruningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cleanup_removes_answers_older_than_the_retention_but_not_before_the_oldest_waiting_task()
    {
        await using var app = await StoryloomApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        var old = Answer(app.DataDirectory, 700, DateTime.UtcNow.AddDays(-100));
        var recent = Answer(app.DataDirectory, 300, DateTime.UtcNow.AddDays(-10));
        using var client = app.CreateClient(await app.CreateUserAsync());
        var task = await client.GenerateAsync((await client.CreateBookAsync()).Id);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        await db.GenerationTasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, DateTime.UtcNow.AddDays(-150)), Ct);

        // A task queued 150 days ago may still resume from answers of that age: nothing goes.
        var waiting = await app.RunCliAsync("cleanup", "--dry-run");
        waiting.ExitCode.ShouldBe(0, waiting.Error);
        waiting.Out.ShouldNotContain("old AI answer");

        // Once it has ended, the 100-day-old answer goes; the 10-day-old one stays (older than the week's cut-off, within the 90 days).
        await db.GenerationTasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Failed), Ct);
        var dry = await app.RunCliAsync("cleanup", "--dry-run");
        dry.Out.ShouldContain("old AI answer");
        dry.Out.ShouldContain(Path.GetFileName(old));
        dry.Out.ShouldNotContain(Path.GetFileName(recent));
        var run = await app.RunCliAsync("cleanup");
        run.ExitCode.ShouldBe(0, run.Error);
        File.Exists(old).ShouldBeFalse();
        File.Exists(recent).ShouldBeTrue();
    }

    [Fact]
    public async Task The_janitor_removes_answers_older_than_the_retention_once_an_hour()
    {
        var clock = new FakeClock();
        await using var app = await StoryloomApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Storyloom:Jobs:AnswerRetention"] = "2.00:00:00" },
            clock.Register);
        var old = Answer(app.DataDirectory, 700, DateTime.UtcNow.AddDays(-3));
        var fresh = Answer(app.DataDirectory, 300, DateTime.UtcNow.AddHours(-1));

        // The janitor first looks at the answers an hour after start-up.
        clock.Advance(TimeSpan.FromMinutes(61));
        for (var waited = 0; File.Exists(old) && waited < 200; waited++)
        {
            await Task.Delay(100, Ct);
        }
        File.Exists(old).ShouldBeFalse("an answer stored three days ago outlived a retention of two");
        File.Exists(fresh).ShouldBeTrue();
    }

    /// <summary>An answer file as <c>StoredAnswers</c> keeps it in the data folder, written at <paramref name="at"/>.</summary>
    private static string Answer(string data, int bytes, DateTime at)
    {
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return CleanupCommandTests.FileOf(data, bytes, at, "ai-answers", hash[..2], hash);
    }
}
