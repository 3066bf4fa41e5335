using System.Diagnostics;
using Microsoft.Playwright;
using Storyloom.Fakes.Canva;
using Storyloom.Tests.Shared;

namespace Storyloom.Web.Tests;

/// <summary>Canva as a new user tries it: connect from Settings, a brand template for the cover in the wizard, the book downloaded.</summary>
public sealed partial class WorkflowTests
{
    [Fact]
    public async Task Connect_Canva_in_settings_choose_a_brand_template_for_the_cover_make_the_book_and_download_it()
    {
        server.Canva.Faults = new FakeCanvaFaults();
        var page = await server.NewPageAsync();
        var email = await SignUpAsync(page, "Cleo Canva");

        // Settings: not connected, then Canva's consent page (the fake approves at once) brings the browser back connected.
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        (await page.GetByTestId("canva-status").TextContentAsync())!.ShouldStartWith("Not connected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect Canva" }).ClickAsync();
        await AtAsync(page, "/settings\\?canva=connected");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Canva is connected." }).WaitForAsync();
        (await page.GetByTestId("canva-plan").TextContentAsync())!.ShouldContain("brand templates and autofill");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Canva" }).ScrollIntoViewIfNeededAsync();
        await Shot(page, "settings-canva");
        server.Canva.Journal.ShouldContain(c => c.Path == "/rest/v1/oauth/token" && c.Status == 200);

        // The wizard gains a Design step: the cover through a brand template, its fields filled as suggested.
        await page.GotoAsync("/books/new");
        await page.GetByLabel("Title").FillAsync("Cleo Paints the Sky");
        await page.GetByLabel("Author").FillAsync("Cleo Canva");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }
        await page.GetByText("Design with Canva (optional)").WaitForAsync();
        var cover = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Cover design" });
        await cover.GetByRole(AriaRole.Radio, new() { Name = "Picture book cover, bold title" }).CheckAsync();
        var mapping = page.GetByTestId("canva-mapping-cover");
        (await mapping.GetByLabel("book_title").InputValueAsync()).ShouldBe("title");
        (await mapping.GetByLabel("cover_picture").InputValueAsync()).ShouldBe("cover-picture");
        (await mapping.GetByLabel("author_name").InputValueAsync()).ShouldBe("author");
        await Shot(page, "new-book-canva", fullPage: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByText("Canva: Picture book cover, bold title").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and make the book" }).ClickAsync();
        await AtAsync(page, "/books/[0-9a-f-]{36}");
        var bookId = Guid.Parse(BookIdPattern().Match(page.Url).Groups[1].Value);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your book is ready" }).WaitForAsync(new() { Timeout = 240_000 });
        (await page.GetByTestId("canva-cover").TextContentAsync()).ShouldBe("Canva: Picture book cover, bold title");
        await Shot(page, "book-canva", fullPage: true);
        server.Canva.Journal.ShouldContain(c => c.Method == "POST" && c.Path == "/rest/v1/autofills" && c.Status < 400);
        server.Canva.Journal.ShouldContain(c => c.Method == "POST" && c.Path == "/rest/v1/exports" && c.Status < 400);

        // The downloaded cover has the Canva design on its front, on KDP's wrap-cover page; the interior is Storyloom's own.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Cover PDF" }).ClickAsync());
        var coverPdf = Path.Combine(server.DataDirectory, $"canva-cover-{bookId:N}.pdf");
        await download.SaveAsAsync(coverPdf);
        var coverBoxes = await PdfBoxes.ReadAsync(coverPdf);
        coverBoxes.Count.ShouldBe(1);
        (coverBoxes[0].Trim.Width / 72).ShouldBe(2 * 8.5 + 32 * 0.002347, 0.01, "back, spine and front of an 8.5 in book of 32 premium-color pages");
        // The fake template is a picture over a deep blue band with the title: it makes the front, about an eighth of the wrap.
        (await ShareOfColourAsync(coverPdf, 0x2E, 0x5A, 0x88)).ShouldBeGreaterThan(0.08, "the template's blue band is on the front");
        download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Interior PDF" }).ClickAsync());
        var interiorPdf = Path.Combine(server.DataDirectory, $"canva-interior-{bookId:N}.pdf");
        await download.SaveAsAsync(interiorPdf);
        (await PdfBoxes.ReadAsync(interiorPdf)).Count.ShouldBe(32);

        // Out of autofills: the run stops with Canva's words and a link to upgrade.
        server.Canva.Faults = new FakeCanvaFaults { QuotaExceeded = true };
        await page.GetByRole(AriaRole.Button, new() { Name = "Write a new story…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, write a new story" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stopped: failed" }).WaitForAsync(new() { Timeout = 240_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = FakeCanvaServer.UpsellUrl }).First.WaitForAsync();
        await Shot(page, "book-canva-quota");
        server.Canva.Faults = new FakeCanvaFaults();

        // The new screens at phone width, in a session of their own (sharing the desktop's would spend its refresh token).
        var phone = await server.NewPageAsync(390, 844);
        await phone.GotoAsync("/signin?next=%2Fsettings");
        await phone.GetByLabel("Email").FillAsync(email);
        await phone.GetByLabel("Password").FillAsync("a long enough password");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AtAsync(phone, "/settings");
        await phone.GetByTestId("canva-plan").WaitForAsync();
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Canva" }).ScrollIntoViewIfNeededAsync();
        await Shot(phone, "phone-settings-canva");
        await phone.GotoAsync("/books/new");
        await phone.GetByLabel("Title").FillAsync("Cleo on a Phone");
        for (var i = 0; i < 5; i++)
        {
            await phone.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }
        await phone.GetByRole(AriaRole.Radiogroup, new() { Name = "Cover design" }).GetByRole(AriaRole.Radio, new() { Name = "Picture book cover, bold title" }).CheckAsync();
        await phone.GetByTestId("canva-mapping-cover").WaitForAsync();
        await Shot(phone, "phone-new-book-canva", fullPage: true);
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the Design step scrolls sideways on a phone");

        // Disconnect: the tokens are revoked at Canva and the wizard loses its Design step.
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect Canva" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Canva is disconnected." }).WaitForAsync();
        server.Canva.Journal.ShouldContain(c => c.Path == "/rest/v1/oauth/revoke" && c.Status == 200);
        NoAxeViolations();
    }

    private static async Task<string> SignUpAsync(IPage page, string name)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/signup");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long enough password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {name}" }).WaitForAsync();
        return email;
    }

    /// <summary>The share of a PDF's first page (rendered small by pdftoppm) within a few steps of one colour.</summary>
    private static async Task<double> ShareOfColourAsync(string pdf, int r, int g, int b)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "10", "-f", "1", "-l", "1", pdf]) { RedirectStandardOutput = true })!;
        using var ppm = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(ppm, Ct);
        await process.WaitForExitAsync(Ct);
        var bytes = ppm.ToArray();
        // P6 header: magic, width, height, max value, then one whitespace byte before the pixels.
        var header = System.Text.Encoding.ASCII.GetString(bytes, 0, 40).Split((char[])[' ', '\n'], 5, StringSplitOptions.RemoveEmptyEntries);
        var width = int.Parse(header[1], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(header[2], System.Globalization.CultureInfo.InvariantCulture);
        var start = bytes.Length - (width * height * 3);
        var near = 0;
        for (var i = start; i < bytes.Length; i += 3)
        {
            if (Math.Abs(bytes[i] - r) + Math.Abs(bytes[i + 1] - g) + Math.Abs(bytes[i + 2] - b) < 30)
            {
                near++;
            }
        }
        return near / (double)(width * height);
    }
}
