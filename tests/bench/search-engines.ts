// npm run bench:search: the search engines side by side on the same articles and queries.
//
//   npm run bench:search [-- --sizes 1000,10000] [--cpu-slowdown 4]
//
// Pagefind 1.6 (extended build, Chinese segmentation) is fed the same pre-folded text through
// its Node API (addCustomRecord), and gets each query folded the same way; MiniSearch is the
// site's own index (lib/search/: bigram terms in hashed shards, MiniSearch over the loaded
// terms). Recall is measured on the archive fixture site (60 generated articles, seed 1, and
// the seed article) against tests/support/search-oracle.ts; bytes and time at the largest size.
// For each query a fresh Chromium context (a cold cache) opens a bare page that runs the
// engine's own browser code, counts the bytes of every response after the page, a worker's too (gzip level 9
// for what this harness serves; Pagefind's files come gzipped from Pagefind itself), and the
// time from navigation to the first result in the DOM, with the CPU slowed by CDP. Index build
// time is from folded text to files, per 1,000 articles.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { z } from 'zod';
import { getFoldMap } from '@/lib/search/fold-map';
import { foldText } from '@/lib/search/terms';
import { searchCases, seedSlug } from '../fixtures/search/queries';
import { writeArchive } from '../support/archive';
import { freePort, progress, runMain } from './processes';
import { scratch, tsxBin } from './site';
import { count, kb, median, ms, percent, seconds, table } from './stats';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000' }, 'cpu-slowdown': { type: 'string', default: '4' } },
});
const largeSizes = values.sizes.split(',').map(Number);
const slowdown = Number(values['cpu-slowdown']);
const log = (line: string) => {
  progress('bench:search', line);
};
const load = () => (os.loadavg()[0] ?? 0).toFixed(1);
const root = path.join(scratch, 'search');

const indexReport = z.object({
  articles: z.number(),
  indexMs: z.number(),
  version: z.string(),
  shards: z.number(),
  gzipBytes: z.number(),
  bundle: z.object({ name: z.string() }),
  queries: z.array(
    z.object({ query: z.string(), found: z.array(z.string()).optional(), truth: z.array(z.string()).optional() }),
  ),
});
const documentLine = z.object({ slug: z.string(), title: z.string(), text: z.string(), written: z.string() });

/** Writes an archive of `articles` generated articles (with the seed article for the fixture size). */
function generate(dir: string, articles: number, withSeed: boolean): string {
  const content = path.join(dir, 'content');
  writeArchive({ count: articles, out: content, seed: 1, publicDir: path.join(dir, 'public') });
  if (withSeed)
    fs.copyFileSync(
      path.join('tests', 'fixtures', 'sites', 'reader', 'articles', `${seedSlug}.md`),
      path.join(content, 'articles', `${seedSlug}.md`),
    );
  return content;
}

/** The site's index of a content folder, written to dir/www/search/, measured by tests/bench/search-index.ts. */
function buildOwn(dir: string, content: string, recall: boolean) {
  const args = [
    '--conditions=react-server',
    'tests/bench/search-index.ts',
    '--write',
    path.join(dir, 'www'),
    '--documents',
    path.join(dir, 'documents.jsonl'),
    ...(recall ? ['--recall'] : []),
  ];
  const run = spawnSync(process.execPath, [tsxBin, ...args], {
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`search-index.ts failed: ${run.stderr}`);
  return indexReport.parse(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? 'null'));
}

/**
 * Pagefind's index of the same folded text (or, with `written`, of each article as its own
 * script shows it, unfolded), written to dir/www/<folder>/; returns the time it took.
 */
async function buildPagefind(
  dir: string,
  variant: 'folded' | 'written' = 'folded',
): Promise<{ readonly ms: number; readonly bytes: number }> {
  const documents = fs
    .readFileSync(path.join(dir, 'documents.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => documentLine.parse(JSON.parse(line)));
  const pagefind = await import('pagefind');
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const document of documents) {
    await index.addCustomRecord({
      url: `/zh-hans/articles/${document.slug}`,
      content: document.text,
      language: 'zh',
      meta: { title: document.title },
    });
  }
  const outputPath = path.join(dir, 'www', variant === 'folded' ? 'pagefind' : 'pagefind-written');
  fs.rmSync(outputPath, { recursive: true, force: true });
  await index.writeFiles({ outputPath });
  const elapsed = performance.now() - started;
  await pagefind.close();
  const bytes = fs
    .readdirSync(outputPath, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.css') && !entry.parentPath.includes('playground'))
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
  return { ms: elapsed, bytes };
}

// The harness pages: each records when the first result reaches the DOM and the list of results.
const observe = `<script>new MutationObserver((_, o) => { if (document.querySelector('ol li')) { window.firstResultAt = performance.now(); o.disconnect(); } }).observe(document, { subtree: true, childList: true });</script>`;

function ownPage(report: z.infer<typeof indexReport>): string {
  const labels =
    'data-label-prompt="" data-label-loading="…" data-label-count="{count}" data-label-none="0" data-label-failed="!" data-label-cut="" data-label-more="+"';
  return `<!doctype html><meta charset="utf-8">${observe}
<div id="search" data-base="/search/" data-version="${report.version}" data-script="zh-hans" data-documents="${report.articles}" data-shards="${report.shards}" data-chunk="20" ${labels}>
<p class="search-needs-js"></p><div class="search-live"></div><div class="search-empty" hidden></div><div class="search-fallback"></div></div>
<script src="/search/${report.bundle.name}" defer></script>`;
}

const pagefindPage = (folder: string) => `<!doctype html><meta charset="utf-8">${observe}<ol id="results"></ol>
<script type="module">
const params = new URLSearchParams(location.search);
const pagefind = await import('/${folder}/pagefind.js');
// On the main thread, where the CPU slowdown applies (CDP does not slow a worker down).
await pagefind.options({ noWorker: true });
const search = await pagefind.search(params.get('q') ?? '');
const shown = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
for (const data of shown) { const li = document.createElement('li'); li.textContent = data.meta.title; document.getElementById('results').append(li); }
window.searchDone = true;
if (params.has('all')) window.searchUrls = (await Promise.all(search.results.map((result) => result.data()))).map((data) => data.url);
window.allDone = true;
</script>`;

/** A static server of dir/www on 127.0.0.1, gzipping what it serves as a static host would (Pagefind's files are gzipped already). */
async function serve(dir: string): Promise<{ readonly origin: string; readonly close: () => void }> {
  const www = path.join(dir, 'www');
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const file = path.join(www, decodeURIComponent(url.pathname));
    if (!file.startsWith(www) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const body = fs.readFileSync(file);
    const type = types[path.extname(file)];
    if (type)
      response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip' }).end(gzipSync(body, { level: 9 }));
    else response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

interface Visit {
  readonly bytes: number;
  readonly requests: number;
  readonly firstResultMs: number | null;
  readonly urls: readonly string[] | null;
}

/** Opens a harness page in a fresh context with a slowed CPU; counts what it downloads. */
async function visit(
  browser: Browser,
  url: string,
  options: { readonly all: boolean; readonly slowdown: number },
): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (options.slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.slowdown });
  // Playwright sees the requests of workers too; each body as received (gzipped where served so).
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'document') sizes.push(request.sizes().then((size) => size.responseBodySize));
  });
  await page.goto(url);
  await page.waitForFunction(
    (all) => {
      const state = window as unknown as Record<string, unknown>;
      if (all)
        return state.allDone === true || document.querySelector('.search-status')?.textContent.endsWith('…') === false;
      return (
        state.firstResultAt !== undefined ||
        state.searchDone === true ||
        /^\d+$|^0$/.test(document.querySelector('.search-status')?.textContent ?? '')
      );
    },
    options.all,
    { timeout: 120_000, polling: 50 },
  );
  await page.waitForLoadState('networkidle');
  const firstResultAt = await page.evaluate(() => (window as unknown as Record<string, unknown>).firstResultAt);
  const urls = await page.evaluate(() => (window as unknown as Record<string, unknown>).searchUrls);
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return {
    bytes,
    requests: sizes.length,
    firstResultMs: typeof firstResultAt === 'number' ? firstResultAt : null,
    urls: Array.isArray(urls) ? urls.filter((item): item is string => typeof item === 'string') : null,
  };
}

interface EngineFigures {
  recall: number | null;
  missed: string[];
  buildMsPer1000: number[];
  bytes: number[];
  firstResultMs: number[];
  indexBytesPer1000: number[];
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  });
  const map = getFoldMap();
  const engines: Record<'pagefind' | 'minisearch', EngineFigures> = {
    pagefind: { recall: null, missed: [], buildMsPer1000: [], bytes: [], firstResultMs: [], indexBytesPer1000: [] },
    minisearch: { recall: null, missed: [], buildMsPer1000: [], bytes: [], firstResultMs: [], indexBytesPer1000: [] },
  };
  const loads: string[] = [];
  let writtenRecall: number | null = null;
  const writtenMissed = new Set<string>();

  // Recall, on the archive fixture.
  {
    const dir = path.join(root, 'fixture');
    log(`fixture: archive of 60 and the seed article (load ${load()})`);
    const own = buildOwn(dir, generate(dir, 60, true), true);
    await buildPagefind(dir);
    await buildPagefind(dir, 'written');
    fs.writeFileSync(path.join(dir, 'www', 'pagefind.html'), pagefindPage('pagefind'));
    fs.writeFileSync(path.join(dir, 'www', 'pagefind-written.html'), pagefindPage('pagefind-written'));
    const server = await serve(dir);
    let expected = 0;
    const found = { pagefind: 0, minisearch: 0, written: 0 };
    for (const result of own.queries) {
      const truth = new Set(result.truth ?? []);
      expected += truth.size;
      const ownFound = new Set(result.found ?? []);
      const folded = foldText(result.query, map);
      const pagefindUrls =
        (
          await visit(browser, `${server.origin}/pagefind.html?all&q=${encodeURIComponent(folded)}`, {
            all: true,
            slowdown: 1,
          })
        ).urls ?? [];
      const pagefindFound = new Set(pagefindUrls.map((url) => url.split('/').at(-1) ?? ''));
      // The case against Pagefind's own segmentation: unfolded text, the query as typed.
      const writtenUrls =
        (
          await visit(browser, `${server.origin}/pagefind-written.html?all&q=${encodeURIComponent(result.query)}`, {
            all: true,
            slowdown: 1,
          })
        ).urls ?? [];
      const writtenFound = new Set(writtenUrls.map((url) => url.split('/').at(-1) ?? ''));
      for (const slug of truth) {
        if (ownFound.has(slug)) found.minisearch += 1;
        else engines.minisearch.missed.push(`${result.query}: ${slug}`);
        if (pagefindFound.has(slug)) found.pagefind += 1;
        else engines.pagefind.missed.push(`${result.query}: ${slug}`);
        if (writtenFound.has(slug)) found.written += 1;
        else writtenMissed.add(result.query);
      }
    }
    server.close();
    engines.pagefind.recall = found.pagefind / expected;
    writtenRecall = found.written / expected;
    engines.minisearch.recall = found.minisearch / expected;
    loads.push(`recall ${load()}`);
  }

  for (const size of largeSizes) {
    const dir = path.join(root, `site-${size}`);
    log(`${count(size)} articles: generating (load ${load()})`);
    const content = generate(dir, size, false);
    log(`${count(size)} articles: the site's index (load ${load()})`);
    const own = buildOwn(dir, content, false);
    log(`${count(size)} articles: Pagefind's index (load ${load()})`);
    const pagefind = await buildPagefind(dir);
    engines.minisearch.buildMsPer1000.push((own.indexMs * 1000) / own.articles);
    engines.pagefind.buildMsPer1000.push((pagefind.ms * 1000) / own.articles);
    engines.minisearch.indexBytesPer1000.push((own.gzipBytes * 1000) / own.articles);
    engines.pagefind.indexBytesPer1000.push((pagefind.bytes * 1000) / own.articles);
    fs.writeFileSync(path.join(dir, 'www', 'own.html'), ownPage(own));
    fs.writeFileSync(path.join(dir, 'www', 'pagefind.html'), pagefindPage('pagefind'));
    const server = await serve(dir);
    log(`${count(size)} articles: ${searchCases.length} queries × 2 engines, CPU ${slowdown}× slower (load ${load()})`);
    for (const { query, findsNothing } of searchCases) {
      const own = await visit(browser, `${server.origin}/own.html?q=${encodeURIComponent(query)}`, {
        all: false,
        slowdown,
      });
      const other = await visit(
        browser,
        `${server.origin}/pagefind.html?q=${encodeURIComponent(foldText(query, map))}`,
        { all: false, slowdown },
      );
      engines.minisearch.bytes.push(own.bytes);
      engines.pagefind.bytes.push(other.bytes);
      if (!findsNothing && own.firstResultMs !== null) engines.minisearch.firstResultMs.push(own.firstResultMs);
      if (!findsNothing && other.firstResultMs !== null) engines.pagefind.firstResultMs.push(other.firstResultMs);
    }
    server.close();
    loads.push(`${count(size)}: ${load()}`);
  }
  await browser.close();

  const row = (name: string, figures: EngineFigures) => [
    name,
    percent(figures.recall),
    `${kb(median(figures.bytes))} / ${kb(Math.max(...figures.bytes))}`,
    kb(median(figures.indexBytesPer1000)),
    seconds((median(figures.buildMsPer1000) ?? 0) / 1000),
    `${ms(median(figures.firstResultMs), 0)} / ${ms(Math.max(...figures.firstResultMs), 0)}`,
  ];
  console.log(
    table(
      [
        'engine',
        'recall (fixture, 46 queries)',
        `bytes per query at ${largeSizes.map(count).join(', ')}: median / max`,
        'index per 1,000 articles',
        'index build per 1,000',
        `first result, CPU ${slowdown}×: median / max`,
      ],
      [
        row('Pagefind 1.6.0 (extended), pre-folded text', engines.pagefind),
        row('MiniSearch 7.2.0 + bigram shards (this site)', engines.minisearch),
      ],
    ),
  );
  for (const [name, figures] of Object.entries(engines)) {
    if (figures.missed.length > 0)
      console.log(`${name} missed ${figures.missed.length}, e.g. ${figures.missed.slice(0, 8).join('; ')}`);
  }
  console.log(
    `Pagefind on unfolded text, queries as typed: recall ${percent(writtenRecall)}; queries missing articles: ${[...writtenMissed].join(' ')}`,
  );
  console.log(`load average (1 min) as each part ended: ${loads.join(', ')}; ${os.cpus().length} cores`);
  console.log(
    JSON.stringify({ engines, writtenRecall, writtenMissed: [...writtenMissed], slowdown, sizes: largeSizes, loads }),
  );
}

runMain(main);
