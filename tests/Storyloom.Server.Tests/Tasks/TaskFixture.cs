using Microsoft.Extensions.DependencyInjection;
using Storyloom.Core.Art;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>A server whose worker draws with a <see cref="CountingArtEngine"/>; with <paramref name="instant"/> it prints with <see cref="InstantPrinting"/>.</summary>
public abstract class TaskFixture(Db db, bool instant, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public StoryloomApp Server { get; private set; } = null!;
    public CountingArtEngine Art { get; } = new();

    public async ValueTask InitializeAsync() => Server = await StoryloomApp.StartAsync(db, settings, s =>
    {
        s.AddSingleton<IArtEngine>(Art);
        if (instant)
        {
            s.AddSingleton<IBookPrinting>(new InstantPrinting());
        }
    });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SqliteTaskApp() : TaskFixture(Db.Sqlite, instant: false);

public sealed class PostgresTaskApp() : TaskFixture(Db.Postgres, instant: false);
