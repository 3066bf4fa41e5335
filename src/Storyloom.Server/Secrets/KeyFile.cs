using System.Security.Cryptography;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Secrets;

/// <summary>A key from configuration (base64) or, failing that, one made once and kept in a file only its owner can read.</summary>
internal static class KeyFile
{
    public static byte[] Load(string? configured, string path, string settingName, int newKeyBytes)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new ConfigurationProblemException([$"{settingName} must be base64"]);
            }
        }
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = RandomNumberGenerator.GetBytes(newKeyBytes);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            File.Move(tmp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            File.Delete(tmp);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        return bytes;
    }
}
