namespace Storyloom.Server.Assets;

/// <summary>A stored file (picture, PDF, listing), content-addressed by its SHA-256.</summary>
public sealed class Asset
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public Guid? BookId { get; set; }
    public required string Kind { get; set; }
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>Path of the file inside the asset store.</summary>
    public required string StoragePath { get; set; }
    public DateTime CreatedAt { get; set; }
}
