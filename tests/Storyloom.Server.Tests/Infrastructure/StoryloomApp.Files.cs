using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Files;

namespace Storyloom.Server.Tests.Infrastructure;

public sealed partial class StoryloomApp
{
    /// <summary>A finished build without the job engine: a new version of the book holding these files, in the server's store.</summary>
    public async Task<BookVersion> PublishBuildAsync(Guid bookId, params (string Name, byte[] Bytes)[] files)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await BookVersions.PublishAsync(scope.ServiceProvider.GetRequiredService<StoryloomDb>(), App.Services.GetRequiredService<BookFiles>(),
            TimeProvider.System, bookId, null, [.. files.Select(f => (f.Name, (Stream)new MemoryStream(f.Bytes)))], TestContext.Current.CancellationToken);
    }
}
