using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Storyloom.Core.Art;
using Storyloom.Core.Story;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

public static class TaskSetup
{
    /// <summary>
    /// Quartz.NET with its persistent store on the server's own database (tables from migration 0003): SQLite by default,
    /// clustered on PostgreSQL so any number of `storyloom worker` processes share the queue and recover a dead one's books.
    /// </summary>
    public static IServiceCollection AddStoryloomJobs(this IServiceCollection services, StoryloomOptions options)
    {
        var jobs = options.Jobs;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStoryEngine>(new OfflineStoryEngine());
        services.TryAddSingleton<IArtEngine>(new OfflineArtEngine());
        services.AddSingleton<PrinterHost>();
        services.AddSingleton<EbookMaker>();
        services.TryAddSingleton<IBookPrinting, ChromiumBookPrinting>();
        services.AddScoped<TaskQueue>();
        // API nodes stream events too, so the listener runs with or without a worker.
        services.AddSingleton<TaskEventSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskEventSignals>());
        services.AddScoped(sp =>
        {
            var art = sp.GetRequiredService<IArtEngine>();
            if (jobs.SimulatedArtLatency > TimeSpan.Zero || !string.IsNullOrEmpty(jobs.ArtCallLog))
            {
                art = new ObservedArtEngine(art, jobs);
            }
            return ActivatorUtilities.CreateInstance<TaskRunner>(sp, art);
        });
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "storyloom";
                s.GenerateInstanceId = true;
                // Another process (an API node, another worker) may add a task: look for new work every second, not every 30.
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
                // Stopping interrupts the running steps; each saves what it finished and the task waits for the next worker.
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseDefaultThreadPool(jobs.Concurrency);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.TablePrefix = "QRTZ_";
                });
                if (options.Database.IsPostgres)
                {
                    store.UsePostgres(options.Database.ConnectionString!);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = jobs.CheckinInterval;
                        c.CheckinMisfireThreshold = jobs.CheckinInterval;
                    });
                }
                else
                {
                    store.UseSqlite(DataSetup.SqliteConnectionString(options));
                }
            });
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = jobs.RunWorker;
        });
        if (jobs.RunWorker)
        {
            services.AddHostedService<TaskJanitor>();
        }
        return services;
    }
}
