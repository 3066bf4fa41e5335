using Storyloom.Ai.Network;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storyloom.Canva;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Secrets;

namespace Storyloom.Server.Canva;

internal static class CanvaSetup
{
    public const string HttpClientName = "canva";

    public static IServiceCollection AddStoryloomCanva(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SecretBox>();
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            // The guarded client: Canva's base URLs and export links are called only where the network policy allows.
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundHttp.Handler(
                sp.GetRequiredService<StoryloomOptions>().Network.Policy(), sp.GetRequiredService<StoryloomOptions>().Limits.MaxUploadBytes));
        services.AddSingleton<CanvaRefreshGates>();
        services.AddScoped<CanvaAccounts>();
        services.AddScoped<CanvaBookMaker>();
        return services;
    }
}

/// <summary>One refresh at a time per user within this process (the row's lease does it across processes).</summary>
internal sealed class CanvaRefreshGates
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    public SemaphoreSlim For(Guid userId) => _gates.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
}

/// <summary>
/// A user's Canva connection: tokens encrypted at rest with SecretBox, refreshed before they expire (one refresh at a time
/// per user across every process, since each refresh spends the refresh token), and revoked on disconnect.
/// </summary>
internal sealed class CanvaAccounts(StoryloomDb db, SecretBox box, StoryloomOptions options, TimeProvider time, IHttpClientFactory http,
    CanvaRefreshGates gates, ILogger<CanvaAccounts> log)
{

    public CanvaOptions Options => options.Canva;

    public CanvaOAuth OAuth() => new(http.CreateClient(CanvaSetup.HttpClientName), options.Canva);

    public CanvaClient ClientFor(Guid userId) => new(http.CreateClient(CanvaSetup.HttpClientName), options.Canva, new TokenSource(this, userId));

    /// <summary>A client on a token just received (before it is saved).</summary>
    public CanvaClient ClientWith(string accessToken, Guid userId) =>
        new(http.CreateClient(CanvaSetup.HttpClientName), options.Canva, new StaticTokenSource(accessToken, userId.ToString("N")));

    public Task<CanvaConnection?> FindAsync(Guid userId, CancellationToken ct) =>
        db.CanvaConnections.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct);

    public async Task<CanvaConnection> SaveAsync(Guid userId, CanvaTokens tokens, string canvaUserId, CancellationToken ct)
    {
        var now = time.UtcNow();
        var row = await db.CanvaConnections.FirstOrDefaultAsync(c => c.UserId == userId, ct);
        if (row is null)
        {
            row = new CanvaConnection { UserId = userId, CanvaUserId = canvaUserId, AccessToken = "", RefreshToken = "", Scope = "", CreatedAt = now };
            db.CanvaConnections.Add(row);
        }
        Apply(row, tokens, now);
        row.CanvaUserId = canvaUserId;
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Revokes the refresh token at Canva (which withdraws consent) and forgets the connection; true when there was one.</summary>
    public async Task<bool> DisconnectAsync(Guid userId, CancellationToken ct)
    {
        var row = await db.CanvaConnections.FirstOrDefaultAsync(c => c.UserId == userId, ct);
        if (row is null)
        {
            return false;
        }
        if (options.Canva.Configured && box.Unprotect(row.RefreshToken, RefreshPurpose(userId)) is { } refresh)
        {
            try
            {
                await OAuth().RevokeAsync(refresh, ct);
            }
            catch (CanvaException e)
            {
                // The connection goes either way; a token Canva no longer knows is as good as revoked.
                log.LogWarning("Revoking the Canva token of user {UserId} failed: {Message}", userId, e.Message);
            }
        }
        db.CanvaConnections.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>How long a refresh may hold the connection before another process may take it over.</summary>
    internal static readonly TimeSpan RefreshLease = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A token that works: the saved one, or a fresh one when it is about to expire or Canva just refused it. Each refresh
    /// spends the refresh token, so one refresh at a time per connection: within a process a semaphore, and across the
    /// API and its workers a lease on the connection's row, taken only if nobody saved new tokens since this process read
    /// them; a process that does not get the lease waits for the other's tokens.
    /// </summary>
    public async Task<string> AccessTokenAsync(Guid userId, string? rejected, CancellationToken ct)
    {
        var gate = gates.For(userId);
        await gate.WaitAsync(ct);
        try
        {
            var giveUp = time.UtcNow() + RefreshLease + RefreshLease;
            while (true)
            {
                var row = await db.CanvaConnections.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct)
                    ?? throw new CanvaException(CanvaFailure.ReconnectNeeded, 0, "not_connected", "Canva is not connected; connect it in Settings (GET /api/v1/canva/connect)");
                var access = box.Unprotect(row.AccessToken, AccessPurpose(userId));
                var now = time.UtcNow();
                if (access is not null && access != rejected && row.ExpiresAt - now > options.Canva.RefreshBefore)
                {
                    return access;
                }
                var leased = await db.CanvaConnections
                    .Where(c => c.UserId == userId && c.UpdatedAt == row.UpdatedAt && (c.RefreshLeaseUntil == null || c.RefreshLeaseUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.RefreshLeaseUntil, now + RefreshLease), ct);
                if (leased == 1)
                {
                    return await RefreshAsync(userId, row, now, ct);
                }
                if (time.UtcNow() > giveUp)
                {
                    throw new CanvaException(CanvaFailure.Transient, 0, "refresh_busy", "another Storyloom process has been refreshing the Canva connection for too long; try again in a minute");
                }
                // Another process is refreshing (or just has): its tokens will be in the row in a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>With the lease held: spend the refresh token, save the new pair and free the lease in the same write.</summary>
    private async Task<string> RefreshAsync(Guid userId, CanvaConnection row, DateTime now, CancellationToken ct)
    {
        CanvaTokens tokens;
        try
        {
            var refresh = box.Unprotect(row.RefreshToken, RefreshPurpose(userId))
                ?? throw new CanvaException(CanvaFailure.ReconnectNeeded, 0, "unreadable", "the saved Canva connection cannot be read with this server's key; connect Canva again");
            tokens = await OAuth().RefreshAsync(refresh, ct);
        }
        catch (CanvaException e) when (e.Kind == CanvaFailure.ReconnectNeeded)
        {
            await db.CanvaConnections.Where(c => c.UserId == userId).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        catch
        {
            // Anything else (a timeout, Canva down): the refresh token was not spent, so the next caller may try at once.
            await db.CanvaConnections.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RefreshLeaseUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        db.Attach(row);
        Apply(row, tokens, now);
        // The row was read before this process took the lease, so its copy already says null: mark the column written, or the
        // lease would stay in the database and hold every other refresh of this connection for its 30 s.
        row.RefreshLeaseUntil = null;
        db.Entry(row).Property(c => c.RefreshLeaseUntil).IsModified = true;
        await db.SaveChangesAsync(CancellationToken.None);
        db.Entry(row).State = EntityState.Detached;
        return tokens.AccessToken;
    }

    private void Apply(CanvaConnection row, CanvaTokens tokens, DateTime now)
    {
        row.AccessToken = box.Protect(tokens.AccessToken, AccessPurpose(row.UserId));
        row.RefreshToken = box.Protect(tokens.RefreshToken, RefreshPurpose(row.UserId));
        row.Scope = tokens.Scope ?? string.Join(' ', options.Canva.Scopes);
        row.ExpiresAt = now.AddSeconds(tokens.ExpiresIn);
        row.UpdatedAt = now;
    }

    private static string AccessPurpose(Guid userId) => $"canva-access:{userId:N}";

    private static string RefreshPurpose(Guid userId) => $"canva-refresh:{userId:N}";

    public static string VerifierPurpose(string state) => $"canva-verifier:{state}";

    private sealed class TokenSource(CanvaAccounts accounts, Guid userId) : ICanvaTokenSource
    {
        public string UserKey => userId.ToString("N");

        public Task<string> AccessTokenAsync(string? rejected, CancellationToken ct) => accounts.AccessTokenAsync(userId, rejected, ct);
    }
}
