using System.Text.Json;
using Storyloom.Server.Assets;

namespace Storyloom.Server.Files;

/// <summary>
/// One build of a book: its files live under books/{id}/v{Number}/ in the store. A deleted version keeps its row (with
/// <see cref="DeletedAt"/>) so its number is never given to another build and an old link cannot fetch different files.
/// </summary>
public sealed class BookVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BookId { get; set; }
    public int Number { get; set; }
    /// <summary>The task that built it; a re-run of that task's last step writes this version again instead of a new one.</summary>
    public Guid? TaskId { get; set; }
    /// <summary>The files of the version: [{"name":…,"size":…}].</summary>
    public required string FilesJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    /// <summary>Made by restoring that version (a copy of its files); null for a build.</summary>
    public int? RestoredFrom { get; set; }

    public IReadOnlyList<VersionFile> Files() => JsonSerializer.Deserialize<List<VersionFile>>(FilesJson, JsonSerializerOptions.Web) ?? [];

    public BookVersionDto AsDto(bool latest) => new(Number, latest, CreatedAt, TaskId, Files()
        .Select(f => new BookFileDto(f.Name, BookFiles.Known.GetValueOrDefault(f.Name, "application/octet-stream"), f.Size,
            $"/api/v1/books/{BookId}/files/{f.Name}?version={Number}"))
        .ToList(), RestoredFrom);
}

public sealed record VersionFile(string Name, long Size);

/// <summary>A file of a version, with the URL that downloads it.</summary>
public sealed record BookFileDto(string Name, string ContentType, long Size, string Url);

/// <summary>A build of a book; <c>latest</c> is the one downloads and rebuilds use unless asked otherwise.</summary>
public sealed record BookVersionDto(int Number, bool Latest, DateTime CreatedAt, Guid? TaskId, IReadOnlyList<BookFileDto> Files,
    [property: System.ComponentModel.Description("The version this one copies (POST …/versions/{n}/restore); null for a build.")] int? RestoredFrom = null);
