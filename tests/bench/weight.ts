// Page weight: what a first visit to one page downloads, measured from a
// running server the way a browser asks for it; and the HTML of built pages.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Gzipped size at the level a static host would precompress with. */
export const gz = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).byteLength;

// Text that exists only in opencc-js's dictionaries and code: in a client file it means the converter shipped.
export const dictionaryMarks: readonly string[] = ['一擲千金', 'Invalid dictionary entry'];

interface AssetFile {
  readonly kind: 'js' | 'css';
  readonly gzip: number;
  readonly dictionary: boolean;
}

/** What a first visit to a page downloads. */
export interface PageWeight {
  readonly path: string;
  readonly htmlBytes: number;
  readonly htmlGzip: number;
  readonly inlineRscBytes: number;
  readonly markupGzip: number;
  /** What the inline RSC payload adds once gzip has matched what it repeats from the markup. */
  readonly inlineRscGzipAdded: number;
  readonly files: ReadonlyMap<string, AssetFile>;
  readonly jsGzip: number;
  readonly cssGzip: number;
  readonly requests: number;
  readonly dictionaryInClient: boolean;
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * Fetches a page and every script and stylesheet it loads. Scripts marked
 * noModule are legacy polyfills that current browsers never fetch: left out.
 */
export async function weigh(origin: string, path: string): Promise<PageWeight> {
  const html = await fetchBytes(origin + path);
  const text = html.toString('utf8');
  const files = new Map<string, AssetFile>();
  for (const match of text.matchAll(
    /<(?:script|link)([^>]*?)(?:src|href)="(\/_next\/static\/[^"]+\.(js|css))"([^>]*)>/g,
  )) {
    const [, before = '', url = '', kind, after = ''] = match;
    if (/noModule/i.test(before + after) || files.has(url) || (kind !== 'js' && kind !== 'css')) continue;
    const body = await fetchBytes(origin + url);
    files.set(url, { kind, gzip: gz(body), dictionary: dictionaryMarks.some((mark) => body.includes(mark)) });
  }
  // The RSC payload Next.js inlines for hydration: the page once more, as data.
  const inlinePayload = /<script>self\.__next_f\.push\((.*?)\)<\/script>/gs;
  const htmlGzip = gz(html);
  const markupGzip = gz(Buffer.from(text.replace(inlinePayload, '')));
  return {
    path,
    htmlBytes: html.byteLength,
    htmlGzip,
    inlineRscBytes: [...text.matchAll(inlinePayload)].reduce(
      (sum, match) => sum + Buffer.byteLength(match[1] ?? ''),
      0,
    ),
    markupGzip,
    inlineRscGzipAdded: htmlGzip - markupGzip,
    files,
    jsGzip: sumGzip(files, 'js'),
    cssGzip: sumGzip(files, 'css'),
    requests: 1 + files.size,
    dictionaryInClient: [...files.values()].some((file) => file.dictionary),
  };
}

function sumGzip(
  files: ReadonlyMap<string, AssetFile>,
  kind: AssetFile['kind'],
  keep: (url: string) => boolean = () => true,
): number {
  let total = 0;
  for (const [url, file] of files) if (file.kind === kind && keep(url)) total += file.gzip;
  return total;
}

/** A page's client JavaScript split in two: the framework's runtime and the site's own code. */
export interface ScriptSplit {
  readonly frameworkGzip: number;
  readonly ownGzip: number;
  readonly ownFiles: readonly string[];
}

/**
 * Chunks the bare framework page also loads are the framework's runtime, the
 * rest is the site's own code. Turbopack names chunks by content, so an
 * identical chunk has the same name.
 */
export function splitScripts(page: PageWeight, floorPage: PageWeight): ScriptSplit {
  const framework = new Set(floorPage.files.keys());
  return {
    frameworkGzip: sumGzip(page.files, 'js', (url) => framework.has(url)),
    ownGzip: sumGzip(page.files, 'js', (url) => !framework.has(url)),
    ownFiles: [...page.files].filter(([url, file]) => file.kind === 'js' && !framework.has(url)).map(([url]) => url),
  };
}

/** The HTML of a built page: raw bytes and gzipped. */
export interface HtmlWeight {
  readonly route: string;
  readonly bytes: number;
  readonly gzip: number;
  /** Articles the page lists (a home or topic page); 0 for an article page. */
  readonly listed: number;
}

/** Weighs a prerendered HTML file as `next start` sends it (before its own compression). */
export function weighHtmlFile(route: string, file: string): HtmlWeight {
  const html = fs.readFileSync(file);
  // Each entry of a list page is `<li><h2><a href="/<script>/articles/…">` (components/article-list.tsx).
  const listed = html.toString('utf8').split(/<li><h2><a href="\/zh-han[st]\/articles\//).length - 1;
  return { route, bytes: html.byteLength, gzip: gz(html), listed };
}
