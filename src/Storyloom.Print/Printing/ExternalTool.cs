using System.Diagnostics;
using System.Text;

namespace Storyloom.Print.Printing;

/// <summary>Thrown when a program the print engine needs is missing or fails; the message says what to install or fix.</summary>
public sealed class ExternalToolException(string message) : Exception(message);

/// <summary>Runs qpdf, poppler tools and friends with an argument list (never a shell string).</summary>
public static class ExternalTool
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["qpdf"] = "qpdf",
        ["pdfinfo"] = "poppler-utils",
        ["pdffonts"] = "poppler-utils",
        ["pdfimages"] = "poppler-utils",
        ["pdftotext"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils",
        ["chromium"] = "chromium",
    };

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs a tool and returns its output; throws <see cref="ExternalToolException"/> when it cannot start or times out.</summary>
    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new ExternalToolException($"could not start {tool}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            var package = Packages.GetValueOrDefault(tool, tool);
            throw new ExternalToolException($"{tool} is not installed; install the Debian package '{package}' (./storyloom demo does this)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                if (ct.IsCancellationRequested)
                {
                    throw;
                }
                throw new ExternalToolException($"{tool} did not finish within {(timeout ?? TimeSpan.FromMinutes(5)).TotalSeconds:0} s");
            }
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>Like <see cref="RunAsync"/> but a non-zero exit code is an error (qpdf's 3 means "succeeded with warnings").</summary>
    public static async Task<string> RunCheckedAsync(string tool, IEnumerable<string> args, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var r = await RunAsync(tool, args, timeout, ct);
        if (r.ExitCode != 0 && !(tool == "qpdf" && r.ExitCode == 3))
        {
            var err = r.StdErr.Trim().Split('\n').FirstOrDefault() ?? "";
            throw new ExternalToolException($"{tool} failed (exit {r.ExitCode}): {err}");
        }
        return r.StdOut;
    }
}
