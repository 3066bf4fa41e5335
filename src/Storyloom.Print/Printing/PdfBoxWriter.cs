using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyloom.Print.Geometry;
using Storyloom.Print.Tools;

namespace Storyloom.Print.Printing;

/// <summary>The boxes one page must end up with. BleedBox and CropBox equal the MediaBox.</summary>
public sealed record PageBoxes(PdfRect MediaBox, PdfRect TrimBox);

/// <summary>
/// Sets MediaBox, CropBox, BleedBox and TrimBox exactly on every page. Chromium rounds page sizes to its own grid,
/// so pages are printed slightly larger than needed and cropped here; the content is shifted so that the top-left
/// corner of the HTML page stays at the top-left corner of the final page.
/// </summary>
public static class PdfBoxWriter
{
    public static async Task WriteAsync(string inputPdf, string outputPdf, Func<int, PageBoxes> boxesForPage, CancellationToken ct = default)
    {
        var json = (await ExternalTool.RunCheckedAsync("qpdf",
            ["--json=2", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=none", inputPdf], ct)).StdoutText;
        var root = JsonNode.Parse(json)!.AsObject();
        var pages = root["pages"]!.AsArray();
        var qpdf = root["qpdf"]!.AsArray();
        var header = qpdf[0]!.AsObject();
        var objects = qpdf[1]!.AsObject();
        var nextId = header["maxobjectid"]!.GetValue<int>() + 1;

        var updates = new JsonObject();
        var shiftStreams = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            var pageNumber = i + 1;
            var objRef = pages[i]!["object"]!.GetValue<string>();
            var dict = objects[$"obj:{objRef}"]!["value"]!.AsObject().DeepClone().AsObject();
            var media = ReadBox(dict["/MediaBox"]) ?? throw new ExternalToolException($"page {pageNumber} of {inputPdf} has no MediaBox");
            var target = boxesForPage(pageNumber);

            // Keep the top-left corner: move content down by the extra height Chromium added.
            var dx = media.X0 - target.MediaBox.X0;
            var dy = media.Y1 - target.MediaBox.Y1;
            if (Math.Abs(dx) > 1e-6 || Math.Abs(dy) > 1e-6)
            {
                var cm = string.Create(CultureInfo.InvariantCulture, $"1 0 0 1 {-dx:0.######} {-dy:0.######} cm\n");
                if (!shiftStreams.TryGetValue(cm, out var streamRef))
                {
                    streamRef = $"{nextId++} 0 R";
                    shiftStreams[cm] = streamRef;
                    updates[$"obj:{streamRef}"] = new JsonObject
                    {
                        ["stream"] = new JsonObject
                        {
                            ["dict"] = new JsonObject(),
                            ["data"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(cm)),
                        },
                    };
                }
                var contents = new JsonArray { streamRef };
                switch (dict["/Contents"])
                {
                    case JsonArray existing:
                        foreach (var c in existing) { contents.Add(c!.DeepClone()); }
                        break;
                    case JsonNode single:
                        contents.Add(single.DeepClone());
                        break;
                }
                dict["/Contents"] = contents;
            }
            dict["/MediaBox"] = Box(target.MediaBox);
            dict["/CropBox"] = Box(target.MediaBox);
            dict["/BleedBox"] = Box(target.MediaBox);
            dict["/TrimBox"] = Box(target.TrimBox);
            dict.Remove("/ArtBox");
            updates[$"obj:{objRef}"] = new JsonObject { ["value"] = dict };
        }

        header["maxobjectid"] = nextId - 1;
        var patch = new JsonObject { ["qpdf"] = new JsonArray(header.DeepClone(), updates) };
        var patchPath = outputPdf + ".boxes.json";
        var tmpPdf = outputPdf + ".tmp";
        try
        {
            await File.WriteAllTextAsync(patchPath, patch.ToJsonString(), ct);
            await ExternalTool.RunCheckedAsync("qpdf",
                [inputPdf, $"--update-from-json={patchPath}", "--deterministic-id", tmpPdf], ct);
            File.Move(tmpPdf, outputPdf, overwrite: true);
        }
        finally
        {
            File.Delete(patchPath);
            File.Delete(tmpPdf);
        }
    }

    private static JsonArray Box(PdfRect r) =>
        [Round(r.X0), Round(r.Y0), Round(r.X1), Round(r.Y1)];

    // Six decimals: exact to far better than the 0.01 pt the rules ask for.
    private static JsonNode Round(double v) => JsonValue.Create(Math.Round(v, 6))!;

    private static PdfRect? ReadBox(JsonNode? node)
    {
        if (node is not JsonArray a || a.Count != 4)
        {
            return null;
        }
        var v = a.Select(n => n!.GetValueKind() == JsonValueKind.Number ? n.GetValue<double>() : double.Parse(n.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray();
        return new PdfRect(Math.Min(v[0], v[2]), Math.Min(v[1], v[3]), Math.Max(v[0], v[2]), Math.Max(v[1], v[3]));
    }
}
