using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;

namespace Storyloom.Server.Hosting;

/// <summary>A create request answered once per key: the stored answer is replayed for the same key and body.</summary>
public sealed class IdempotentRequest
{
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    /// <summary>Null while the first request with this key is still being handled.</summary>
    public int? Status { get; set; }
    public string? Body { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// <c>Idempotency-Key</c> on a POST that creates something: the first request with a key is handled and its successful answer
/// kept for a day; the same key with the same body gets that answer again (<c>Idempotent-Replayed: true</c>), so a client
/// that retries after a lost answer (or a double click) makes one book, not two. The same key with another body is a 422;
/// while the first request is still running, a 409. Keys are per user, 1 to 200 visible ASCII characters.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter(Filter)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values) || http.User.Identity?.IsAuthenticated != true) return await next(context);
        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(c => c is < '!' or > '~'))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Idempotency-Key",
                detail: "the Idempotency-Key header must be 1 to 200 visible ASCII characters, e.g. a UUID made for this one action");
        }
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = RequestHash(http, context.Arguments, json);
        var db = http.RequestServices.GetRequiredService<StoryloomDb>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var user = http.User.Id();
        var ct = http.RequestAborted;

        var seen = await db.Set<IdempotentRequest>().FirstOrDefaultAsync(r => r.UserId == user && r.Key == key, ct);
        if (seen is not null && seen.CreatedAt < time.UtcNow() - KeptFor)
        {
            db.Remove(seen);
            await db.SaveChangesAsync(ct);
            seen = null;
        }
        if (seen is not null) return Replay(http, seen, hash);
        var mine = new IdempotentRequest { UserId = user, Key = key, RequestHash = hash, CreatedAt = time.UtcNow() };
        db.Add(mine);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request with this key got there first.
            db.Entry(mine).State = EntityState.Detached;
            var other = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == user && r.Key == key, ct);
            return other is null ? InProgress() : Replay(http, other, hash);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ForgetAsync(db, user, key);
            throw;
        }
        // Results<Created<T>, ValidationProblem> wraps the answer it chose.
        var answer = result;
        while (answer is INestedHttpResult nested) answer = nested.Result;
        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ok)
        {
            mine.Status = ok.StatusCode;
            mine.Body = answer is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json) : null;
            mine.Location = answer.GetType().GetProperty("Location")?.GetValue(answer) as string;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            // A refused request made nothing: the same key may be sent again once the request is fixed.
            await ForgetAsync(db, user, key);
        }
        return result;
    }

    private static object Replay(HttpContext http, IdempotentRequest seen, string hash)
    {
        if (seen.RequestHash != hash)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "this Idempotency-Key was already used for a different request; send a new key for a new action");
        }
        if (seen.Status is not { } status) return InProgress();
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (seen.Location is not null) http.Response.Headers.Location = seen.Location;
        return seen.Body is null ? TypedResults.StatusCode(status) : TypedResults.Text(seen.Body, "application/json; charset=utf-8", statusCode: status);
    }

    private static IResult InProgress() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Request in progress",
        detail: "a request with this Idempotency-Key is still being handled; wait a moment and send it again to get its answer");

    private static async Task ForgetAsync(StoryloomDb db, Guid user, string key) =>
        await db.Set<IdempotentRequest>().Where(r => r.UserId == user && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>The method, the path (with its route values) and the bound JSON body: what "the same request" means.</summary>
    private static string RequestHash(HttpContext http, IList<object?> arguments, JsonSerializerOptions json)
    {
        var sb = new StringBuilder().Append(http.Request.Method).Append(' ').Append(http.Request.Path.Value);
        var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        foreach (var body in arguments.Where(a => a is not null && bodyType is not null && a.GetType() == bodyType))
            sb.Append('\n').Append(JsonSerializer.Serialize(body, bodyType!, json));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
