using System.Globalization;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Monitoring;

/// <summary>One line of /metrics: a series name, its labels and its value.</summary>
internal sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Reads the numbers exactly as /metrics shows them (the same <see cref="PrometheusText"/> output, parsed back), so an alert
/// rule means what an operator sees when they look at /metrics.
/// </summary>
internal sealed class MetricsReader(PrometheusText metrics)
{
    public IReadOnlyList<MetricSample> Read() => Parse(metrics.Write());

    /// <summary>The sum of every series the selector matches; null when none does (the metric has no data yet).</summary>
    public static double? Value(IReadOnlyList<MetricSample> samples, MetricSelector selector)
    {
        var matching = samples.Where(s => s.Name == selector.Name
            && selector.Labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    /// <summary>Every series name /metrics can show (including a histogram's _sum, _count and _bucket), with or without data.</summary>
    public IReadOnlySet<string> KnownNames()
    {
        var text = metrics.Write();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal) && line.Split(' ') is [_, _, var name, var type])
            {
                names.Add(name);
                if (type == "histogram")
                {
                    names.UnionWith([name + "_sum", name + "_count", name + "_bucket"]);
                }
            }
        }
        names.UnionWith(Parse(text).Select(s => s.Name));
        return names;
    }

    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            if (space < 0 || !double.TryParse(line[(space + 1)..].Replace("+Inf", "Infinity", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            var series = line[..space];
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                ParseLabels(series[(brace + 1)..^1], labels);
                series = series[..brace];
            }
            samples.Add(new MetricSample(series, labels, value));
        }
        return samples;
    }

    private static void ParseLabels(string text, Dictionary<string, string> labels)
    {
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0 || eq + 1 >= text.Length || text[eq + 1] != '"')
            {
                return;
            }
            var key = text[i..eq].Trim().TrimStart(',').Trim();
            var value = new System.Text.StringBuilder();
            var j = eq + 2;
            for (; j < text.Length && text[j] != '"'; j++)
            {
                if (text[j] == '\\' && j + 1 < text.Length)
                {
                    j++;
                    value.Append(text[j] == 'n' ? '\n' : text[j]);
                }
                else
                {
                    value.Append(text[j]);
                }
            }
            labels[key] = value.ToString();
            i = j + 1;
        }
    }
}
