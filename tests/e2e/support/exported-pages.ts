import fs from 'node:fs';
import path from 'node:path';
import { attribute, findElements, parseHtml } from '../../../lib/html';

/** An HTML file of an export and the URL path a server answers with it (the 404 page has none). */
export interface ExportedPage {
  /** Relative to the export's folder, with forward slashes. */
  readonly file: string;
  readonly path: string | undefined;
}

/** Every file of an export, relative to its folder, with forward slashes, sorted. */
export function exportedFiles(outDir: string): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Every HTML page of an export, as the servers map URLs to files.
 * @example exportedPages(out) // => [{ file: '404.html', path: undefined }, { file: 'index.html', path: '/' }, { file: 'zh-hans.html', path: '/zh-hans' }, …]
 */
export function exportedPages(outDir: string): ExportedPage[] {
  return exportedFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({
      file,
      path: file === '404.html' ? undefined : file === 'index.html' ? '/' : `/${file.slice(0, -'.html'.length)}`,
    }));
}

/**
 * What in a page's HTML runs or fetches JS, JSON-LD aside, one line each: every other
 * `<script>` and every link that preloads a script. Read from the file, before any browser.
 * @example scriptsOf('<script type="application/ld+json">{}</script><script src="/a.js"></script>') // => ['<script src="/a.js">']
 */
export function scriptsOf(html: string): string[] {
  const document = parseHtml(html);
  const scripts = findElements(document, 'script')
    .filter((script) => attribute(script, 'type') !== 'application/ld+json')
    .map((script) => {
      const src = attribute(script, 'src');
      return src === undefined ? '<script> inline' : `<script src="${src}">`;
    });
  const preloads = findElements(document, 'link')
    .filter((link) => {
      const rel = (attribute(link, 'rel') ?? '').toLowerCase().split(/\s+/);
      return (
        rel.includes('modulepreload') ||
        (rel.some((r) => r === 'preload' || r === 'prefetch') && attribute(link, 'as') === 'script')
      );
    })
    .map((link) => `<link rel="${attribute(link, 'rel') ?? ''}" href="${attribute(link, 'href') ?? ''}">`);
  return [...scripts, ...preloads];
}
