using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Accounts;

/// <summary>
/// Sees security changes made outside this process (<c>storyloom users disable</c>, another server of a cluster) and drops
/// the cached user and API-key checks, so a disabled account or a revoked key stops working within a second or two instead
/// of when the cache expires. Every such change moves <see cref="User.TokensValidAfter"/> or sets <see cref="ApiKey.RevokedAt"/>,
/// so one small query per interval finds it; the requests themselves still cost no query.
/// </summary>
internal sealed class RevocationWatcher(
    IServiceScopeFactory scopes, UserGate gate, ApiKeyCache keys, StoryloomOptions options, ILogger<RevocationWatcher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (DateTime?, DateTime?)? seen = null;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Auth.RevocationCheckInterval, stoppingToken);
                var now = await LatestChangesAsync(stoppingToken);
                // The first look also clears: an entry cached before it may predate a change it cannot compare against.
                if (now != seen)
                {
                    gate.ForgetAll();
                    keys.ForgetAll();
                    seen = now;
                }
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!failing)
            {
                // Once per outage: cached checks then fall back to their 15-second lifetime.
                failing = true;
                log.LogWarning("Cannot check for revoked accounts and API keys ({Reason}); changes made outside this server take up to {Seconds} s to apply",
                    e.Message, UserGate.Lifetime.TotalSeconds);
            }
            catch (Exception)
            {
                // Still failing; already reported.
            }
        }
    }

    private async Task<(DateTime?, DateTime?)> LatestChangesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var users = await db.Users.MaxAsync(u => (DateTime?)u.TokensValidAfter, ct);
        var apiKeys = await db.ApiKeys.MaxAsync(k => k.RevokedAt, ct);
        return (users, apiKeys);
    }
}
