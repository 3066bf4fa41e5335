using Microsoft.Extensions.DependencyInjection;
using Storyloom.Cli;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Admin;

/// <summary>
/// `storyloom tasks …` in process against the data folder of an API-only test server (no worker, so a task stays where the
/// test puts it). The answers must match the API's: the CLI and the API share <see cref="TaskControl"/>.
/// </summary>
public sealed class TasksCommandTests(SqliteApiOnlyApp fixture) : IClassFixture<SqliteApiOnlyApp>
{
    private StoryloomApp App => fixture.Server;

    [Fact]
    public async Task List_filters_by_user_and_status()
    {
        var (mine, task) = await QueuedTaskAsync(App);
        var (_, theirs) = await QueuedTaskAsync(App);

        var byUser = await Storyloom("tasks", "list", "--user", mine.Email.ToUpperInvariant());
        byUser.ExitCode.ShouldBe(0, byUser.Error);
        byUser.Out.ShouldContain(task.Id.ToString());
        byUser.Out.ShouldNotContain(theirs.Id.ToString());
        byUser.Out.ShouldContain("1 task(s).");

        (await Storyloom("tasks", "list", "--status", "queued")).Out.ShouldContain(theirs.Id.ToString());
        (await Storyloom("tasks", "list", "--user", mine.Email, "--status", "failed")).Out.ShouldContain("No tasks.");
    }

    [Fact]
    public async Task Cancel_then_retry_change_the_task_as_the_api_would_and_refuse_the_wrong_state_in_one_line()
    {
        var (user, task) = await QueuedTaskAsync(App);
        using var client = App.CreateClient(user);

        var cancel = await Storyloom("tasks", "cancel", task.Id.ToString());
        cancel.ExitCode.ShouldBe(0, cancel.Error);
        cancel.Out.ShouldContain("is cancelled");
        (await client.GetTaskAsync(task.Id)).Status.ShouldBe(TaskStatuses.Cancelled);

        var again = await Storyloom("tasks", "cancel", task.Id.ToString());
        again.ExitCode.ShouldBe(ExitCodes.BadInput);
        again.Error.Trim().ShouldBe("error: the task has cancelled already; there is nothing to cancel");

        var retry = await Storyloom("tasks", "retry", task.Id.ToString());
        retry.ExitCode.ShouldBe(0, retry.Error);
        (await client.GetTaskAsync(task.Id)).Status.ShouldBe(TaskStatuses.Queued);
        var queued = await Storyloom("tasks", "retry", task.Id.ToString());
        queued.ExitCode.ShouldBe(ExitCodes.BadInput);
        queued.Error.Trim().ShouldBe("error: the task is queued; only a failed, cancelled or budget-reached task can be retried");
    }

    [Fact]
    public async Task Retry_keeps_the_owners_cap_like_the_api()
    {
        var (user, first) = await QueuedTaskAsync(App);
        using var client = App.CreateClient(user);
        (await Storyloom("tasks", "cancel", first.Id.ToString())).ExitCode.ShouldBe(0);
        // The default cap is 100 waiting or running tasks a user.
        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            db.GenerationTasks.AddRange(Enumerable.Range(0, 100).Select(_ => new GenerationTask { OwnerId = user.Id, Kind = "generate", Status = TaskStatuses.Running, CreatedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var run = await Storyloom("tasks", "retry", first.Id.ToString());
        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.Trim().ShouldBe("error: you have 100 tasks waiting or running and may have 100; wait for some to finish or cancel some, then ask again");
        (await client.GetTaskAsync(first.Id)).Status.ShouldBe(TaskStatuses.Cancelled);
    }

    [Theory]
    [InlineData("list", "--status", "lost")]
    [InlineData("list", "--user", "nobody@example.test")]
    [InlineData("cancel", "not-a-task")]
    [InlineData("retry", "0197a6d2-0000-7000-8000-000000000000")]
    public async Task Bad_input_prints_one_line_and_exits_2(params string[] args)
    {
        var run = await Storyloom(["tasks", .. args]);
        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("error:");
    }

    private static async Task<(TestUser, TaskDto)> QueuedTaskAsync(StoryloomApp app)
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient(user);
        return (user, await client.GenerateAsync((await client.CreateBookAsync()).Id));
    }

    private Task<CliRun> Storyloom(params string[] args) => App.RunCliAsync(args);
}
