using Storyloom.Server.Assets;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Storage;

public static class StorageSetup
{
    /// <summary>The configured store (a folder by default, a bucket with Provider=s3) and the two views on it: assets and book files.</summary>
    public static IServiceCollection AddStoryloomStorage(this IServiceCollection services, StoryloomOptions options)
    {
        services.AddSingleton(Create(options));
        services.AddSingleton<ContentStore>();
        services.AddSingleton<BookFiles>();
        return services;
    }

    public static IFileStore Create(StoryloomOptions options) => options.Storage.IsS3
        ? new S3FileStore(options.Storage)
        : new LocalFolderStore(string.IsNullOrWhiteSpace(options.Storage.Folder) ? options.DataDirectory : options.Storage.Folder);

    /// <summary>Start-up (serve, worker): a store that cannot be used stops the process with the reason, not the first book.</summary>
    public static async Task CheckStorageAsync(IServiceProvider services, CancellationToken ct)
    {
        var probe = await services.GetRequiredService<IFileStore>().ProbeAsync(ct);
        if (probe.Problem is { } problem)
        {
            throw new StorageUnavailableException($"storage is not usable: {problem}");
        }
    }
}
