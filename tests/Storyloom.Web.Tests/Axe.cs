using System.Text.Json;
using Microsoft.Playwright;

namespace Storyloom.Web.Tests;

/// <summary>axe-core (web/node_modules, a dev dependency of the web app) run in the page: every screen the tests visit has 0 violations.</summary>
internal static class Axe
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Find()));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "web", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("axe-core is missing: run npm ci in web/");
    }

    /// <summary>Each violation as "rule: help (selectors of up to three nodes)".</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = Script.Value });
        }
        var json = await page.EvaluateAsync<string>("""
            async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations
              .map(v => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')})`))
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
