using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Storyloom.Server.Hosting;

/// <summary>
/// Storyloom's instruments. Everything is measured with System.Diagnostics.Metrics, so the same numbers go to
/// <c>/metrics</c> (Prometheus text, written by <see cref="PrometheusText"/>) and to any other listener. Other parts of the
/// server (jobs, providers) add instruments to <see cref="Meter"/>; they appear on /metrics without further work.
/// </summary>
public static class StoryloomMetrics
{
    public const string MeterName = "Storyloom";

    public static readonly Meter Meter = new(MeterName, "1.0");

    public static readonly Counter<long> HttpRequests =
        Meter.CreateCounter<long>("storyloom_http_requests", description: "HTTP requests by route template, method and status code.");

    public static readonly Histogram<double> HttpDuration =
        Meter.CreateHistogram<double>("storyloom_http_request_duration", unit: "s", description: "Time to answer an HTTP request, by route template and method.");
}

/// <summary>Counts every request and its latency by route template (never the raw path: ids would explode the series).</summary>
internal static class HttpMetrics
{
    public static async Task Measure(HttpContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.Trim('/') : "unmatched";
            var tags = new TagList { { "method", context.Request.Method }, { "route", route }, { "status", context.Response.StatusCode } };
            StoryloomMetrics.HttpRequests.Add(1, tags);
            StoryloomMetrics.HttpDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new TagList { { "method", context.Request.Method }, { "route", route } });
        }
    }
}

/// <summary>
/// Listens to every instrument of the Storyloom meters and keeps running totals: counters and up-down counters as sums,
/// histograms as Prometheus buckets, observable gauges read at each scrape. <see cref="Write"/> renders the text format 0.0.4.
/// </summary>
public sealed class PrometheusText : IDisposable
{
    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private sealed class Series
    {
        public double Sum;
        public long Count;
        public long[] BucketCounts = [];
        public double Last;
    }

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> _data = new();
    private readonly Lock _gate = new();

    public PrometheusText(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Meters made by another app's factory (two servers in one test process) belong to that app's /metrics.
            if (instrument.Meter.Name.StartsWith(StoryloomMetrics.MeterName, StringComparison.Ordinal)
                && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters)))
            {
                _data.TryAdd(instrument, new ConcurrentDictionary<string, Series>());
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_data.TryGetValue(instrument, out var series))
        {
            return;
        }
        var s = series.GetOrAdd(Labels(tags), _ => new Series { BucketCounts = new long[Buckets.Length] });
        lock (_gate)
        {
            s.Last = value;
            s.Sum += value;
            s.Count++;
            if (instrument is Histogram<double> or Histogram<long> or Histogram<int>)
            {
                for (var b = 0; b < Buckets.Length; b++)
                {
                    if (value <= Buckets[b])
                    {
                        s.BucketCounts[b]++;
                    }
                }
            }
        }
    }

    /// <summary>The whole exposition, observable gauges read now.</summary>
    public string Write()
    {
        // Observable instruments report their current value at each collection.
        foreach (var (instrument, series) in _data)
        {
            if (instrument.IsObservable)
            {
                series.Clear();
            }
        }
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var (instrument, series) in _data.OrderBy(d => d.Key.Name, StringComparer.Ordinal))
            {
                var name = instrument.Name + (instrument.Unit == "s" ? "_seconds" : "");
                var (type, suffix) = instrument switch
                {
                    Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => ("counter", "_total"),
                    Histogram<double> or Histogram<long> or Histogram<int> => ("histogram", ""),
                    _ => ("gauge", ""),
                };
                text.Append("# HELP ").Append(name + suffix).Append(' ').Append(instrument.Description ?? name).Append('\n');
                text.Append("# TYPE ").Append(name + suffix).Append(' ').Append(type).Append('\n');
                foreach (var (labels, s) in series.OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    if (type == "histogram")
                    {
                        for (var b = 0; b < Buckets.Length; b++)
                        {
                            text.Append(name).Append("_bucket").Append(With(labels, $"le=\"{Number(Buckets[b])}\"")).Append(' ').Append(s.BucketCounts[b]).Append('\n');
                        }
                        text.Append(name).Append("_bucket").Append(With(labels, "le=\"+Inf\"")).Append(' ').Append(s.Count).Append('\n');
                        text.Append(name).Append("_sum").Append(With(labels, null)).Append(' ').Append(Number(s.Sum)).Append('\n');
                        text.Append(name).Append("_count").Append(With(labels, null)).Append(' ').Append(s.Count).Append('\n');
                    }
                    else
                    {
                        var value = type == "gauge" && !(instrument is UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>) ? s.Last : s.Sum;
                        text.Append(name + suffix).Append(With(labels, null)).Append(' ').Append(Number(value)).Append('\n');
                    }
                }
            }
        }
        return text.ToString();
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }
        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            pairs.Add($"{key}=\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }
        pairs.Sort(StringComparer.Ordinal);
        return string.Join(",", pairs);
    }

    private static string With(string labels, string? extra) =>
        (labels, extra) switch
        {
            ("", null) => "",
            ("", _) => "{" + extra + "}",
            (_, null) => "{" + labels + "}",
            _ => "{" + labels + "," + extra + "}",
        };

    private static string Number(double v) => double.IsPositiveInfinity(v) ? "+Inf" : v.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _listener.Dispose();
}
