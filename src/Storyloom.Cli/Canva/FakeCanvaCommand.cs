using System.CommandLine;
using Spectre.Console;
using Storyloom.Fakes.Canva;

namespace Storyloom.Cli.Canva;

/// <summary><c>storyloom fake-canva --port N</c>: the fake Canva Connect server, for trying the Canva path offline.</summary>
internal static class FakeCanvaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 5056 };
        var plan = new Option<string>("--plan") { Description = "The fake user's plan: enterprise (autofill + brand templates), pro (brand templates only) or free", DefaultValueFactory = _ => "enterprise" };
        plan.AcceptOnlyFromAmong("enterprise", "pro", "free");
        var tokenSeconds = new Option<int>("--token-seconds") { Description = "Lifetime of access tokens, to try refreshing (Canva: 14400)", DefaultValueFactory = _ => 14400 };
        var command = new Command("fake-canva", "Run a local fake of the Canva Connect API (OAuth, brand templates, uploads, autofill, export) for tests and offline trials.")
        {
            port, plan, tokenSeconds,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(port);
            if (p is < 0 or > 65535)
            {
                throw new UsageException($"--port {p} is not a port number (0–65535)");
            }
            if (parse.GetValue(tokenSeconds) < 1)
            {
                throw new UsageException("--token-seconds must be at least 1");
            }
            FakeCanvaServer server;
            try
            {
                server = await FakeCanvaServer.StartAsync(p, new FakeCanvaFaults { Plan = parse.GetValue(plan)!, AccessTokenSeconds = parse.GetValue(tokenSeconds) }, ct);
            }
            catch (IOException e)
            {
                throw new UsageException($"cannot listen on 127.0.0.1:{p}: {e.Message}; choose another port with --port");
            }
            await using (server)
            {
                console.MarkupLine($"[bold]fake Canva[/] listening on [link]{Markup.Escape(server.BaseUrl)}[/]");
                console.MarkupLine($"  export Storyloom__Canva__ClientId={FakeCanvaServer.ClientId} Storyloom__Canva__ClientSecret={FakeCanvaServer.ClientSecret}");
                console.MarkupLine($"  export Storyloom__Canva__AuthorizeUrl={Markup.Escape(server.AuthorizeUrl)} Storyloom__Canva__ApiBaseUrl={Markup.Escape(server.ApiBaseUrl)}");
                console.MarkupLine("  faults: GET/POST /_fake/faults   expire tokens: POST /_fake/expire-tokens   journal: GET /_fake/journal   Ctrl+C stops it.");
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
