// The site under test: a generated archive (tests/support/archive.ts) in the
// bench's scratch folder, built with `npm run build` into a folder of its own
// (NEXT_DIST_DIR, CONTENT_DIR), served with `next start`, its pages read from
// the build's prerender manifest and sitemaps. Nothing here reads content/.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ts from 'typescript';
import { z } from 'zod';
import { writeArchive, type ArchiveSummary } from '../support/archive';
import { startServer, timedRun, type ExtraEnv, type RunResult } from './processes';

export const projectDir = path.resolve(__dirname, '../..');
// Inside the project, so the floor app resolves the project's node_modules; ignored by git and tsc.
export const scratch = path.join(projectDir, '.bench');
export const nextBin = path.join(projectDir, 'node_modules/next/dist/bin/next');
export const tsxBin = path.join(projectDir, 'node_modules/tsx/dist/cli.mjs');

/** Where one generated site lives: its content and its build, under .bench/<name>/. */
export interface SiteFolders {
  readonly name: string;
  readonly root: string;
  readonly contentDir: string;
  /** Relative to the project, as NEXT_DIST_DIR and next.config.ts's distDir take it. */
  readonly distDir: string;
}

export function siteFolders(name: string): SiteFolders {
  const root = path.join(scratch, name);
  return {
    name,
    root,
    contentDir: path.join(root, 'content'),
    distDir: path.relative(projectDir, path.join(root, 'next')),
  };
}

/** The environment that points the site's build, checks and server at one generated site, and its own card cache. */
export function siteEnv(site: SiteFolders): ExtraEnv {
  return { CONTENT_DIR: site.contentDir, NEXT_DIST_DIR: site.distDir, CARD_CACHE_DIR: cardCacheDir(site) };
}

/** The site's link-preview card cache (lib/card-cache.ts): emptied before each build, so a build draws every card. */
export function cardCacheDir(site: SiteFolders): string {
  return path.join(site.root, 'cards');
}

/** Writes the archive of `count` articles (seed 1, so every run builds the same site); photos go to public/images/archive/. */
export function generateArchive(site: SiteFolders, count: number): ArchiveSummary {
  return writeArchive({ count, out: site.contentDir, seed: 1, publicDir: path.join(projectDir, 'public') });
}

/** The article files of a generated archive, in slug order (archive-1 … archive-N). */
export function archiveFiles(site: SiteFolders): string[] {
  const dir = path.join(site.contentDir, 'articles');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name));
}

// Prerendering is the part of a build that grows with the pages: timed from Next's own progress lines.
export const prerenderMarks = { start: /Generating static pages using/, end: /✓ Generating static pages/ } as const;

/** Seconds between Next's first and last "Generating static pages" lines; null when either is missing. */
export function prerenderSeconds(run: RunResult): number | null {
  const { start, end } = run.marks;
  return start !== undefined && end !== undefined ? end - start : null;
}

/** How many workers Next used to prerender, from its progress line. */
export function prerenderWorkers(run: RunResult): number | null {
  const workers = /Generating static pages using (\d+) workers?/.exec(run.output)?.[1];
  return workers === undefined ? null : Number(workers);
}

/** A generous bound on a build of this many articles: a stuck build is stopped, a slow one is not. */
export const buildTimeoutMs = (articles: number): number => 20 * 60_000 + articles * 1_000;

/**
 * `npm run build` (next build, then the pages' CSP hashes) of a generated site, from an empty card
 * cache, or with `keepCards` from the cards the last build drew, as a rebuild of a newsroom is.
 */
export function buildSite(
  site: SiteFolders,
  articles: number,
  extraEnv: ExtraEnv = {},
  keepCards = false,
): Promise<RunResult> {
  fs.rmSync(path.join(projectDir, site.distDir), { recursive: true, force: true });
  if (!keepCards) fs.rmSync(cardCacheDir(site), { recursive: true, force: true });
  return timedRun('npm', ['run', 'build'], {
    cwd: projectDir,
    extraEnv: { ...siteEnv(site), ...extraEnv },
    marks: prerenderMarks,
    timeoutMs: buildTimeoutMs(articles),
  });
}

/** `next start` on 127.0.0.1 serving a generated site's build; up when `probePath` answers 200. */
export function startSite(
  site: SiteFolders,
  port: number,
  probePath: string,
  extraEnv: ExtraEnv = {},
): Promise<ChildProcess> {
  return startServer(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: projectDir,
    url: `http://127.0.0.1:${port}${probePath}`,
    extraEnv: { ...siteEnv(site), ...extraEnv },
    // A build of thousands of pages has a prerender manifest of megabytes to read first.
    timeoutMs: 180_000,
  });
}

// ---- Pages of a build.

const prerenderManifest = z.object({
  routes: z.record(
    z.string(),
    z.object({
      srcRoute: z.string().nullable().optional(),
      routeType: z.enum(['page', 'route']).optional(),
    }),
  ),
});

/** A prerendered route of a build: its URL path, the route it comes from, and its HTML file when it is a page. */
export interface BuiltRoute {
  readonly path: string;
  readonly srcRoute: string;
  readonly htmlFile: string | undefined;
}

/** Every prerendered route of a build but Next's internal ones (/_not-found, /_global-error). */
export function builtRoutes(distDir: string): BuiltRoute[] {
  const dir = path.resolve(projectDir, distDir);
  const manifest = prerenderManifest.parse(
    JSON.parse(fs.readFileSync(path.join(dir, 'prerender-manifest.json'), 'utf8')),
  );
  return Object.entries(manifest.routes)
    .filter(([route]) => !route.startsWith('/_'))
    .map(([route, entry]) => {
      const htmlFile = path.join(dir, 'server', 'app', `${route === '/' ? 'index' : route.slice(1)}.html`);
      return {
        path: route,
        srcRoute: entry.srcRoute ?? route,
        htmlFile: entry.routeType !== 'route' && fs.existsSync(htmlFile) ? htmlFile : undefined,
      };
    });
}

/** The prerendered HTML pages of a build. */
export function builtPages(distDir: string): (BuiltRoute & { readonly htmlFile: string })[] {
  return builtRoutes(distDir).flatMap((route) =>
    route.htmlFile === undefined ? [] : [{ ...route, htmlFile: route.htmlFile }],
  );
}

/**
 * The kinds of page the bench weighs, told apart by the route they are built
 * from (found in the manifest, never by guessing URLs). Topic pages exist once
 * a topics route does; until then there is none to weigh.
 */
export const pageKinds = {
  home: (srcRoute: string) => srcRoute === '/[script]',
  article: (srcRoute: string) => /^\/\[script\]\/articles\/\[[^\]]+\]$/.test(srcRoute),
  topic: (srcRoute: string) => /^\/\[script\]\/topics\/\[[^\]]+\]$/.test(srcRoute),
} as const;

export type PageKind = keyof typeof pageKinds;

/**
 * One Simplified page of each kind: the home page, the first article (archive-1,
 * the same article at every size), and the first page of the busiest topic (the
 * one whose later pages go furthest, so the first is full soonest).
 */
export function samplePages(distDir: string): Partial<Record<PageKind, BuiltRoute & { readonly htmlFile: string }>> {
  const pages = builtPages(distDir)
    .filter((page) => page.path.startsWith('/zh-hans'))
    .sort((a, b) => a.path.localeCompare(b.path));
  const sample: Partial<Record<PageKind, BuiltRoute & { readonly htmlFile: string }>> = {};
  for (const kind of Object.keys(pageKinds) as PageKind[]) {
    const ofKind = pages.filter((page) => pageKinds[kind](page.srcRoute));
    sample[kind] =
      kind === 'article'
        ? (ofKind.find((page) => /archive-0*1$/.test(page.path)) ?? ofKind[0])
        : kind === 'topic'
          ? busiestTopic(pages, ofKind)
          : ofKind[0];
  }
  return sample;
}

/** The first page of the topic with the most later pages (/topics/x/page/N), or the first topic. */
function busiestTopic<T extends { readonly path: string }>(pages: readonly T[], topics: readonly T[]): T | undefined {
  const laterPages = (topic: T) => pages.filter((page) => page.path.startsWith(`${topic.path}/page/`)).length;
  return [...topics].sort((a, b) => laterPages(b) - laterPages(a))[0];
}

// ---- Sitemaps, read from a running server as a crawler reads them.

// An empty <urlset> (the news sitemap when nothing was published in its 48 hours) parses as "".
const noUrls = z.literal('').transform(() => ({ url: [] }));
const sitemapXml = z.union([
  z.object({ urlset: z.union([z.object({ url: z.array(z.object({ loc: z.string() })).default([]) }), noUrls]) }),
  z.object({ sitemapindex: z.object({ sitemap: z.array(z.object({ loc: z.string() })).default([]) }) }),
]);

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

async function fetchText(url: string): Promise<string | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  return response.ok ? response.text() : undefined;
}

/**
 * The URL paths every sitemap of the site lists: those robots.txt names, the
 * sitemap routes of the build, and any sitemap an index points to (Next writes
 * no index by itself: generateSitemaps makes /sitemap/<id>.xml).
 */
export async function sitemapPaths(
  origin: string,
  distDir: string,
): Promise<{ readonly sitemaps: readonly string[]; readonly paths: readonly string[] }> {
  const robots = (await fetchText(`${origin}/robots.txt`)) ?? '';
  const queue = [
    ...[...robots.matchAll(/^sitemap:\s*(\S+)/gim)].map((match) => new URL(match[1] ?? '/', origin).pathname),
    ...builtRoutes(distDir)
      .filter((route) => /sitemap[^/]*\.xml$/.test(route.path))
      .map((route) => route.path),
  ];
  const sitemaps = new Set<string>();
  const paths = new Set<string>();
  for (let sitemap = queue.shift(); sitemap !== undefined; sitemap = queue.shift()) {
    if (sitemaps.has(sitemap)) continue;
    sitemaps.add(sitemap);
    const text = await fetchText(origin + sitemap);
    if (text === undefined) throw new Error(`${sitemap}: not found, though robots.txt or the build names it`);
    const parsed = sitemapXml.parse(xml.parse(text));
    // Sitemaps hold absolute URLs on the public origin (SITE_URL): the path is what this server answers.
    if ('urlset' in parsed) for (const { loc } of parsed.urlset.url) paths.add(new URL(loc).pathname);
    else for (const { loc } of parsed.sitemapindex.sitemap) queue.push(new URL(loc).pathname);
  }
  return { sitemaps: [...sitemaps], paths: [...paths] };
}

// ---- Next's in-memory page cache under `next start`.

const requiredServerFiles = z.object({
  config: z.object({ cacheMaxMemorySize: z.number(), cacheHandler: z.string().nullable().optional() }),
});

/** What bounds Next's page cache in a `next start` of this build, and what a page costs in it. */
export interface PageCache {
  /** cacheMaxMemorySize as the build recorded it (next.config.ts; Next's default is 50 MB). */
  readonly maxSize: number;
  readonly customHandler: string | null;
  /** The size Next counts for a page (memory-cache.external.js): HTML characters + RSC bytes + segment bytes. */
  readonly countedPerPage: number;
  /** What the same entry takes in V8: HTML with Chinese text is a two-byte string, 2 bytes a character. */
  readonly heapPerPage: number;
  /** How many such pages the cache holds before its LRU evicts. */
  readonly pagesHeld: number;
}

function folderBytes(dir: string): { readonly bytes: number; readonly nameChars: number } {
  let bytes = 0;
  let nameChars = 0;
  if (!fs.existsSync(dir)) return { bytes, nameChars };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    bytes += fs.statSync(file).size;
    nameChars += path.relative(dir, file).length;
  }
  return { bytes, nameChars };
}

/** Reads the page cache's bound from the build and sizes one page's entry as Next sizes it. */
export function pageCache(distDir: string, page: BuiltRoute & { readonly htmlFile: string }): PageCache {
  const dir = path.resolve(projectDir, distDir);
  const { config } = requiredServerFiles.parse(
    JSON.parse(fs.readFileSync(path.join(dir, 'required-server-files.json'), 'utf8')),
  );
  const htmlChars = fs.readFileSync(page.htmlFile, 'utf8').length;
  const base = page.htmlFile.slice(0, -'.html'.length);
  const rscBytes = fs.existsSync(`${base}.rsc`) ? fs.statSync(`${base}.rsc`).size : 0;
  const segments = folderBytes(`${base}.segments`);
  const countedPerPage = page.path.length + htmlChars + rscBytes + segments.bytes + segments.nameChars;
  return {
    maxSize: config.cacheMaxMemorySize,
    customHandler: config.cacheHandler ?? null,
    countedPerPage,
    heapPerPage: page.path.length + 2 * htmlChars + rscBytes + segments.bytes + segments.nameChars,
    pagesHeld: Math.floor(config.cacheMaxMemorySize / countedPerPage),
  };
}

// ---- Preloads: TypeScript under the same strict tsc, run by processes that are not tsx's.

/**
 * Compiles a preload of tests/bench/ to CommonJS in the scratch folder and
 * returns its absolute path, for NODE_OPTIONS="--require <path>": Next's
 * processes and workers run plain node, which cannot load TypeScript itself.
 */
export function compilePreload(name: 'converter-count' | 'memory-log'): string {
  const source = fs.readFileSync(path.join(__dirname, `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const file = path.join(scratch, 'preload', `${name}.cjs`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, outputText);
  return file;
}

/** NODE_OPTIONS with a preload added to whatever the shell set. */
export function withPreload(preload: string): string {
  // Node and Next (which re-tokenizes NODE_OPTIONS for its workers) quote differently: keep paths plain.
  if (/\s/.test(preload))
    throw new Error(`the project path holds a space, which NODE_OPTIONS cannot carry safely: ${preload}`);
  return [process.env.NODE_OPTIONS, `--require=${preload}`].filter(Boolean).join(' ');
}
