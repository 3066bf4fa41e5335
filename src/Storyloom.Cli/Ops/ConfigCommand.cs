using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storyloom.Cli.Server;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Ops;

/// <summary><c>storyloom config show|check</c>: the settings the server would run with, and whether they are valid.</summary>
internal static partial class ConfigCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var config = new Command("config", "Show or check the server's configuration (files, Storyloom__* environment variables, flags).");

        var show = new Command("show", "Print the settings in effect, secrets hidden.") { ServerHost.Data };
        show.SetAction(async (parse, ct) =>
        {
            await using var app = ServerHost.Build(parse.GetValue(ServerHost.Data), null, quiet: true);
            var options = app.Services.GetRequiredService<StoryloomOptions>();
            var json = JsonSerializer.SerializeToNode(options, Json)!;
            Redact(json);
            console.Write(new Text(json.ToJsonString(Json) + Environment.NewLine));
            return ExitCodes.Ok;
        });

        var check = new Command("check", "Validate the settings: one line per problem, exit 2 if there is any.") { ServerHost.Data };
        check.SetAction(async (parse, ct) =>
        {
            var data = parse.GetValue(ServerHost.Data);
            try
            {
                await using var app = StoryloomServer.Build(data is null ? [] : [$"--Storyloom:DataDirectory={data}"]);
            }
            catch (ConfigurationProblemException e)
            {
                foreach (var problem in e.Problems)
                {
                    error.WriteLine($"error: {problem}");
                }
                return ExitCodes.BadInput;
            }
            console.WriteLine("The configuration is valid.");
            return ExitCodes.Ok;
        });

        config.Subcommands.Add(show);
        config.Subcommands.Add(check);
        return config;
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Keys, passwords and tokens are shown as set or not set, never as their value.</summary>
    private static void Redact(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    if (SecretName().IsMatch(key))
                    {
                        obj[key] = string.IsNullOrEmpty(text) ? null : "(set, hidden)";
                    }
                    else if (key.Contains("Connection", StringComparison.OrdinalIgnoreCase))
                    {
                        obj[key] = Password().Replace(text, "$1=(hidden)");
                    }
                }
                else
                {
                    Redact(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Redact(item);
            }
        }
    }

    [GeneratedRegex("(key|secret|token|password)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(password|pwd)=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
