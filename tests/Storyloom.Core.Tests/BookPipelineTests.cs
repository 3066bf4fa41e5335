using Storyloom.Core.Pipeline;

namespace Storyloom.Core.Tests;

/// <summary>The steps of a book are declared once: the CLI's progress and the server's saved steps take names, labels and totals from here.</summary>
public sealed class BookPipelineTests
{
    [Fact]
    public void The_declared_steps_run_story_safety_art_layout_preflight_previews_then_package()
    {
        BookPipeline.For(ebook: false).Select(s => s.Name).ShouldBe(["story", "safety", "art", "layout", "preflight", "previews", "package"]);
        BookPipeline.For(ebook: true, canva: true).Select(s => s.Name)
            .ShouldBe(["story", "safety", "art", "layout", "canva", "preflight", "previews", "ebook", "package"]);
        BookPipeline.Steps.Select(s => s.Name).ShouldBeUnique();
        BookPipeline.Steps.ShouldAllBe(s => s.Label.Length > 0 && s.Inputs.Count > 0);
    }

    [Fact]
    public void Every_input_is_the_brief_or_an_output_of_an_earlier_step()
    {
        var made = new List<string> { "brief" };
        foreach (var step in BookPipeline.Steps)
        {
            foreach (var input in step.Inputs)
            {
                // A folder ("build/") holds what is written under it.
                made.ShouldContain(m => m == input || (m.EndsWith('/') && input.StartsWith(m, StringComparison.Ordinal))
                    || (input.EndsWith('/') && m.StartsWith(input, StringComparison.Ordinal)), $"{step.Name} reads {input}");
            }
            made.AddRange(step.Outputs);
        }
    }

    [Fact]
    public void The_total_counts_one_saved_step_per_picture_and_the_labels_name_the_page()
    {
        BookPipeline.Total(ebook: false, canva: false, artSteps: 25).ShouldBe(6 + 25);
        BookPipeline.Total(ebook: true, canva: true, artSteps: 25).ShouldBe(8 + 25);
        BookPipeline.Label("art-p009").ShouldBe("Drawing page 9");
        BookPipeline.Label(BookPipeline.ArtStepName(null)).ShouldBe("Drawing the cover");
        BookPipeline.Label("ebook").ShouldBe("Making the Kindle eBook");
        BookPipeline.Label(null).ShouldBe("Starting");
    }
}
