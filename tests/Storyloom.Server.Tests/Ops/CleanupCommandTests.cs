using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Cli;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Ops;

/// <summary>`storyloom cleanup` on a data folder seeded with every kind of file it must keep and every kind it must remove.</summary>
public sealed class CleanupCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Old = DateTime.UtcNow.AddDays(-10);

    [Fact]
    public async Task Dry_run_lists_old_temporary_files_and_abandoned_assets_with_the_bytes_then_cleanup_removes_exactly_those()
    {
        await using var app = await StoryloomApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        var data = app.DataDirectory;
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient(user);
        var book = await client.CreateBookAsync();
        await client.PostAsync($"/api/v1/books/{book.Id}/manuscript", null, Ct);
        var character = await client.CreateCharacterAsync("Pip", "fox");
        var task = await client.GenerateAsync(book.Id);

        // Kept: referenced by a task step, a page, a character, a book; or too new; or a waiting task's scratch folder.
        var (byStep, byPage, byCharacter, byBook, fresh) = (Asset(data, 100), Asset(data, 200), Asset(data, 300), Asset(data, 400), Asset(data, 500, DateTime.UtcNow.AddSeconds(-5)));
        var waitingWork = Folder(data, "work", task.Id.ToString("N"));
        var freshTmp = FileOf(data, 10, DateTime.UtcNow.AddSeconds(-5), "books", "x", "current", "interior.pdf.1.tmp");
        // Removed: an asset nobody refers to (one whose row nothing refers to), an unknown task's folder, an old .tmp.
        var (orphan, orphanRow) = (Asset(data, 1024), Asset(data, 2048));
        var deadWork = Folder(data, "work", Guid.NewGuid().ToString("N"), 3072);
        var oldTmp = FileOf(data, 4096, Old, "books", "x", "current", "cover.pdf.2.tmp");

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            db.TaskSteps.Add(new TaskStep { TaskId = task.Id, Name = "story", Status = "done", OutputJson = $"{{\"manuscript.json\":\"{byStep}\"}}", StartedAt = Old });
            var (pageRow, characterRow, bookRow, deadRow) = (Row(user.Id, null, byPage), Row(user.Id, null, byCharacter), Row(user.Id, book.Id, byBook), Row(user.Id, null, orphanRow));
            db.Assets.AddRange(pageRow, characterRow, bookRow, deadRow);
            await db.SaveChangesAsync(Ct);
            await db.Pages.Where(p => p.BookId == book.Id && p.Number == 3).ExecuteUpdateAsync(s => s.SetProperty(p => p.ImageAssetId, pageRow.Id), Ct);
            await db.Characters.Where(c => c.Id == character.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ChosenImageAssetId, characterRow.Id), Ct);
        }

        var dry = await app.RunCliAsync("cleanup", "--dry-run");
        dry.ExitCode.ShouldBe(0, dry.Error);
        dry.Out.ShouldContain("Would free 10.0 KB (10240 bytes) in 4 item(s); dry run, nothing was deleted.");
        foreach (var gone in new[] { orphan, orphanRow })
        {
            dry.Out.ShouldContain(gone);
        }
        dry.Out.ShouldContain(Path.GetRelativePath(data, deadWork));
        dry.Out.ShouldContain(Path.GetRelativePath(data, oldTmp));
        File.Exists(oldTmp).ShouldBeTrue("a dry run deletes nothing");
        Directory.Exists(deadWork).ShouldBeTrue();

        var run = await app.RunCliAsync("cleanup");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Freed 10.0 KB (10240 bytes) in 4 item(s).");
        new[] { orphan, orphanRow }.Where(sha => File.Exists(Path.Combine(data, "assets", sha[..2], sha))).ShouldBeEmpty();
        new[] { byStep, byPage, byCharacter, byBook, fresh }.Where(sha => !File.Exists(Path.Combine(data, "assets", sha[..2], sha))).ShouldBeEmpty();
        Directory.Exists(deadWork).ShouldBeFalse();
        File.Exists(oldTmp).ShouldBeFalse();
        Directory.Exists(waitingWork).ShouldBeTrue("a waiting task resumes from its scratch folder");
        File.Exists(freshTmp).ShouldBeTrue();
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<StoryloomDb>().Assets.Select(a => a.Sha256).ToListAsync(Ct))
                .ShouldBe([byPage, byCharacter, byBook], ignoreOrder: true);
        }

        // Five seconds old: kept by the default week, taken by a cut-off of two seconds.
        (await app.RunCliAsync("cleanup", "--older-than", "2s")).Out.ShouldContain("Freed 510 B (510 bytes) in 2 item(s).");
        (await app.RunCliAsync("cleanup", "--older-than", "week")).ExitCode.ShouldBe(ExitCodes.BadInput);
    }

    private static Asset Row(Guid owner, Guid? book, string sha) =>
        new() { OwnerId = owner, BookId = book, Kind = "picture", Sha256 = sha, ContentType = "image/svg+xml", StoragePath = sha, CreatedAt = Old };

    /// <summary>A content-addressed file of <paramref name="bytes"/> bytes, written at <paramref name="at"/> (10 days ago by default).</summary>
    private static string Asset(string data, int bytes, DateTime? at = null)
    {
        var sha = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        FileOf(data, bytes, at ?? Old, "assets", sha[..2], sha);
        return sha;
    }

    private static string Folder(string data, string parent, string name, int bytes = 10)
    {
        var folder = Path.Combine(data, parent, name);
        FileOf(data, bytes, Old, parent, name, "manuscript.json");
        Directory.SetLastWriteTimeUtc(folder, Old);
        return folder;
    }

    /// <summary>A file of <paramref name="bytes"/> zero bytes at DATA/PARTS…, last written at <paramref name="at"/>.</summary>
    internal static string FileOf(string data, int bytes, DateTime at, params string[] parts)
    {
        var path = Path.Combine([data, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, at);
        return path;
    }
}
