using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Storyloom.Server.Hosting;

/// <summary>
/// The two console formats of `serve` and `worker`. Both put the trace id of the request or task step on the line, so one
/// id found in a trace finds its log lines (and back). The formatter runs on the logging thread, where Activity.Current is
/// the caller's span. Timestamps are the wall clock (UTC), even under a test's fake clock.
/// </summary>
internal static class LogFormats
{
    public const string Text = "storyloom-text";
    public const string Json = "storyloom-json";

    /// <summary>The console logger with the format chosen by <c>Storyloom:LogFormat</c> (text unless "json").</summary>
    public static void AddStoryloomConsole(this ILoggingBuilder logging, bool json)
    {
        // AddConsole adds the provider once (the default builders have it already); this only picks its format.
        logging.AddConsole(o => o.FormatterName = json ? Json : Text);
        logging.AddConsoleFormatter<TextLogFormatter, ConsoleFormatterOptions>();
        logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();
    }

    internal static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

/// <summary><c>2026-11-22 15:40:21.123Z info  [4bf92f35…4736] Storyloom.Server.Tasks.TaskRunner: message</c>, an exception indented below.</summary>
internal sealed class TextLogFormatter() : ConsoleFormatter(LogFormats.Text)
{
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        var line = new StringBuilder(160);
        line.Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(' ')
            .Append(LogFormats.Level(logEntry.LogLevel)).Append(' ');
        if (Activity.Current is { } span)
        {
            line.Append(" [").Append(span.TraceId.ToHexString()).Append(']');
        }
        line.Append(' ').Append(logEntry.Category).Append(": ").Append(message);
        if (logEntry.Exception is { } e)
        {
            line.Append('\n').Append("      ").Append(e.ToString().Replace("\n", "\n      ", StringComparison.Ordinal));
        }
        textWriter.Write(line.Append('\n').ToString());
    }
}

/// <summary>One JSON object per line: Timestamp, LogLevel, Category, EventId, Message, TraceId, SpanId, State, Exception.</summary>
internal sealed class JsonLogFormatter() : ConsoleFormatter(LogFormats.Json)
{
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("Message", message);
            if (Activity.Current is { } span)
            {
                json.WriteString("TraceId", span.TraceId.ToHexString());
                json.WriteString("SpanId", span.SpanId.ToHexString());
            }
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values && values.Count > 1)
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in values)
                {
                    if (key != "{OriginalFormat}")
                    {
                        json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                }
                json.WriteEndObject();
            }
            if (logEntry.Exception is { } e)
            {
                json.WriteString("Exception", e.ToString());
            }
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }
}
