using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Tests.Shared;

namespace Storyloom.Web.Tests;

/// <summary>A new user's whole path through the web app, in Debian's Chromium against the real server.</summary>
public sealed partial class WorkflowTests(WebServer server) : IClassFixture<WebServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_up_make_a_character_and_a_book_edit_a_page_preview_it_and_download_the_interior()
    {
        var page = await server.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, m) =>
        {
            // The browser logs every 4xx answer too (e.g. /tasks before the jobs engine exists); only script errors count.
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                consoleErrors.Add(m.Text);
            }
        };

        // Sign up: the app sends a stranger to sign in, and from there to a new account.
        await page.GotoAsync("/");
        await AtAsync(page, "/signin");
        await Shot(page, "signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Ada Parent");
        await page.GetByLabel("Email").FillAsync($"ada-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("a long enough password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ada Parent" }).WaitForAsync();
        await page.GetByText("No books yet").WaitForAsync();
        await Shot(page, "dashboard-empty");

        // A character, step by step.
        await page.GetByRole(AriaRole.Link, new() { Name = "New character" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Pip");
        await page.GetByLabel("Species").SelectOptionAsync("fox");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByLabel("Traits").FillAsync("brave, curious");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        await Shot(page, "character-wizard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save character" }).ClickAsync();
        await AtAsync(page, "/characters$");
        await page.GetByText("Pip").First.WaitForAsync();

        // A book: the calculator follows every print choice.
        await page.GotoAsync("/books/new");
        await page.GetByLabel("Title").FillAsync("Pip and the Lantern");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByLabel("Theme").FillAsync("a giraffe who is afraid of the dark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByLabel("Pip").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        // Front and back: only what the user gives is printed.
        await page.GetByLabel("Imprint (optional)").FillAsync("Acorn Press");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        (await page.GetByTestId("spine").TextContentAsync()).ShouldBe("0.075 in"); // 32 × 0.002347 (premium color)
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("100");
        (await page.GetByTestId("spine").TextContentAsync()).ShouldBe("0.235 in");
        (await page.GetByTestId("cover").TextContentAsync()).ShouldBe("17.485 × 8.750 in");
        (await page.GetByTestId("range").TextContentAsync()).ShouldBe("24–590");
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("32");
        // KDP's printing cost per store from the server's table, and the royalty of the price typed.
        (await page.GetByTestId("printing-US").TextContentAsync())!.Replace('\u00A0', ' ').ShouldBe("USD 4.20");
        await page.GetByLabel("List price on Amazon.com (USD)").FillAsync("12.99");
        await page.GetByTestId("royalty-US").GetByText("USD 3.59 (60%)").WaitForAsync();
        (await page.GetByTestId("costs-date").TextContentAsync())!.ShouldContain("KDP printing costs as published 10 June 2025");
        await Shot(page, "new-book-print", fullPage: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        // Before anything is made, the review says what the built-in engines will not do as asked.
        await page.GetByTestId("brief-warnings").GetByText("cannot draw a giraffe").WaitForAsync();
        await Shot(page, "new-book-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and make the book" }).ClickAsync();
        await AtAsync(page, "/books/[0-9a-f-]{36}");
        var bookId = Guid.Parse(BookIdPattern().Match(page.Url).Groups[1].Value);

        // Generation: live progress when the jobs engine runs; otherwise the test builds the files the way a job would.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Pages" }).WaitForAsync();
        if (await HasJobsAsync())
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = "Your book is ready" }).WaitForAsync(new() { Timeout = 240_000 });
            await Shot(page, "book-ready");
        }
        else
        {
            await page.Locator(".page-list li").First.WaitForAsync();
            await BuildLikeAJobAsync(bookId);
            await page.ReloadAsync();
        }
        await Shot(page, "book");

        // Edit a page's text; the reading level follows as you type.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit pages" }).ClickAsync();
        var text = page.GetByLabel("Text", new() { Exact = true });
        await text.WaitForAsync();
        await text.FillAsync("Pip held the lantern high. The woods were dark, but Pip was brave.");
        (await page.GetByTestId("reading-level").TextContentAsync())!.ShouldContain("13 words, 2 sentences");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save text" }).ClickAsync();
        await page.GetByText("Saved.").WaitForAsync();
        await Shot(page, "editor");
        // Drag the second story page onto the first: they swap places, and the move can be undone.
        var movable = page.GetByTestId("movable");
        var firstText = await movable.Nth(0).Locator(".thumb-text").TextContentAsync();
        var secondText = await movable.Nth(1).Locator(".thumb-text").TextContentAsync();
        await movable.Nth(1).DragToAsync(movable.Nth(0));
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is now page" }).WaitForAsync();
        (await movable.Nth(0).Locator(".thumb-text").TextContentAsync()).ShouldBe(secondText);
        // The open page's text box shows the page now at its number, not the one that was there.
        (await text.InputValueAsync()).ShouldStartWith(secondText!);
        await Shot(page, "editor-moved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the move" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the move" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await movable.Nth(0).Locator(".thumb-text").TextContentAsync()).ShouldBe(firstText);
        var saved = await ApiPageTextsAsync(bookId);
        saved.ShouldContain("Pip held the lantern high. The woods were dark, but Pip was brave.");

        // Draw the page's picture again, choose one that is not the current one, and rebuild: the download below is the new book.
        var before = await LatestFileAsync(bookId, "interior.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "New pictures" }).ClickAsync();
        await page.GetByTestId("task-progress").WaitForAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = "New picture 3" }).WaitForAsync(new() { Timeout = 120_000 });
        (await page.Locator("[data-testid=candidate].chosen").CountAsync()).ShouldBe(0, "the book still uses the picture it was made with");
        // The original sits first, as a picture to compare with, marked as the one in use.
        await page.Locator("[data-testid=original].chosen").GetByRole(AriaRole.Img, new() { Name = "The picture the book was made with" }).WaitForAsync();
        await Shot(page, "editor-pictures", fullPage: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Look closer at new picture 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "New picture 3" }).WaitForAsync();
        await Shot(page, "editor-picture-zoom");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use picture 2" }).ClickAsync();
        await page.Locator("[data-testid=candidate].chosen").GetByRole(AriaRole.Img, new() { Name = "New picture 2" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rebuild the PDFs" }).ClickAsync();
        await page.GetByText("The PDFs are up to date").WaitForAsync(new() { Timeout = 240_000 });
        await Shot(page, "editor-rebuilt");
        var chosenSha = await ChosenPictureShaAsync(bookId);
        (await LatestFileAsync(bookId, "interior.pdf")).ShouldNotBe(before);

        // The print preview renders the built PDFs with pdf.js, guides on.
        await page.GotoAsync($"/books/{bookId}/preview");
        await page.GetByRole(AriaRole.Img, new() { Name = "Page 1" }).WaitForAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = "The wrap cover" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas')].every(c => c.width > 100) && document.querySelectorAll('svg.guides').length >= 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = "Page 3" }).WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        await Shot(page, "preview", fullPage: true);

        // The preflight report, rule by rule.
        await page.GotoAsync($"/books/{bookId}/preflight");
        (await page.GetByTestId("verdict").TextContentAsync())!.ShouldStartWith("PASS");
        await Shot(page, "preflight", fullPage: true);

        // Download the interior and count its pages.
        await page.GotoAsync($"/books/{bookId}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Interior PDF" }).ClickAsync());
        var pdf = Path.Combine(server.DataDirectory, "downloaded-interior.pdf");
        await download.SaveAsAsync(pdf);
        download.SuggestedFilename.ShouldBe("pip-and-the-lantern-interior.pdf");
        (await PdfBoxes.ReadAsync(pdf)).Count.ShouldBe(32);
        (await RebuildArtAsync(bookId)).Contains(chosenSha, StringComparison.Ordinal).ShouldBeTrue("the rebuild printed the chosen picture");
        (await File.ReadAllBytesAsync(pdf, Ct)).ShouldNotBe(before);

        // Writing a new story asks first and says what it replaces; keeping the book changes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Write a new story…" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog, new() { Name = "Write a new story?" }).WaitForAsync();
        await Shot(page, "book-new-story-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep this book" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alertdialog).CountAsync()).ShouldBe(0);
        (await ApiPageTextsAsync(bookId)).ShouldContain("Pip held the lantern high. The woods were dark, but Pip was brave.");
        // Renaming is one field on the book's page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await page.GetByLabel("New title").FillAsync("Pip and the Bright Lantern");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save title" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Pip and the Bright Lantern" }).WaitForAsync();

        // The listing as KDP's fields, each with a copy button.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Listing for KDP" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Textbox, new() { Name = "Keyword 1", Exact = true }).InputValueAsync()).ShouldNotBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy description" }).WaitForAsync();
        await Shot(page, "book-listing", fullPage: true);

        // Versions: the first build (before the edit and the new picture) is restored after asking; the rebuild stays a version.
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1…" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog, new() { Name = "Restore version 1?" }).WaitForAsync();
        await Shot(page, "book-restore-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, restore version 1" }).ClickAsync();
        await page.GetByText("Version 1 is the current one again (saved as version 3)").WaitForAsync();
        await page.GetByText("restored from version 1").WaitForAsync();
        (await ApiPageTextsAsync(bookId)).ShouldNotContain("Pip held the lantern high.");

        // Duplicate: the copy opens as a book of its own.
        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Copy of Pip and the Bright Lantern" }).WaitForAsync();
        page.Url.ShouldNotContain(bookId.ToString());

        // The main screens at phone width.
        var phone = await server.NewPageAsync(390, 844);
        await phone.Context.AddInitScriptAsync(await CopySessionScriptAsync(page));
        foreach (var (path, name) in new[] { ("/", "phone-dashboard"), ($"/books/{bookId}", "phone-book"), ($"/books/{bookId}/edit", "phone-editor"), ("/books/new", "phone-new-book") })
        {
            await phone.GotoAsync(path);
            await phone.GetByRole(AriaRole.Heading).First.WaitForAsync();
            await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Shot(phone, name);
            (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{path} scrolls sideways on a phone");
        }

        // The printing cost table fits a phone.
        await phone.GotoAsync("/books/new?step=print");
        await phone.GetByTestId("printing-US").WaitForAsync();
        await Shot(phone, "phone-new-book-print", fullPage: true);
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the print step scrolls sideways on a phone");

        // Deleting asks first, then the book is gone from the list and the server (on the phone, whose session is the live one).
        await phone.GotoAsync($"/books/{bookId}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await phone.GetByRole(AriaRole.Alertdialog, new() { Name = "Delete “Pip and the Bright Lantern”?" }).WaitForAsync();
        await Shot(phone, "phone-book-delete-confirm");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Delete the book" }).ClickAsync();
        await AtAsync(phone, "/books");
        await using (var scope = server.App.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<StoryloomDb>().Books.AnyAsync(b => b.Id == bookId, Ct)).ShouldBeFalse();
        consoleErrors.ShouldBeEmpty();
        NoAxeViolations();
    }

    [Fact]
    public async Task An_expired_session_is_renewed_quietly_and_a_revoked_one_goes_back_to_sign_in_keeping_the_draft()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Your name").FillAsync("Bo");
        await page.GetByLabel("Email").FillAsync($"bo-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("another long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Bo" }).WaitForAsync();

        // A reload loses the in-memory access token: the refresh token gets a new one without a word.
        await page.GotoAsync("/books/new");
        await page.GetByLabel("Title").FillAsync("Half-typed title");
        await page.ReloadAsync();
        (await page.GetByLabel("Title").InputValueAsync()).ShouldBe("Half-typed title");
        // Leaving the page while the quiet refresh is in flight drops the rotated token; the server lets the old one
        // rotate again for a few seconds (its successor was never used), so the next page stays signed in either way.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/characters");
        await page.GetByText("No characters yet").WaitForAsync();

        // A refresh token that no longer works: back to sign-in, and after signing in the draft is still there.
        await page.EvaluateAsync("() => localStorage.setItem('storyloom.refresh', 'revoked')");
        await page.GotoAsync("/books/new");
        await AtAsync(page, "/signin");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "session ended" }).WaitForAsync();
    }

    [Fact]
    public async Task The_wizard_refuses_a_bad_page_count_at_the_field_keeps_its_steps_in_history_and_offers_to_start_over()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Your name").FillAsync("Cy");
        await page.GetByLabel("Email").FillAsync($"cy-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("a third long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Cy" }).WaitForAsync();

        await page.GotoAsync("/books/new");
        // An emoji in the title is flagged where it is typed: the print fonts have none.
        await page.GetByLabel("Title").FillAsync("Moss Counts Stars 🦊");
        (await page.GetByTestId("glyph-warning").TextContentAsync())!.ShouldContain("🦊 cannot be printed");
        await page.GetByLabel("Title").FillAsync("Moss Counts Stars");
        (await page.GetByTestId("glyph-warning").CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AtAsync(page, "step=story");
        // One long word: the count follows the server's limit, and the review wraps it instead of running off the page.
        await page.GetByLabel("Theme").FillAsync(new string('a', 400));
        (await page.GetByTestId("theme-count").TextContentAsync()).ShouldBe("400 of 500 letters");
        // The browser's Back goes to the step before, not out of the wizard.
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "What kind of book?" }).WaitForAsync();
        (await page.GetByLabel("Title").InputValueAsync()).ShouldBe("Moss Counts Stars");
        await page.GoForwardAsync();
        await page.GetByLabel("Theme").WaitForAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }
        await AtAsync(page, "step=print");
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("");
        await page.Locator("#pageCount-error").GetByText("Type a whole number of pages").WaitForAsync();
        (await page.GetByTestId("spine").TextContentAsync())!.ShouldNotContain("NaN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        page.Url.ShouldContain("step=print");
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("-8");
        (await page.GetByTestId("spine").TextContentAsync())!.ShouldNotContain("-0");
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("32");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AtAsync(page, "step=review");
        await page.GetByRole(AriaRole.Group, new() { Name = "Review" }).WaitForAsync();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the review runs off the page");
        await Shot(page, "new-book-review-long", fullPage: true);

        // Coming back to New book later: what was chosen is kept, and it can be thrown away.
        await page.GotoAsync("/");
        await page.GotoAsync("/books/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start over" }).ClickAsync();
        (await page.GetByLabel("Title").InputValueAsync()).ShouldBe("");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Start over" }).CountAsync()).ShouldBe(0);

        // A coloring book: its own step, with a sample page drawn for each level.
        await page.GetByText("Coloring book", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Trucks to Color");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AtAsync(page, "step=coloring");
        await page.GetByLabel("Theme").FillAsync("trucks and diggers");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.levels img')].length === 3 && [...document.querySelectorAll('.levels img')].every(i => i.complete && i.naturalWidth > 0)");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Detailed" }).CheckAsync();
        await Shot(page, "new-book-coloring");
        (await page.Locator(".stepper").TextContentAsync())!.ShouldNotContain("Characters");
        NoAxeViolations();
    }

    private async Task<bool> HasJobsAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var doc = await http.GetStringAsync("/openapi/v1.json", Ct);
        return doc.Contains("/generate", StringComparison.Ordinal);
    }

    /// <summary>What a generation job leaves behind, made with the same BookBuilder (until the jobs engine is on this branch).</summary>
    private async Task BuildLikeAJobAsync(Guid bookId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var book = await db.Books.FirstAsync(b => b.Id == bookId, Ct);
        var spec = new BookSpecInput
        {
            Title = book.Title, Author = book.Author, Kind = book.Kind, Age = book.AgeGroup, Theme = book.Theme, Focus = book.EducationalFocus,
            Shape = book.Shape, Moral = book.Moral, Trim = book.Trim, Pages = book.PageCount, Ink = book.Ink, Paper = book.Paper,
            Bleed = book.Bleed, Seed = book.Seed, Style = book.ArtStyle,
        }.ToSpec();
        var outDir = Path.Combine(server.DataDirectory, "build-" + bookId.ToString("N"));
        await new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine()).BuildAsync(spec, outDir, ct: Ct);
        var sources = BookFiles.Known.Keys.Select(name => (name, (Stream)File.OpenRead(Path.Combine(outDir, name)))).ToList();
        await Storyloom.Server.Files.BookVersions.PublishAsync(db, scope.ServiceProvider.GetRequiredService<BookFiles>(), TimeProvider.System, bookId, null, sources, Ct);
        foreach (var (_, source) in sources)
        {
            await source.DisposeAsync();
        }
        book.Status = BookStatus.Ready;
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A file of the book's latest version, from the file store.</summary>
    private async Task<byte[]> LatestFileAsync(Guid bookId, string name)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var latest = await Storyloom.Server.Files.BookVersions.LatestAsync(scope.ServiceProvider.GetRequiredService<StoryloomDb>(), bookId, Ct);
        latest.ShouldNotBeNull();
        var files = server.App.Services.GetRequiredService<BookFiles>();
        return (await Storyloom.Server.Storage.FileStoreExtensions.GetAsync(files.Store, BookFiles.KeyOf(bookId, latest.Number, name), Ct))!;
    }

    /// <summary>The content hash of the one chosen candidate picture of the book.</summary>
    private async Task<string> ChosenPictureShaAsync(Guid bookId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        return await db.PictureCandidates.Where(c => c.BookId == bookId && c.Chosen).Join(db.Assets, c => c.AssetId, a => a.Id, (c, a) => a.Sha256).SingleAsync(Ct);
    }

    /// <summary>Every picture hash the book's last rebuild saved in its art steps.</summary>
    private async Task<string> RebuildArtAsync(Guid bookId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var rebuild = await db.GenerationTasks.Where(t => t.BookId == bookId && t.Kind == "rebuild-book").OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
        var outputs = await db.TaskSteps.Where(s => s.TaskId == rebuild && s.Name.StartsWith("art-")).Select(s => s.OutputJson).ToListAsync(Ct);
        return string.Join("\n", outputs);
    }

    private async Task<string> ApiPageTextsAsync(Guid bookId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var texts = await db.Pages.Where(p => p.BookId == bookId).Select(p => p.Text).ToListAsync(Ct);
        return string.Join("\n", texts);
    }

    /// <summary>Signs the phone-width page in as the same user (the refresh token is the session).</summary>
    private static async Task<string> CopySessionScriptAsync(IPage page)
    {
        var refresh = await page.EvaluateAsync<string>("() => localStorage.getItem('storyloom.refresh')");
        var user = await page.EvaluateAsync<string>("() => localStorage.getItem('storyloom.user')");
        // Only once: refresh tokens rotate, and sending a used one again revokes the whole session.
        return $"if (!localStorage.getItem('storyloom.user')) {{ localStorage.setItem('storyloom.refresh', {System.Text.Json.JsonSerializer.Serialize(refresh)});" +
               $"localStorage.setItem('storyloom.user', {System.Text.Json.JsonSerializer.Serialize(user)}); }}";
    }

    /// <summary>What axe-core found on the screens shot so far, each with the screen's name; every test ends asserting there is none.</summary>
    private readonly List<string> _axe = [];

    private async Task Shot(IPage page, string name, bool fullPage = false)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebServer.ShotsDirectory, $"{name}.png"), FullPage = fullPage });
        _axe.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{name}: {v}"));
    }

    private void NoAxeViolations() => _axe.ShouldBeEmpty(string.Join("\n", _axe));

    [GeneratedRegex("/books/([0-9a-f-]{36})")]
    private static partial Regex BookIdPattern();

    /// <summary>
    /// Waits until the address matches <paramref name="pattern"/>. The app changes it with the history API, so this polls
    /// location instead of waiting for a navigation event (which a client-side redirect may not raise).
    /// </summary>
    private static Task AtAsync(IPage page, string pattern) =>
        page.WaitForFunctionAsync("pattern => new RegExp(pattern).test(location.pathname + location.search)", pattern);
}
