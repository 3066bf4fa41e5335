using System.Globalization;
using System.Text.Json;

namespace Storyloom.Print.Preflight;

/// <summary>The object graph of a PDF as printed by <c>qpdf --json=2</c>: "obj:N G R" keys, references as "N G R" strings, names as "/Name".</summary>
internal sealed class QpdfObjects
{
    private readonly Dictionary<string, JsonElement> _objects = new(StringComparer.Ordinal);

    public QpdfObjects(JsonElement qpdfArray)
    {
        if (qpdfArray.ValueKind != JsonValueKind.Array || qpdfArray.GetArrayLength() < 2)
        {
            return;
        }
        foreach (var prop in qpdfArray[1].EnumerateObject())
        {
            var key = prop.Name.StartsWith("obj:", StringComparison.Ordinal) ? prop.Name[4..] : prop.Name;
            _objects[key] = prop.Value.Clone();
        }
    }

    /// <summary>Adds (or replaces) objects from a second qpdf JSON run, e.g. one that carries stream data.</summary>
    public void Add(JsonElement qpdfArray)
    {
        if (qpdfArray.ValueKind != JsonValueKind.Array || qpdfArray.GetArrayLength() < 2)
        {
            return;
        }
        foreach (var prop in qpdfArray[1].EnumerateObject())
        {
            _objects[prop.Name.StartsWith("obj:", StringComparison.Ordinal) ? prop.Name[4..] : prop.Name] = prop.Value.Clone();
        }
    }

    public JsonElement? Trailer => _objects.TryGetValue("trailer", out var t) && t.TryGetProperty("value", out var v) ? v : null;

    public static bool IsReference(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && e.GetString() is { } s && s.EndsWith(" R", StringComparison.Ordinal) && char.IsAsciiDigit(s[0]);

    /// <summary>The value of an object, following references; for streams, the stream dictionary.</summary>
    public JsonElement? Resolve(JsonElement? e, int depth = 0)
    {
        if (e is not { } el || depth > 16)
        {
            return e;
        }
        if (!IsReference(el))
        {
            return el;
        }
        if (!_objects.TryGetValue(el.GetString()!, out var obj))
        {
            return null;
        }
        if (obj.TryGetProperty("value", out var value))
        {
            return Resolve(value, depth + 1);
        }
        return obj.TryGetProperty("stream", out var stream) && stream.TryGetProperty("dict", out var dict) ? dict : null;
    }

    /// <summary>Decoded stream bytes of a referenced stream (null when not in the JSON or not decodable).</summary>
    public byte[]? StreamData(string reference)
    {
        if (_objects.TryGetValue(reference, out var obj) && obj.TryGetProperty("stream", out var s)
            && s.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
        {
            return Convert.FromBase64String(data.GetString()!);
        }
        return null;
    }

    public JsonElement? Get(JsonElement? dict, string key)
    {
        var d = Resolve(dict);
        return d is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) ? Resolve(v) : null;
    }

    public static string? Name(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.String } s && s.GetString() is { } t && t.StartsWith('/') ? t[1..] : null;

    public static double? Number(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>All stream objects whose dictionary satisfies <paramref name="predicate"/>, as "N G R" references.</summary>
    public IEnumerable<string> StreamsWhere(Func<JsonElement, bool> predicate) =>
        Streams().Where(s => predicate(s.Dict)).Select(s => s.Reference);

    /// <summary>Every stream object: its "N G R" reference and its dictionary.</summary>
    public IEnumerable<(string Reference, JsonElement Dict)> Streams()
    {
        foreach (var (key, obj) in _objects)
        {
            if (obj.TryGetProperty("stream", out var s) && s.TryGetProperty("dict", out var dict))
            {
                yield return (key, dict);
            }
        }
    }

    /// <summary>Whether any object that is not a stream is a dictionary satisfying <paramref name="predicate"/>.</summary>
    public bool AnyValue(Func<JsonElement, bool> predicate) =>
        _objects.Values.Any(o => o.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object && predicate(v));

    public static IEnumerable<JsonElement> ArrayItems(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];
}
