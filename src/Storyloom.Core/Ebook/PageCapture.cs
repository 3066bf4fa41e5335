using System.Text.Json;
using Microsoft.Playwright;
using Storyloom.Print.Geometry;
using Storyloom.Print.Printing;

namespace Storyloom.Core.Ebook;

/// <summary>One sentence of a page's text, the id of the span that holds it in the page's XHTML.</summary>
public sealed record Sentence(string Id, string Text);

/// <summary>
/// A box of live text lifted off the printed page: where it was (in % of the trimmed page), its type size there, its box
/// styling and its content as XHTML with every style inlined in em (so the whole block scales with one font size).
/// </summary>
public sealed record TextBlock(double X, double Y, double W, double H, double FontPx, double SmallestPx, string Style, string Html,
    IReadOnlyList<Sentence> Sentences)
{
    /// <summary>The trimmed print page's width in CSS px, on which the type sizes and box styles were measured.</summary>
    public double PageWidthPx { get; init; }
}

/// <summary>A printed page as the eBook shows it: the picture (everything but the text) and the text blocks over it.</summary>
public sealed record CapturedPage(int Number, string ImageFile, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// Reads the print layout's own interior.html (the same pictures, fonts and boxes the PDF was printed from): for each page it
/// lifts the text boxes out as XHTML, hides them, and shoots the rest, the trimmed page without bleed, as a JPEG of the eBook's
/// page size. Nothing is drawn again.
/// </summary>
public static class PageCapture
{
    public static async Task<IReadOnlyList<CapturedPage>> CaptureAsync(ChromiumPrinter printer, string interiorHtml, InteriorGeometry geometry,
        EbookGeometry screen, IReadOnlyList<int> pages, string imageDir, CancellationToken ct)
    {
        Directory.CreateDirectory(imageDir);
        const double px = 4.0 / 3.0;
        var trimW = geometry.Options.Trim.WidthPt * px;
        var scale = screen.Width / trimW;
        var (tabW, tabH) = ((int)Math.Ceiling(geometry.PageWidthPt * px) + 4, (int)Math.Ceiling(geometry.PageHeightPt * px) + 4);
        return await printer.InTabAsync(interiorHtml, tabW, tabH, scale, async tab =>
        {
            var result = new List<CapturedPage>();
            foreach (var number in pages)
            {
                ct.ThrowIfCancellationRequested();
                var trim = geometry.TrimBox(number);
                var rect = new { x = trim.X0 * px, y = (geometry.MediaBox.Y1 - trim.Y1) * px, w = trim.Width * px, h = trim.Height * px };
                var json = await tab.EvaluateAsync<JsonElement>(Script, new { page = number, trim = rect });
                var blocks = (json.Deserialize<List<TextBlock>>(JsonSerializerOptions.Web) ?? []).Select(b => b with { PageWidthPx = rect.w }).ToList();
                var file = Path.Combine(imageDir, $"p{number:000}.jpg");
                await tab.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = file,
                    Type = ScreenshotType.Jpeg,
                    Quality = 80,
                    Clip = new Clip { X = (float)rect.x, Y = (float)rect.y, Width = (float)rect.w, Height = (float)rect.h },
                });
                result.Add(new CapturedPage(number, file, blocks));
            }
            return (IReadOnlyList<CapturedPage>)result;
        }, ct);
    }

    /// <summary>
    /// Shows only the asked page; finds the boxes that hold text (a panel, a fitted box, an absolutely placed box); copies each
    /// with its computed styles inlined in em, its sentences wrapped in numbered spans; then hides it for the picture.
    /// </summary>
    private const string Script = """
        ({ page, trim }) => {
          const sections = [...document.querySelectorAll('section[data-page]')];
          for (const s of sections) s.style.display = s.dataset.page == String(page) ? '' : 'none';
          const section = sections.find(s => s.dataset.page == String(page));
          const sr = section.getBoundingClientRect();
          const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
          const roots = [];
          while (walker.nextNode()) {
            const t = walker.currentNode;
            if (!t.nodeValue.trim() || !t.parentElement || t.parentElement.closest('svg')) continue;
            const root = t.parentElement.closest('.panel, [data-fit], .abs, .card') || t.parentElement;
            if (!roots.includes(root)) roots.push(root);
          }
          const blocks = roots.filter(r => !roots.some(o => o !== r && o.contains(r)));
          const num = v => parseFloat(v) || 0;
          const em = (v, size) => (num(v) / size).toFixed(4).replace(/\.?0+$/, '') + 'em';
          const emList = (v, size) => v.replace(/(-?[\d.]+)px/g, (_, n) => em(n, size));
          let sentence = 0;
          const out = [];
          for (const root of blocks) {
            const rs = getComputedStyle(root);
            const rootPx = num(rs.fontSize);
            let smallest = rootPx;
            const clone = root.cloneNode(true);
            const originals = [root, ...root.querySelectorAll('*')];
            const copies = [clone, ...clone.querySelectorAll('*')];
            originals.forEach((o, i) => {
              const c = copies[i], cs = getComputedStyle(o);
              const size = num(cs.fontSize);
              const parentSize = i === 0 ? rootPx : num(getComputedStyle(o.parentElement).fontSize);
              if (o.textContent.trim()) smallest = Math.min(smallest, size);
              const lh = cs.lineHeight === 'normal' ? 'normal' : (num(cs.lineHeight) / size).toFixed(3);
              const st = [
                i === 0 ? '' : `font-size:${em(size, parentSize)}`,
                `font-weight:${cs.fontWeight}`, `font-style:${cs.fontStyle}`, `color:${cs.color}`, `line-height:${lh}`,
                `text-align:${cs.textAlign}`, `white-space:${cs.whiteSpace}`,
                cs.display.includes('flex') ? `display:flex;flex-direction:${cs.flexDirection};align-items:${cs.alignItems};justify-content:${cs.justifyContent};gap:${emList(cs.columnGap === 'normal' ? '0px' : cs.columnGap, size)}` : (i === 0 ? '' : `display:${cs.display === 'inline' ? 'inline' : cs.display === 'inline-block' ? 'inline-block' : 'block'}`),
                i === 0 ? '' : `margin:${emList(`${cs.marginTop} 0 ${cs.marginBottom} 0`, size)}`,
                cs.textShadow !== 'none' ? `text-shadow:${emList(cs.textShadow, size)}` : '',
                num(cs.webkitTextStrokeWidth) > 0 ? `-webkit-text-stroke:${em(cs.webkitTextStrokeWidth, size)} ${cs.webkitTextStrokeColor}` : '',
                i > 0 && cs.backgroundColor !== 'rgba(0, 0, 0, 0)' ? `background-color:${cs.backgroundColor}` : '',
                i > 0 && num(cs.borderTopWidth) > 0 ? `border:${em(cs.borderTopWidth, size)} ${cs.borderTopStyle} ${cs.borderTopColor};border-radius:${emList(cs.borderTopLeftRadius, size)};padding:${emList(cs.padding, size)}` : '',
              ].filter(x => x).join(';');
              for (const a of [...c.attributes]) if (a.name !== 'dir') c.removeAttribute(a.name);
              c.setAttribute('style', st);
            });
            const sentences = [];
            const texts = [];
            const tw = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
            while (tw.nextNode()) texts.push(tw.currentNode);
            for (const t of texts) {
              const pieces = t.nodeValue.match(/[^.!?\u2026\u3002\uff01\uff1f]+(?:[.!?\u2026\u3002\uff01\uff1f]+["'\u201d\u2019\u00bb)]*)?\s*|[.!?\u2026]+\s*/g) || [];
              if (pieces.join('').trim() === '') continue;
              const frag = document.createDocumentFragment();
              for (const piece of pieces) {
                if (!/[\p{L}\p{N}]/u.test(piece)) { frag.appendChild(document.createTextNode(piece)); continue; }
                const id = `s${++sentence}`;
                const span = document.createElement('span');
                span.id = id;
                span.textContent = piece;
                frag.appendChild(span);
                sentences.push({ id, text: piece.trim() });
              }
              t.parentNode.replaceChild(frag, t);
            }
            const r = root.getBoundingClientRect();
            const boxStyle = [
              rs.backgroundColor !== 'rgba(0, 0, 0, 0)' ? `background-color:${rs.backgroundColor}` : '',
              num(rs.borderTopWidth) > 0 ? `border:${rs.borderTopWidth} ${rs.borderTopStyle} ${rs.borderTopColor}` : '',
              num(rs.borderTopLeftRadius) > 0 ? `border-radius:${rs.borderTopLeftRadius}` : '',
              `padding:${rs.padding}`, `text-align:${rs.textAlign}`,
              clone.getAttribute('style'),
            ].filter(x => x).join(';');
            const serializer = new XMLSerializer();
            out.push({
              x: (r.left - sr.left - trim.x) / trim.w * 100, y: (r.top - sr.top - trim.y) / trim.h * 100,
              w: r.width / trim.w * 100, h: r.height / trim.h * 100,
              fontPx: rootPx, smallestPx: smallest, style: boxStyle,
              html: [...clone.childNodes].map(n => serializer.serializeToString(n)).join(''),
              sentences,
            });
            root.style.visibility = 'hidden';
          }
          return out;
        }
        """;
}
