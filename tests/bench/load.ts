// npm run bench:load: is the memory `next start` gains under load a plateau or a leak?
// N rounds of 30 s at 64 connections (autocannon, on 127.0.0.1) on one article
// page of a generated archive's build; the server's memory (RSS of its process
// tree, and its V8 heap from the memory-log preload) before, after each round
// and after 10 s idle; requests per second, p50/p99, errors and non-2xx per round;
// then a verdict. Figures, not assertions.
//
//   npm run bench:load [-- --rounds 3] [--no-build] [--count 10]
//     --rounds    rounds of 30 s (default 3)
//     --no-build  serve the build the last run left in .bench/load/
//     --count     articles in the generated archive (default 10)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { heapSince, judgeGrowth, liveHeapAfterGc, serverRss } from './memory';
import { freePort, progress, runMain, sleep, stopServer } from './processes';
import { load, type LoadResult } from './serving';
import {
  buildSite,
  compilePreload,
  generateArchive,
  pageCache,
  projectDir,
  samplePages,
  siteFolders,
  startSite,
  withPreload,
} from './site';
import { count, kb, mb, ms, percent, seconds, table, type Cell } from './stats';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    count: { type: 'string', default: '10' },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20)
  throw new Error(`--rounds must be a whole number from 1 to 20, got "${values.rounds}"`);
const articles = Number(values.count);
if (!Number.isInteger(articles) || articles < 1 || articles > 20_000)
  throw new Error(`--count must be a whole number from 1 to 20000, got "${values.count}"`);

const connections = 64;
const roundSeconds = 30;
const warmupSeconds = 10;
const idleSeconds = 10;
const log = (line: string) => progress('load', line);
const loadNow = () => (os.loadavg()[0] ?? 0).toFixed(1);

interface Sample {
  readonly label: string;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapFloor: number;
  /** Heap alive after a full collection, asked for once the round's figures are read. */
  readonly liveHeap: number | null;
  readonly heapTotal: number;
  readonly external: number;
  readonly load: string;
  readonly result?: LoadResult;
}

async function main(): Promise<void> {
  const site = siteFolders('load');
  if (values['no-build']) {
    if (!fs.existsSync(path.join(projectDir, site.distDir, 'BUILD_ID')))
      throw new Error(`--no-build: no build in ${site.distDir}; run without it first`);
  } else {
    generateArchive(site, articles);
    log(`npm run build, ${count(articles)} articles (load ${loadNow()})`);
    const build = await buildSite(site, articles);
    log(`built in ${seconds(build.seconds)}`);
  }
  const page = samplePages(site.distDir).article;
  if (!page) throw new Error(`no article page in ${site.distDir}`);

  const memoryLog = path.join(site.root, 'memory.log');
  fs.rmSync(memoryLog, { force: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${page.path}`;
  log(`next start on 127.0.0.1:${port}`);
  const server = await startSite(site, port, page.path, {
    NODE_OPTIONS: withPreload(compilePreload('memory-log')),
    BENCH_MEMORY_LOG: memoryLog,
  });
  const samples: Sample[] = [];
  let windowStart = Date.now();
  const sample = async (label: string, result?: LoadResult) => {
    // The preload writes every second: wait for a line written after the load stopped.
    await sleep(1_100);
    const heap = heapSince(memoryLog, windowStart);
    // RSS first: the collection that follows may hand pages back to the system.
    const rss = serverRss(server.pid);
    const liveHeap = await liveHeapAfterGc(memoryLog, server.pid);
    windowStart = Date.now();
    samples.push({
      label,
      rss,
      heapUsed: heap.heapUsed,
      heapFloor: heap.heapFloor,
      liveHeap,
      heapTotal: heap.heapTotal,
      external: heap.external,
      load: loadNow(),
      ...(result ? { result } : {}),
    });
  };
  try {
    await sample('started');
    // Warm up under the same load (JIT, Next's caches, V8 sizing its heap), so "before" is not a cold start.
    log(`warm-up: ${warmupSeconds} s at ${connections} connections`);
    await load(url, warmupSeconds, connections);
    await sample('before (after warm-up)');
    for (let round = 1; round <= rounds; round += 1) {
      log(`round ${round}/${rounds}: ${roundSeconds} s at ${connections} connections (load ${loadNow()})`);
      await sample(`after round ${round}`, await load(url, roundSeconds, connections));
    }
    log(`idle ${idleSeconds} s`);
    await sleep(idleSeconds * 1000);
    await sample(`after ${idleSeconds} s idle`);
  } finally {
    await stopServer(server);
  }

  const before = samples[1];
  if (!before) throw new Error('no sample before the load');
  const growth = (value: number, base: number) => percent((value - base) / base);
  const rows: Cell[][] = samples.map((s, index) => {
    const previous = samples[index - 1];
    return [
      s.label,
      s.result ? count(s.result.rps) : '',
      s.result ? ms(s.result.p50, 0) : '',
      s.result ? ms(s.result.p99, 0) : '',
      s.result ? `${s.result.errors} (${s.result.timeouts} timeouts)` : '',
      s.result ? s.result.non2xx : '',
      mb(s.rss),
      index >= 1 ? growth(s.rss, before.rss) : '',
      index >= 2 && previous ? growth(s.rss, previous.rss) : '',
      mb(s.heapUsed),
      mb(s.heapFloor),
      mb(s.liveHeap),
      mb(s.heapTotal),
      mb(s.external),
      s.load,
    ];
  });
  const rssVerdict = judgeGrowth(samples.slice(1, 2 + rounds).map((s) => s.rss));
  const live = samples.slice(1, 2 + rounds).map((s) => s.liveHeap);
  const heapVerdict = live.every((value): value is number => value !== null)
    ? judgeGrowth(live)
    : judgeGrowth(samples.slice(1, 2 + rounds).map((s) => s.heapFloor));
  const results = samples.flatMap((s) => (s.result ? [s.result] : []));
  const settled = samples.at(-1) ?? before;
  const cache = pageCache(site.distDir, page);

  console.log(
    [
      '',
      `== Load: ${rounds} × ${roundSeconds} s at ${connections} connections on ${page.path} (next start, ${count(articles)}-article archive, 127.0.0.1; ${warmupSeconds} s warm-up first) ==`,
      table(
        [
          '',
          'req/s',
          'p50',
          'p99',
          'errors',
          'non-2xx',
          'RSS (tree)',
          'vs before',
          'vs previous',
          'heap used',
          'lowest heap used',
          'alive after gc',
          'heap total',
          'external',
          'load 1 min',
        ],
        rows,
      ),
      '',
      `RSS: ${rssVerdict.name} — ${rssVerdict.why}; after ${idleSeconds} s idle ${growth(settled.rss, before.rss)} over before.`,
      `V8 heap alive after a full collection (else the lowest used in each round): ${heapVerdict.name} — ${heapVerdict.why}.`,
      `Errors ${results.reduce((sum, r) => sum + r.errors + r.timeouts, 0)}, non-2xx ${results.reduce((sum, r) => sum + r.non2xx, 0)} over ${count(results.reduce((sum, r) => sum + r.requests, 0))} requests (target 0 and 0).`,
      `Next's page cache: an LRU of ${mb(cache.maxSize)} (cacheMaxMemorySize${cache.customHandler ? `; custom handler ${cache.customHandler}` : ''}); this page counts ${kb(cache.countedPerPage)} in it: one page cannot grow it.`,
      `Machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' / ')} (1/5/15 min) at the end.`,
    ].join('\n'),
  );
  console.log(
    JSON.stringify({
      version: 1,
      date: new Date().toISOString(),
      page: page.path,
      articles,
      connections,
      roundSeconds,
      samples,
      verdict: { rss: rssVerdict, liveHeap: heapVerdict },
      pageCache: cache,
      loadAverage: os.loadavg(),
    }),
  );
}

runMain(main);
