using Storyloom.Ai.Engines;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Story;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Tests;

/// <summary>Coloring books planned by the model and concept books written by it on the offline structure, against the fake.</summary>
public sealed class PlannedBooksTests
{
    private static readonly ArtFrame Sheet = new(612, 792, null, new FrameRect(36, 36, 540, 720));
    private static readonly ArtFrame Square = new(612, 612, null, new FrameRect(36, 36, 540, 540));

    private static BookSpec Coloring(string theme = "musical instruments") =>
        new() { Kind = BookKind.Coloring, Theme = theme, Age = AgeBand.Age3To5, Pages = 24, Seed = 3 };

    [Fact]
    public async Task A_coloring_book_is_planned_by_the_model_on_a_theme_the_offline_planner_does_not_know()
    {
        await using var fake = await FakeProvider.StartAsync();
        var spec = Coloring();
        ColoringBookWriter.ThemeNote(spec.Theme).ShouldNotBeNull("the offline planner mixes other themes for this one");
        var offline = ColoringBookWriter.Write(spec);
        var ai = new AiEngines(fake.Options);
        var m = ai.Story("en").Write(spec);

        m.Plan.ShouldNotBeNull().Planner.ShouldBe("model");
        m.Plan.Fallback.ShouldBeNull();
        m.Plan.Revised.ShouldBeFalse();
        // The offline page plan (front matter, blank backs), with the model's designs on the design pages.
        m.Pages.Select(p => (p.Number, p.Role)).ShouldBe(offline.Pages.Select(p => (p.Number, p.Role)));
        var designs = m.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();
        designs.Count.ShouldBe(offline.Pages.Count(p => p.Role == PageRole.ColoringDesign));
        designs.Select(p => p.Text).ShouldBeUnique();
        designs.ShouldContain(p => p.Text!.Contains("drum", StringComparison.Ordinal));
        designs.ShouldContain(p => p.Text!.Contains("violin", StringComparison.Ordinal));
        designs.ShouldAllBe(p => p.Illustration!.Props.Contains("level:simple") && p.Illustration.Description.StartsWith(p.Text!, StringComparison.Ordinal));
        m.Cast.ShouldBeEmpty();
        m.Title.ShouldContain("Musical instruments");
        m.Listing.Description.ShouldContain("musical instruments");

        // One structured-output request, in the wire format, with the theme and the count.
        var plan = fake.Server.Journal.Entries.Where(e => e.Endpoint == "chat/completions" && e.Status == 200 && e.Prompt!.Contains("Theme: musical instruments", StringComparison.Ordinal)).ToList();
        plan.Count.ShouldBe(1);
        plan[0].Prompt!.ShouldContain($"exactly {designs.Count} designs");

        // The image model draws what the model planned, traced to outlines.
        var art = ai.Art();
        var svg = art.DrawColoringPage(m, designs[0], Sheet);
        svg.ShouldContain("<path");
        fake.Server.Journal.Entries.ShouldContain(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Prompt!.Contains(designs[0].Illustration!.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_coloring_plan_that_repeats_and_wanders_is_revised_once_with_the_findings()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { FlawedStory = "once" });
        var m = new AiEngines(fake.Options).Story("en").Write(Coloring());
        var plan = m.Plan.ShouldNotBeNull();
        plan.Planner.ShouldBe("model");
        plan.Revised.ShouldBeTrue();
        plan.Findings.ShouldContain(f => f.Contains("repeats design 1", StringComparison.Ordinal));
        plan.Findings.ShouldContain(f => f.Contains("is not about musical instruments", StringComparison.Ordinal));
        m.Pages.Where(p => p.Role == PageRole.ColoringDesign).Select(p => p.Text).ShouldBeUnique();
        m.Pages.ShouldNotContain(p => p.Text != null && p.Text.Contains("school bus", StringComparison.Ordinal));
        fake.Server.Journal.Entries.ShouldContain(e => e.Endpoint == "chat/completions" && e.Prompt!.Contains("An editor checked your first plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_coloring_plan_still_failing_falls_back_to_the_offline_planner_and_says_why()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { FlawedStory = "always" });
        var spec = Coloring("dinosaurs");
        var m = new AiEngines(fake.Options).Story("en").Write(spec);
        var plan = m.Plan.ShouldNotBeNull();
        plan.Planner.ShouldBe("offline");
        plan.Fallback.ShouldNotBeNull().ShouldContain("still failed its check after one revision");
        plan.Fallback.ShouldContain("repeats design 1");
        plan.Summary().ShouldStartWith("planned by the offline engine");
        m.Pages.Select(p => p.Text).ShouldBe(ColoringBookWriter.Write(spec).Pages.Select(p => p.Text));

        // On a theme the offline planner does not know, the reason also says what it draws instead.
        var unknown = new AiEngines(fake.Options).Story("en").Write(Coloring());
        unknown.Plan.ShouldNotBeNull().Fallback.ShouldNotBeNull().ShouldContain("do not know the theme \"musical instruments\"");
    }

    [Fact]
    public void The_plan_check_finds_a_short_plan_repeats_designs_off_the_theme_and_too_much_detail()
    {
        static OpenAiStoryWriter.DesignDto D(string subject, string scene, string caption, int details = 0, string kind = "dinosaur") =>
            new(subject, kind, scene, caption, [.. Enumerable.Range(0, details).Select(i => $"thing {i}")]);
        List<OpenAiStoryWriter.DesignDto> good = [D("a T. rex", "by a volcano", "A T. rex by a volcano"), D("a triceratops", "in the jungle", "A triceratops in the jungle")];
        ColoringPlanCheck.Findings(good, 2, "dinosaurs", ColoringLevel.Simple).ShouldBeEmpty();
        ColoringPlanCheck.Findings(good, 3, "dinosaurs", ColoringLevel.Simple).ShouldContain("2 designs, not 3");
        ColoringPlanCheck.Findings([good[0], D("a T. rex", "by a volcano", "A big T. rex by the volcano")], 2, "dinosaurs", ColoringLevel.Simple)
            .ShouldContain(f => f.StartsWith("design 2 repeats design 1", StringComparison.Ordinal));
        ColoringPlanCheck.Findings([good[0], D("a school bus", "on a road", "A school bus on a road", kind: "vehicle")], 2, "dinosaurs", ColoringLevel.Simple)
            .ShouldContain(f => f.Contains("is not about dinosaurs", StringComparison.Ordinal));
        ColoringPlanCheck.Findings([good[0], D("a raptor", "in the jungle", "A raptor in the jungle", details: 5)], 2, "dinosaurs", ColoringLevel.Simple)
            .ShouldContain(f => f.Contains("5 details; a simple page has at most 2", StringComparison.Ordinal));
        ColoringPlanCheck.Findings([good[0], D("a raptor", "in the jungle", "A raptor in the jungle", details: 5)], 2, "dinosaurs", ColoringLevel.Detailed).ShouldBeEmpty();
        ColoringPlanCheck.ThemeWords("Cute ocean animals for kids").ShouldBe(["ocean", "animal"]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("counting-10")]
    [InlineData("colors")]
    [InlineData("shapes")]
    [InlineData("opposites")]
    [InlineData("feelings")]
    public void The_offline_words_of_every_concept_page_pass_the_concept_check(string focus)
    {
        var spec = new BookSpec { Theme = "a day at the park", Focus = BookFormatNames.Focuses[focus], Age = AgeBand.Age3To5, Pages = 32, Seed = 4 };
        var m = new OfflineStoryEngine().Write(spec);
        var target = ReadabilityTarget.For(spec.Age);
        var concept = m.Pages.Where(p => p.Role == PageRole.Concept).ToList();
        concept.ShouldNotBeEmpty();
        // Every page that teaches one thing (not a question, not a look-back) has words it must keep saying.
        concept.Where(p => !p.Headline!.Contains('?', StringComparison.Ordinal) && !p.Headline.Contains('!', StringComparison.Ordinal) && !p.Headline.StartsWith("All ", StringComparison.Ordinal))
            .ShouldAllBe(p => ConceptCheck.MustSay(p, true).Count > 0);
        foreach (var p in concept)
            ConceptCheck.Problems(p.Text!, ConceptCheck.MustSay(p, true), target).Where(x => x.StartsWith("does not say", StringComparison.Ordinal)).ShouldBeEmpty($"page {p.Number}: {p.Text}");
        ConceptCheck.Problems("What a lovely day it was!", ["A", "apple"], target).ShouldContain("does not say \"apple\"");
        ConceptCheck.Says("Three red apples.", "3").ShouldBeTrue();
        ConceptCheck.Says("An apple.", "B").ShouldBeFalse();
    }

    [Fact]
    public async Task A_concept_book_is_written_by_the_model_on_the_offline_structure_and_drawn_with_exact_counts()
    {
        await using var fake = await FakeProvider.StartAsync();
        var spec = new BookSpec { Theme = "a day at the farm", Focus = EducationalFocus.CountingTo10, Age = AgeBand.Age3To5, Pages = 24, Seed = 2 };
        var offline = new OfflineStoryEngine().Write(spec);
        var ai = new AiEngines(fake.Options);
        var m = ai.Story("en").Write(spec);

        m.Plan.ShouldNotBeNull().Planner.ShouldBe("model");
        m.Plan.Findings.ShouldBeEmpty();
        m.Pages.Select(p => (p.Number, p.Role, p.Headline)).ShouldBe(offline.Pages.Select(p => (p.Number, p.Role, p.Headline)));
        var concept = m.Pages.Where(p => p.Role == PageRole.Concept).ToList();
        concept.Count.ShouldBeGreaterThan(5);
        // The model's words (the fake says the plan's words after an opener), the plan's things to count unchanged.
        concept.ShouldAllBe(p => p.Text != offline.Pages[p.Number - 1].Text);
        concept.ShouldAllBe(p => p.Illustration!.Objects!.SequenceEqual(offline.Pages[p.Number - 1].Illustration!.Objects!));
        var three = concept.First(p => p.Headline!.StartsWith("3 ", StringComparison.Ordinal));
        ConceptCheck.Says(three.Text!, "3").ShouldBeTrue();

        // A concept page gets its own picture (not the cover's), asked with its exact count, and checked for it.
        var art = ai.Art();
        art.DrawStoryPage(m, three, Square).ShouldContain("data:image/png");
        var kind = three.Illustration!.Objects![0].Kind;
        fake.Server.Journal.Entries.ShouldContain(e => e.Endpoint.StartsWith("images/", StringComparison.Ordinal) && e.Prompt!.Contains($"Show exactly 3 {kind}s", StringComparison.Ordinal));
        fake.Server.Journal.Entries.ShouldContain(e => e.Endpoint == "chat/completions" && e.ReferenceImages > 0 && e.Prompt!.Contains($"exactly 3 {kind}s", StringComparison.Ordinal));
        art.ContentOf(m).ShouldNotBeNull().Pictures.ShouldContain(r => r.Page == three.Number);
    }

    [Fact]
    public async Task A_concept_page_the_revision_does_not_fix_keeps_the_plans_words_and_is_reported()
    {
        await using var once = await FakeProvider.StartAsync(new FakeFaults { FlawedStory = "once" });
        var spec = new BookSpec { Theme = "the seaside", Focus = EducationalFocus.Abc, Age = AgeBand.Age3To5, Pages = 32, Seed = 6 };
        var fixedBook = new AiEngines(once.Options).Story("en").Write(spec);
        fixedBook.Plan.ShouldNotBeNull().Revised.ShouldBeTrue();
        fixedBook.Plan.Findings.Count.ShouldBe(1);
        fixedBook.Pages.ShouldNotContain(p => p.Text == "What a lovely day it was!");

        await using var always = await FakeProvider.StartAsync(new FakeFaults { FlawedStory = "always" });
        var offline = new OfflineStoryEngine().Write(spec);
        var m = new AiEngines(always.Options).Story("en").Write(spec);
        var plan = m.Plan.ShouldNotBeNull();
        plan.Planner.ShouldBe("model");
        var kept = plan.Findings.Single(f => f.Contains("keeps the plan's words", StringComparison.Ordinal));
        var number = int.Parse(kept.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        m.Pages[number - 1].Text.ShouldBe(offline.Pages[number - 1].Text);
        m.Pages.ShouldNotContain(p => p.Text == "What a lovely day it was!");
    }
}
