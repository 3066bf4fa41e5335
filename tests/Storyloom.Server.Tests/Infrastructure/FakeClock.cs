using Microsoft.Extensions.DependencyInjection;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>A clock tests move by hand (token expiry, lockout). Starts at the real time so stored rows look normal.</summary>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    /// <summary>For <see cref="StoryloomApp.StartAsync"/>: the server then reads time from this clock.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton<TimeProvider>(this);
}
