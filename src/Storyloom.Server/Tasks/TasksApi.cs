using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

/// <summary>Generation tasks: start, watch (JSON or Server-Sent Events), cancel and retry; owner or admin only, 404 for anyone else.</summary>
internal static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        api.MapPost("/books/{id:guid}/generate", GenerateBook.Handle).WithTags("Tasks").RequireAuthorization().WithName("GenerateBook")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Make the whole book from its brief: story, safety, pictures, layout, preflight, package (202 with the task)");
        api.MapPost("/books/{id:guid}/rebuild", GenerateBook.Rebuild).WithTags("Tasks").RequireAuthorization().WithName("RebuildBook")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Print the PDFs again after editing pages: the saved pictures are reused (202 with the task)");
        api.MapPost("/books/{id:guid}/pages/{number:int}/regenerate-text", RegenerateText.Handle).WithTags("Tasks").RequireAuthorization()
            .WithName("RegeneratePageText").ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("New words for one story page in keeping with the story (same plot place and reading level); 202 with the task");
        api.MapPost("/books/{id:guid}/pages/{number:int}/regenerate-picture", RegeneratePicture.ForPage).WithTags("Tasks").RequireAuthorization()
            .WithName("RegeneratePagePicture").WithJsonBodyErrors().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Draw 1–4 new pictures for a page (body optional: {\"count\": 3}); earlier ones are kept; 202 with the task");
        api.MapPost("/books/{id:guid}/cover/regenerate", RegeneratePicture.ForCover).WithTags("Tasks").RequireAuthorization()
            .WithName("RegenerateCover").WithJsonBodyErrors().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Draw 1–4 new cover pictures (body optional: {\"count\": 3}); earlier ones are kept; 202 with the task");
        api.MapPost("/series", GenerateBook.Series).WithTags("Tasks").RequireAuthorization().WithName("GenerateSeries").WithJsonBodyErrors().WithIdempotency()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Make N books like one of yours, each with its own seed (and theme), one task each");

        var tasks = api.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        tasks.MapGet("/", List).WithName("ListTasks").WithSummary("Your tasks, newest first");
        tasks.MapGet("/{id:guid}", Get).WithName("GetTask").WithSummary("A task with its steps, timings and any error");
        tasks.MapGet("/{id:guid}/events", TaskEventsStream.Handle).WithName("TaskEvents")
            .WithSummary("Live progress as Server-Sent Events; send Last-Event-ID to resume; the stream ends when the task does")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        tasks.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelTask").WithSummary("Stop a task; a running one stops after its current step");
        tasks.MapPost("/{id:guid}/retry", Retry).WithName("RetryTask").WithSummary("Run a failed or cancelled task again from the step that did not finish");
        return api;
    }

    public static async Task<GenerationTask?> FindVisibleTaskAsync(this StoryloomDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var task = await db.GenerationTasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        return task is not null && user.CanSee(task.OwnerId) ? task : null;
    }

    private static async Task<Results<Ok<TaskDto>, NotFound>> Get(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        var task = await db.FindVisibleTaskAsync(user, id, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        var steps = await db.TaskSteps.AsNoTracking().Where(s => s.TaskId == id).ToListAsync(ct);
        return TypedResults.Ok(task.AsDto(steps));
    }

    private static async Task<Results<Ok<PagedList<TaskDto>>, ValidationProblem>> List(
        ClaimsPrincipal user, StoryloomDb db, CancellationToken ct,
        [Description("1-based page number")] int page = 1,
        [Description("At most 100")] int pageSize = 20,
        [Description("queued | running | succeeded | failed | cancelled")] string? status = null,
        [Description("Only the tasks of this book")] Guid? bookId = null,
        [Description("Admins: every user's tasks")] bool all = false)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = [$"page is {page}; pages start at 1"];
        }
        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = [$"pageSize is {pageSize}; ask for 1 to 100 tasks a page"];
        }
        if (status is not null && !TaskStatuses.All.Contains(status))
        {
            errors["status"] = [$"unknown status '{status}'; use {string.Join(", ", TaskStatuses.All)}"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = user.Id();
        var query = all && user.IsAdmin() ? db.GenerationTasks.AsNoTracking() : db.GenerationTasks.AsNoTracking().Where(t => t.OwnerId == userId);
        query = status is null ? query : query.Where(t => t.Status == status);
        query = bookId is null ? query : query.Where(t => t.BookId == bookId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<TaskDto>(items.Select(t => t.AsDto()).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Accepted<TaskDto>, NotFound, ProblemHttpResult>> Cancel(
        Guid id, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var task = await db.FindVisibleTaskAsync(user, id, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        if (await TaskControl.CancelAsync(db, task, time.UtcNow(), ct) is { } refused)
        {
            return refused;
        }
        return TypedResults.Accepted($"/api/v1/tasks/{id}", task.AsDto());
    }

    private static async Task<Results<Accepted<TaskDto>, NotFound, ProblemHttpResult>> Retry(
        Guid id, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options, CancellationToken ct)
    {
        var task = await db.FindVisibleTaskAsync(user, id, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        if (await TaskControl.RetryAsync(db, queue, options, task, ct) is { } refused)
        {
            return refused;
        }
        return TypedResults.Accepted($"/api/v1/tasks/{id}", task.AsDto());
    }

    internal static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
