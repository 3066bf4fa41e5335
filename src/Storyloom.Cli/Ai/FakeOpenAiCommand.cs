using System.CommandLine;
using Spectre.Console;
using Storyloom.Fakes.OpenAi;

namespace Storyloom.Cli.Ai;

/// <summary><c>storyloom fake-openai --port N</c>: the fake OpenAI server, for trying the AI path offline.</summary>
internal static class FakeOpenAiCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 5055 };
        var latency = new Option<int>("--latency-ms") { Description = "Added to every answer" };
        var imageLatency = new Option<int>("--image-latency-ms") { Description = "Added to every picture answer" };
        var ipm = new Option<int>("--images-per-minute") { Description = "Answer 429 above this many pictures a minute (0: no limit)" };
        var visionLatency = new Option<int>("--vision-latency-ms") { Description = "Added to every chat answer that looks at pictures" };
        var failRate = new Option<double>("--verdict-fail-rate") { Description = "Share of pictures the vision check calls wrong (0–1)" };
        var seed = new Option<int>("--seed") { Description = "Which pictures fail the check (same seed and picture, same verdict)" };
        var flawed = new Option<string?>("--flawed-story") { Description = "once: stories, coloring plans and concept pages come with defects their checks find, fixed by the revision; always: the revision keeps them" };
        var command = new Command("fake-openai", "Run a local fake of the OpenAI API (chat, vision checks, images, moderation) for tests and offline trials.")
        {
            port, latency, imageLatency, ipm, visionLatency, failRate, seed, flawed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(port);
            if (p is < 0 or > 65535) throw new UsageException($"--port {p} is not a port number (0–65535)");
            var rate = parse.GetValue(failRate);
            if (rate is < 0 or > 1) throw new UsageException($"--verdict-fail-rate {rate} is not a share between 0 and 1");
            var flaws = parse.GetValue(flawed)?.Trim().ToLowerInvariant();
            if (flaws is not (null or "once" or "always")) throw new UsageException($"--flawed-story must be once or always, not '{flaws}'");
            var faults = new FakeFaults
            {
                FlawedStory = flaws,
                LatencyMs = parse.GetValue(latency), ImageLatencyMs = parse.GetValue(imageLatency), ImagesPerMinute = parse.GetValue(ipm),
                VisionLatencyMs = parse.GetValue(visionLatency), VerdictFailRate = rate, VerdictSeed = parse.GetValue(seed),
            };
            FakeOpenAiServer server;
            try
            {
                server = await FakeOpenAiServer.StartAsync(p, faults, ct);
            }
            catch (IOException e)
            {
                throw new UsageException($"cannot listen on 127.0.0.1:{p}: {e.Message}; choose another port with --port");
            }
            await using (server)
            {
                console.MarkupLine($"[bold]fake OpenAI[/] listening on [link]{Markup.Escape(server.BaseUrl)}[/]");
                console.MarkupLine($"  export OPENAI_BASE_URL={Markup.Escape(server.BaseUrl)} OPENAI_API_KEY=fake");
                console.MarkupLine("  faults: GET/POST /_fake/faults   journal: GET /_fake/journal   Ctrl+C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: a normal stop.
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
