using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Preflight;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Security;

/// <summary>Point 2 of the security issue: an uploaded PDF cannot exhaust the server or make it answer 500.</summary>
public abstract class PreflightLimitsTests(AppFixture fixture) : ApiTests(fixture)
{
    /// <summary>A one-page PDF whose content stream is <paramref name="inflated"/> bytes of spaces, deflated (about 0.1 % of that).</summary>
    public static byte[] Bomb(int inflated)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (var left = inflated; left > 0; left -= chunk.Length) z.Write(chunk, 0, Math.Min(chunk.Length, left));
        }
        return Pdf("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", packed.ToArray());
    }

    /// <summary>A PDF whose page tree lists itself among its kids.</summary>
    public static byte[] SelfReferentialPageTree() => Pdf("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", Encoding.ASCII.GetBytes("0 0 m 10 10 l S"));

    private static byte[] Pdf(string pages, byte[] content)
    {
        var filter = content.Length > 0 && content[0] == 0x78 ? " /Filter /FlateDecode" : "";
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes(pages),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 612] /Contents 4 0 R >>"),
            Encoding.ASCII.GetBytes($"<< /Length {content.Length}{filter} >>\nstream\n").Concat(content).Concat(Encoding.ASCII.GetBytes("\nendstream")).ToArray(),
        };
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) table.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        table.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] interior)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(interior);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "interior", "book.pdf");
        form.Add(new StringContent("8.5x8.5"), "trim");
        form.Add(new StringContent("bw"), "ink");
        form.Add(new StringContent("false"), "bleed");
        form.Add(new StringContent("24"), "pageCount");
        return form;
    }

    [Fact]
    public async Task A_small_pdf_that_inflates_to_100_MB_is_refused_as_damaged_without_being_held_in_memory()
    {
        var (_, client) = await SignedInAsync();
        var bomb = Bomb(100 << 20);
        bomb.Length.ShouldBeLessThan(400 << 10);

        var problem = await (await client.PostAsync("/api/v1/preflight", Form(bomb), Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldContain("decompresses to more than 64 MB");
    }

    [Fact]
    public async Task A_page_tree_that_refers_to_itself_is_a_400_that_says_the_file_is_damaged()
    {
        var (_, client) = await SignedInAsync();
        var response = await client.PostAsync("/api/v1/preflight", Form(SelfReferentialPageTree()), Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.GetRawText().ShouldContain("PDF", Case.Sensitive);
        problem.GetRawText().ShouldNotContain("/tmp/");
    }

    [Fact]
    public async Task With_every_slot_busy_an_upload_gets_503_with_retry_after()
    {
        var (_, client) = await SignedInAsync();
        var gate = App.App.Services.GetRequiredService<PreflightGate>();
        var held = 0;
        while (gate.Slots.Wait(0, Ct)) held++;
        try
        {
            var response = await client.PostAsync("/api/v1/preflight", Form(SelfReferentialPageTree()), Ct);
            await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            gate.Slots.Release(held);
        }
    }
}

/// <summary>A server that waits little for a slot, so the busy test answers at once.</summary>
public abstract class PreflightLimitsApp(Db db) : AppFixture(db, new Dictionary<string, string?>
{
    ["Storyloom:Limits:PreflightQueueWait"] = "00:00:00.200",
});

public sealed class SqlitePreflightLimitsApp() : PreflightLimitsApp(Db.Sqlite);

public sealed class PostgresPreflightLimitsApp() : PreflightLimitsApp(Db.Postgres);

public sealed class SqlitePreflightLimitsTests(SqlitePreflightLimitsApp app) : PreflightLimitsTests(app), IClassFixture<SqlitePreflightLimitsApp>;

public sealed class PostgresPreflightLimitsTests(PostgresPreflightLimitsApp app) : PreflightLimitsTests(app), IClassFixture<PostgresPreflightLimitsApp>;
