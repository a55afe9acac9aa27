// npm run bench:crawl: a crawler's burst over every page of a generated archive
// served by `next start` on 127.0.0.1, the way a search engine walks a site.
// Every URL of the build's sitemaps and prerender manifest is requested once,
// 64 at a time, each with a timeout and the whole crawl with a time bound; the
// server's memory is sampled every second. Prints pages, requests per second,
// errors, non-2xx, the server's RSS at the start, halfway and at the end, the
// growth over the second half (target under 5 %), and what bounds Next's
// in-memory page cache. Figures, not assertions.
//
//   npm run bench:crawl [-- --count 10000] [--no-build] [--passes 1] [--connections 64] [--timeout 30] [--max-minutes 30]
//     --count        articles in the generated archive (default 10000: about an hour to build on 2 cores)
//     --no-build     crawl the build the last run left in .bench/crawl/
//     --passes       walk every URL this many times on one server (default 1): with 2, the second half
//                    is a whole second pass, so a leak shows as growth the page cache cannot explain
//     --timeout      seconds one request may take (default 30)
//     --max-minutes  the crawl stops issuing requests past this (default 30)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { heapSince, liveHeapAfterGc, serverRss } from './memory';
import { freePort, progress, runMain, sleep, stopServer } from './processes';
import {
  archiveFiles,
  buildSite,
  builtRoutes,
  compilePreload,
  generateArchive,
  pageCache,
  projectDir,
  samplePages,
  siteFolders,
  sitemapPaths,
  startSite,
  withPreload,
} from './site';
import { count, kb, mb, median, ms, percent, seconds, verdictText } from './stats';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    'no-build': { type: 'boolean', default: false },
    passes: { type: 'string', default: '1' },
    connections: { type: 'string', default: '64' },
    timeout: { type: 'string', default: '30' },
    'max-minutes': { type: 'string', default: '30' },
  },
});
const wholeNumber = (name: string, text: string, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`--${name} must be a whole number from 1 to ${max}, got "${text}"`);
  return value;
};
const articles = wholeNumber('count', values.count, 20_000);
const connections = wholeNumber('connections', values.connections, 256);
const timeoutSeconds = wholeNumber('timeout', values.timeout, 300);
const passes = wholeNumber('passes', values.passes, 5);
const maxMinutes = wholeNumber('max-minutes', values['max-minutes'], 240);
const idleSeconds = 10;
const targetGrowth = 0.05;

const log = (line: string) => progress('crawl', line);
const loadNow = () => (os.loadavg()[0] ?? 0).toFixed(1);

interface MemorySample {
  /** ms since epoch */
  readonly at: number;
  readonly second: number;
  readonly done: number;
  readonly rss: number;
  readonly heapUsed: number;
}

interface Outcome {
  ok: number;
  non2xx: Map<number, number>;
  errors: Map<string, number>;
  redirected: number;
  bytes: number;
  durations: number[];
}

const bump = <Key>(map: Map<Key, number>, key: Key) => map.set(key, (map.get(key) ?? 0) + 1);

/** Requests every path once, `connections` at a time; stops issuing new requests at `deadline`. */
async function crawl(
  origin: string,
  paths: readonly string[],
  deadline: number,
  onDone: () => void,
): Promise<Outcome & { readonly requested: number }> {
  const outcome: Outcome = { ok: 0, non2xx: new Map(), errors: new Map(), redirected: 0, bytes: 0, durations: [] };
  let next = 0;
  const worker = async () => {
    while (next < paths.length && Date.now() < deadline) {
      const page = paths[next];
      next += 1;
      if (page === undefined) break;
      const started = performance.now();
      try {
        // A crawler asks for gzip and follows redirects (/ sends each reader to their script).
        const response = await fetch(origin + page, {
          headers: { 'accept-encoding': 'gzip' },
          signal: AbortSignal.timeout(timeoutSeconds * 1000),
        });
        outcome.bytes += (await response.arrayBuffer()).byteLength;
        if (response.redirected) outcome.redirected += 1;
        if (response.ok) outcome.ok += 1;
        else bump(outcome.non2xx, response.status);
      } catch (error) {
        bump(
          outcome.errors,
          error instanceof Error ? (error.name === 'TimeoutError' ? 'timeout' : error.message) : String(error),
        );
      }
      outcome.durations.push(performance.now() - started);
      onDone();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { ...outcome, requested: next };
}

async function main(): Promise<void> {
  const site = siteFolders('crawl');
  if (values['no-build']) {
    if (!fs.existsSync(path.join(projectDir, site.distDir, 'BUILD_ID')))
      throw new Error(`--no-build: no build in ${site.distDir}; run without it first`);
  } else {
    log(`archive of ${count(articles)} articles`);
    generateArchive(site, articles);
    log(`npm run build (load ${loadNow()})`);
    const build = await buildSite(site, articles);
    log(`built in ${seconds(build.seconds)}, peak memory ${mb(build.peakBytes)} (load ${loadNow()})`);
  }
  const built = archiveFiles(site).length;
  const article = samplePages(site.distDir).article;
  if (!article) throw new Error(`no article page in ${site.distDir}`);

  const memoryLog = path.join(site.root, 'memory.log');
  fs.rmSync(memoryLog, { force: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  log(`next start on 127.0.0.1:${port}`);
  const server = await startSite(site, port, article.path, {
    NODE_OPTIONS: withPreload(compilePreload('memory-log')),
    BENCH_MEMORY_LOG: memoryLog,
  });
  try {
    const fromSitemaps = await sitemapPaths(origin, site.distDir);
    const fromManifest = builtRoutes(site.distDir).map((route) => route.path);
    // As a crawler walks: what the sitemaps do not list (robots.txt, the sitemaps, the feeds, /) first, then the pages they list.
    const listed = new Set(fromSitemaps.paths);
    const paths = [...new Set([...fromManifest.filter((route) => !listed.has(route)), ...fromSitemaps.paths])];
    log(
      `${count(paths.length)} URLs (${count(fromSitemaps.paths.length)} in ${fromSitemaps.sitemaps.join(', ')}; ${count(fromManifest.length)} in the prerender manifest)`,
    );

    // Settle after start-up and the sitemap reads, so "start" is the server at rest with its pages unread.
    await sleep(2_000);
    const liveBefore = await liveHeapAfterGc(memoryLog, server.pid);
    const walk = Array.from({ length: passes }, () => paths).flat();
    await sleep(1_000);
    const samples: MemorySample[] = [];
    let done = 0;
    const startedAt = Date.now();
    const sample = () =>
      samples.push({
        at: Date.now(),
        second: (Date.now() - startedAt) / 1000,
        done,
        rss: serverRss(server.pid),
        heapUsed: heapSince(memoryLog, Date.now()).heapUsed,
      });
    sample();
    const sampler = setInterval(sample, 1_000);
    let reported = 0;
    log(`crawling at ${connections} connections (load ${loadNow()})`);
    const outcome = await crawl(origin, walk, startedAt + maxMinutes * 60_000, () => {
      done += 1;
      if (done - reported >= Math.max(500, walk.length / 10)) {
        reported = done;
        log(`${count(done)} of ${count(walk.length)} (load ${loadNow()})`);
      }
    });
    const crawlSeconds = (Date.now() - startedAt) / 1000;
    clearInterval(sampler);
    sample();
    const atEnd = samples.at(-1);
    log(`idle ${idleSeconds} s`);
    await sleep(idleSeconds * 1000);
    const idleRss = serverRss(server.pid);
    const liveAfter = await liveHeapAfterGc(memoryLog, server.pid);

    const atStart = samples[0];
    const atHalf = samples.find((s) => s.done >= outcome.requested / 2);
    if (!atStart || !atHalf || !atEnd) throw new Error('no memory samples');
    const peak = Math.max(...samples.map((s) => s.rss));
    const quarters = [0.25, 0.5, 0.75].flatMap(
      (share) => samples.find((s) => s.done >= outcome.requested * share) ?? [],
    );
    const growth = (atEnd.rss - atHalf.rss) / atHalf.rss;
    const non2xx = [...outcome.non2xx.values()].reduce((a, b) => a + b, 0);
    const errors = [...outcome.errors.values()].reduce((a, b) => a + b, 0);
    // What the collector keeps: the lowest heap used in the 10 s before each point, one sample catches garbage too.
    const heapFloor = (point: MemorySample) => heapSince(memoryLog, point.at - 10_000, point.at).heapFloor;
    const cache = pageCache(site.distDir, article);
    const finished = outcome.requested === walk.length;
    // Each pass's RSS: its median (one sample can land in a collection's dip or peak) and its last sample.
    const byPass = Array.from({ length: passes }, (_, index) => {
      const inPass = samples.filter((s) => s.done > index * paths.length && s.done <= (index + 1) * paths.length);
      return { median: median(inPass.map((s) => s.rss)), last: inPass.at(-1)?.rss ?? 0 };
    });

    console.log(
      [
        '',
        `== Crawl: every page of a ${count(built)}-article build through next start (127.0.0.1)${passes > 1 ? `, ${passes} passes on one server` : ''}, ${connections} connections, ${timeoutSeconds} s per request, at most ${maxMinutes} min ==`,
        `pages        ${count(paths.length)} URLs (${fromSitemaps.sitemaps.length} sitemap(s) list ${count(fromSitemaps.paths.length)}; the prerender manifest ${count(fromManifest.length)}); requested ${count(outcome.requested)}${passes > 1 ? ` (${passes} passes)` : ''}${finished ? '' : ' — STOPPED at the time bound'}`,
        `speed        ${count(outcome.requested / crawlSeconds)} req/s over ${seconds(crawlSeconds)}; latency p50 ${ms(median(outcome.durations), 0)}, p99 ${ms(outcome.durations.toSorted((a, b) => a - b)[Math.floor(outcome.durations.length * 0.99)], 0)}; ${mb(outcome.bytes)} of pages (decompressed)`,
        `errors       ${errors}${errors ? ` (${[...outcome.errors].map(([why, n]) => `${n} ${why}`).join(', ')})` : ''} — target 0`,
        `non-2xx      ${non2xx}${non2xx ? ` (${[...outcome.non2xx].map(([status, n]) => `${n} × ${status}`).join(', ')})` : ''} — target 0; ${outcome.redirected} redirect(s) followed`,
        `server RSS   start ${mb(atStart.rss)}, half (${count(atHalf.done)} done, ${seconds(atHalf.second)}) ${mb(atHalf.rss)}, end ${mb(atEnd.rss)}, peak ${mb(peak)}, after ${idleSeconds} s idle ${mb(idleRss)}`,
        `RSS by pages ${[atStart, ...quarters, atEnd].map((s) => `${mb(s.rss)} at ${count(s.done)}`).join(', ')}`,
        ...(passes > 1
          ? [
              `RSS by pass  ${byPass.map((pass, index) => `pass ${index + 1}: median ${mb(pass.median)}, last ${mb(pass.last)}`).join('; ')}`,
            ]
          : []),
        `V8 heap      lowest used in the 10 s before: start ${mb(heapFloor(atStart))}, half ${mb(heapFloor(atHalf))}, end ${mb(heapFloor(atEnd))}`,
        `heap alive   after a full collection: ${mb(liveBefore)} before the crawl, ${mb(liveAfter)} after it (the page cache and whatever else stays)`,
        `growth       second half to end ${percent(growth)} — target under 5 %: ${verdictText(finished ? growth < targetGrowth : null)}; start to end ${percent((atEnd.rss - atStart.rss) / atStart.rss)}`,
        `page cache   Next's in-memory cache of rendered pages under next start is an LRU bounded by cacheMaxMemorySize = ${mb(cache.maxSize)}` +
          `${cache.customHandler ? ` (custom cache handler: ${cache.customHandler})` : ''}, sized by Next's own count (HTML characters + RSC and segment bytes): ` +
          `${article.path} counts ${kb(cache.countedPerPage)}, so about ${count(cache.pagesHeld)} pages stay in memory and the rest are read from disk again when asked; ` +
          `in V8 that page takes about ${kb(cache.heapPerPage)} (HTML with Chinese text is a two-byte string), so the full cache holds about ${mb(cache.pagesHeld * cache.heapPerPage)}.`,
        `machine      ${os.cpus().length} cores, load average ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(' / ')} (1/5/15 min) at the end`,
      ].join('\n'),
    );
    console.log(
      JSON.stringify({
        version: 2,
        date: new Date().toISOString(),
        articles: built,
        passes,
        rssByPass: byPass,
        connections,
        timeoutSeconds,
        urls: {
          total: paths.length,
          sitemaps: fromSitemaps.sitemaps,
          fromSitemaps: fromSitemaps.paths.length,
          fromManifest: fromManifest.length,
          requested: outcome.requested,
          finished,
        },
        seconds: crawlSeconds,
        rps: outcome.requested / crawlSeconds,
        ok: outcome.ok,
        errors: Object.fromEntries(outcome.errors),
        non2xx: Object.fromEntries(outcome.non2xx),
        redirected: outcome.redirected,
        rss: { start: atStart.rss, half: atHalf.rss, end: atEnd.rss, peak, idle: idleRss, secondHalfGrowth: growth },
        heapFloor: { start: heapFloor(atStart), half: heapFloor(atHalf), end: heapFloor(atEnd) },
        liveHeap: { before: liveBefore, after: liveAfter },
        samples,
        pageCache: cache,
        loadAverage: os.loadavg(),
      }),
    );
  } finally {
    await stopServer(server);
  }
}

runMain(main);
