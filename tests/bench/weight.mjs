// Page weight: what a first visit to one page downloads, measured from a
// running server the way a browser asks for it.
import { gzipSync } from 'node:zlib';

/** Gzipped size at the level a static host would precompress with. */
export const gz = (bytes) => gzipSync(bytes, { level: 9 }).byteLength;

// Text that exists only in opencc-js's dictionaries and code: in a client file it means the converter shipped.
const dictionaryMarks = ['一擲千金', 'Invalid dictionary entry'];

/**
 * Fetches a page and every script and stylesheet it loads. Scripts marked
 * noModule are legacy polyfills that current browsers never fetch: left out.
 */
export async function weigh(origin, path) {
  const html = Buffer.from(await (await fetch(origin + path)).arrayBuffer());
  const text = html.toString('utf8');
  const assets = [...text.matchAll(/<(?:script|link)([^>]*?)(?:src|href)="(\/_next\/static\/[^"]+\.(js|css))"([^>]*)>/g)].filter(
    (match) => !/noModule/i.test(match[1] + match[4]),
  );
  const files = new Map();
  for (const [, , url, kind] of assets) {
    if (files.has(url)) continue;
    const body = Buffer.from(await (await fetch(origin + url)).arrayBuffer());
    files.set(url, { kind, gzip: gz(body), dictionary: dictionaryMarks.some((mark) => body.includes(mark)) });
  }
  // The RSC payload Next.js inlines for hydration: the page once more, as data.
  const inlinePayload = /<script>self\.__next_f\.push\((.*?)\)<\/script>/gs;
  const inline = [...text.matchAll(inlinePayload)];
  const htmlGzip = gz(html);
  const markupGzip = gz(Buffer.from(text.replace(inlinePayload, '')));
  return {
    path,
    htmlBytes: html.byteLength,
    htmlGzip,
    inlineRscBytes: inline.reduce((sum, match) => sum + Buffer.byteLength(match[1]), 0),
    markupGzip,
    // What the payload adds once gzip has matched what it repeats from the markup.
    inlineRscGzipAdded: htmlGzip - markupGzip,
    files,
    jsGzip: sum(files, 'js'),
    cssGzip: sum(files, 'css'),
    requests: 1 + files.size,
    dictionaryInClient: [...files.values()].some((file) => file.dictionary),
  };
}

function sum(files, kind, keep = () => true) {
  let total = 0;
  for (const [url, file] of files) if (file.kind === kind && keep(url)) total += file.gzip;
  return total;
}

/**
 * Splits a page's client JavaScript in two: chunks the bare framework page
 * also loads are the framework's runtime, the rest is the site's own code.
 * Turbopack names chunks by content, so an identical chunk has the same name.
 */
export function splitScripts(page, floorPage) {
  const framework = new Set([...floorPage.files.keys()]);
  return {
    frameworkGzip: sum(page.files, 'js', (url) => framework.has(url)),
    ownGzip: sum(page.files, 'js', (url) => !framework.has(url)),
    ownFiles: [...page.files.keys()].filter((url) => page.files.get(url).kind === 'js' && !framework.has(url)),
  };
}
