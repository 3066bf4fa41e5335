using System.ComponentModel;
using System.Diagnostics;

namespace Storyloom.Print.Tools;

/// <summary>A command-line tool (pdfinfo, qpdf …) is not installed.</summary>
public sealed class ExternalToolMissingException(string tool, string package, Exception inner)
    : ExternalToolException($"'{tool}' was not found on PATH; install the Debian package '{package}' (./storyloom demo installs it, or apt-get install {package})", inner)
{
    public string Tool { get; } = tool;
    public string Package { get; } = package;
}

/// <summary>A tool ran but failed, timed out or produced nothing usable; the message says what to install or fix.</summary>
public class ExternalToolException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A tool wrote more than it was allowed to (a PDF whose streams inflate far beyond their size); it was stopped.</summary>
public sealed class ExternalToolOutputTooLargeException(string tool, long max)
    : ExternalToolException($"{tool} wrote more than {max / (1024 * 1024)} MB; the file decompresses to more than the limit")
{
    public long Max { get; } = max;
}

public sealed record ToolResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);
}

/// <summary>Runs poppler-utils / qpdf without a shell: argument lists, async stream reading, a timeout.</summary>
public static class ExternalTool
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static string PackageOf(string tool) => tool switch
    {
        "qpdf" => "qpdf",
        "chromium" => "chromium",
        "epubcheck" => "epubcheck",
        "espeak-ng" => "espeak-ng",
        "lame" => "lame",
        "java" => "epubcheck",
        _ => "poppler-utils",
    };

    public static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> args, CancellationToken ct, TimeSpan? timeout = null, long? maxStdoutBytes = null)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExternalToolMissingException(tool, PackageOf(tool), e);
        }

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout ?? DefaultTimeout);
        using var stdout = new MemoryStream();
        var overflow = false;
        var stdoutTask = CopyCappedAsync(process.StandardOutput.BaseStream, stdout, maxStdoutBytes ?? long.MaxValue, () =>
        {
            overflow = true;
            timeoutCts.Cancel();
        }, timeoutCts.Token);
        var stderrTask = process.StandardError.ReadToEndAsync(timeoutCts.Token);
        try
        {
            await Task.WhenAll(stdoutTask, stderrTask, process.WaitForExitAsync(timeoutCts.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }
            ct.ThrowIfCancellationRequested();
            if (overflow)
            {
                throw new ExternalToolOutputTooLargeException(tool, maxStdoutBytes!.Value);
            }
            throw new ExternalToolException($"{tool} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds:0} s");
        }
        return new ToolResult(process.ExitCode, stdout.ToArray(), await stderrTask.ConfigureAwait(false));
    }

    /// <summary>Runs the tool and throws <see cref="ExternalToolException"/> on a non-zero exit code (qpdf's 3 = warnings is accepted).</summary>
    /// <summary>Copies a tool's output, stopping (and calling <paramref name="over"/>) once it passes <paramref name="max"/> bytes.</summary>
    private static async Task CopyCappedAsync(Stream source, MemoryStream target, long max, Action over, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int n;
        while ((n = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (target.Length + n > max)
            {
                over();
                ct.ThrowIfCancellationRequested();
                return;
            }
            await target.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
        }
    }

    public static async Task<ToolResult> RunCheckedAsync(string tool, IEnumerable<string> args, CancellationToken ct, TimeSpan? timeout = null, long? maxStdoutBytes = null)
    {
        var argList = args.ToList();
        var result = await RunAsync(tool, argList, ct, timeout, maxStdoutBytes).ConfigureAwait(false);
        var ok = result.ExitCode == 0 || (tool == "qpdf" && result.ExitCode == 3);
        if (!ok)
        {
            var err = result.Stderr.Trim();
            throw new ExternalToolException($"{tool} {string.Join(' ', argList)} failed with exit code {result.ExitCode}: {(err.Length > 400 ? err[..400] : err)}");
        }
        return result;
    }
}
