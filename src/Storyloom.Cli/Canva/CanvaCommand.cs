using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Canva;

/// <summary>
/// <c>storyloom canva connect|disconnect</c>: connect the API key's account to Canva through a running server. The browser
/// comes back from Canva to a loopback port this command listens on; the server exchanges the code and keeps the tokens.
/// </summary>
internal static class CanvaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var canva = new Command("canva", "Connect your Canva account (brand templates for pages and covers).");
        canva.Subcommands.Add(Connect(console));
        canva.Subcommands.Add(Disconnect(console));
        return canva;
    }

    private static (Option<string> Server, Option<string> Key) ServerOptions() => (
        new Option<string>("--server") { Description = "The Storyloom server (or $STORYLOOM_SERVER)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STORYLOOM_SERVER") ?? StoryloomServer.DefaultUrl },
        new Option<string>("--api-key") { Description = "Your API key from Settings (or $STORYLOOM_API_KEY)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STORYLOOM_API_KEY") ?? "" });

    private static Command Connect(IAnsiConsole console)
    {
        var (server, key) = ServerOptions();
        var port = new Option<int>("--port") { Description = "Loopback port Canva sends the browser back to (register http://127.0.0.1:PORT/callback in the Developer Portal)", DefaultValueFactory = _ => 5251 };
        var wait = new Option<int>("--timeout-seconds") { Description = "How long to wait for the browser", DefaultValueFactory = _ => 300 };
        var command = new Command("connect", "Print the Canva link to open, wait for Canva's redirect on loopback, and save the connection on the server.") { server, key, port, wait };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(port);
            if (p is < 1 or > 65535)
            {
                throw new UsageException($"--port {p} is not a port number (1–65535)");
            }
            using var http = Client(parse.GetValue(server)!, parse.GetValue(key)!);
            var redirect = $"http://127.0.0.1:{p}/callback";
            using var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{p}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException e)
            {
                throw new UsageException($"cannot listen on 127.0.0.1:{p}: {e.Message}; choose another port with --port");
            }
            var start = await ReadAsync(await http.GetAsync($"/api/v1/canva/connect?redirectUri={Uri.EscapeDataString(redirect)}", ct), ct);
            var url = start.GetProperty("authorizeUrl").GetString()!;
            console.MarkupLine("Open this link in a browser and allow Storyloom:");
            // Raw, so a long link is never wrapped into two lines.
            console.Profile.Out.Writer.WriteLine(url);
            console.MarkupLine($"[grey]waiting for Canva to send the browser back to {Markup.Escape(redirect)} …[/]");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(wait)));
            HttpListenerContext context;
            while (true)
            {
                try
                {
                    context = await listener.GetContextAsync().WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new UsageException($"no answer from Canva within {parse.GetValue(wait)} s; run the command again");
                }
                if (context.Request.Url?.AbsolutePath == "/callback")
                {
                    break;
                }
                context.Response.StatusCode = 404;
                context.Response.Close();
            }
            var query = context.Request.Url!.Query;
            var answer = await http.GetAsync("/api/v1/canva/callback" + query, ct);
            var ok = answer.IsSuccessStatusCode;
            await Reply(context, ok ? "Canva is connected to Storyloom. You can close this tab." : "Connecting Canva failed; see the terminal.");
            var connection = await ReadAsync(answer, ct);
            console.MarkupLine($"[green]Canva connected[/] (Canva user {Markup.Escape(connection.GetProperty("canvaUserId").GetString() ?? "?")})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Disconnect(IAnsiConsole console)
    {
        var (server, key) = ServerOptions();
        var command = new Command("disconnect", "Revoke Storyloom's access to your Canva account and forget the tokens.") { server, key };
        command.SetAction(async (parse, ct) =>
        {
            using var http = Client(parse.GetValue(server)!, parse.GetValue(key)!);
            var response = await http.DeleteAsync("/api/v1/canva/connection", ct);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                await ReadAsync(response, ct);
            }
            console.MarkupLine("Canva disconnected.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static HttpClient Client(string server, string key)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri))
        {
            throw new UsageException($"--server {server} is not a URL, e.g. http://127.0.0.1:5080");
        }
        if (key.Length == 0)
        {
            throw new UsageException("an API key is needed: make one in Settings (or POST /api/v1/auth/api-keys) and pass --api-key or set STORYLOOM_API_KEY");
        }
        var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>The JSON answer, or the server's problem detail as one line.</summary>
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonElement body = default;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: reported below by status.
        }
        if (response.IsSuccessStatusCode && body.ValueKind == JsonValueKind.Object)
        {
            return body;
        }
        var detail = body.ValueKind == JsonValueKind.Object
            ? (body.TryGetProperty("detail", out var d) ? d.GetString() : null)
              ?? (body.TryGetProperty("errors", out var e) ? string.Join("; ", e.EnumerateObject().SelectMany(x => x.Value.EnumerateArray().Select(v => v.GetString()))) : null)
            : null;
        throw new UsageException($"the server answered {(int)response.StatusCode}: {detail ?? text[..Math.Min(200, text.Length)]}");
    }

    private static async Task Reply(HttpListenerContext context, string words)
    {
        var bytes = Encoding.UTF8.GetBytes($"<!doctype html><meta charset=utf-8><title>Storyloom</title><p style=\"font:18px sans-serif;margin:3em\">{WebUtility.HtmlEncode(words)}</p>");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
