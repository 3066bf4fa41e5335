namespace Storyloom.Server.Hosting;

/// <summary>Whether a data folder can be written (a file is written and removed) and how much room is left; shared by /health/ready and `storyloom doctor`.</summary>
public sealed record StorageProbe(string Folder, long FreeBytes, string? Problem)
{
    public string Detail => $"{Folder} writable, {FreeBytes / (double)(1L << 30):0.0} GiB free";

    public static StorageProbe Check(string folder)
    {
        var full = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new StorageProbe(full, new DriveInfo(full).AvailableFreeSpace, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StorageProbe(full, 0, $"cannot write to {full}: {e.Message}");
        }
    }
}
