// npm run bench: the site against the framework floor (a bare Next.js app with
// the same page count), measured side by side in one run on generated archives
// (tests/support/archive.ts): build scaling (wall, prerender, cost per page,
// peak memory, the fitted line and what it predicts for 10,000 articles),
// `npm run check`, converters per build process, page weight across sizes and
// against the floor, serving speed (next start, the floor, the static export
// behind the tests' nginx runner), conversion cost, and the search index (its size per 1,000
// articles at every size, and what a query downloads at 10,000). Each target is marked
// met or not; the last line is JSON, to compare later runs with. Figures, not
// assertions: nothing here fails because a target is missed.
//
//   npm run bench [-- --sizes 1,100,1000] [--rounds 3] [--export]
//     --sizes    article counts of the builds (default 1,100,1000; 10000 only when asked:
//                about an hour on a 2-core machine, so CI never runs it)
//     --rounds   rounds of the serving load (each figure is the median)
//     --export   also time `npm run export` at every size (the smallest is always exported: it is served)
//   BENCH_PORT   first port the servers try (default 3700)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { articleText, floorPagePath, writeFloorApp, type ArticleText } from './floor';
import { freePort, progress, runMain, startServer, stopServer, timedRun, type RunResult } from './processes';
import { exportStage, load, loadSettings, serveExport, type ExportStage, type LoadResult } from './serving';
import {
  archiveFiles,
  buildSite,
  buildTimeoutMs,
  builtPages,
  compilePreload,
  generateArchive,
  nextBin,
  pageKinds,
  prerenderMarks,
  prerenderSeconds,
  prerenderWorkers,
  projectDir,
  samplePages,
  scratch,
  siteEnv,
  siteFolders,
  tsxBin,
  withPreload,
  type PageKind,
  type SiteFolders,
} from './site';
import {
  count,
  fitLine,
  kb,
  mb,
  median,
  ms,
  ratio,
  seconds,
  table,
  verdictText,
  type Cell,
  type Line,
  type Verdict,
} from './stats';
import { dictionaryMarks, splitScripts, weigh, weighHtmlFile, type HtmlWeight, type PageWeight } from './weight';

// ---- Options.

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000' },
    rounds: { type: 'string', default: '3' },
    export: { type: 'boolean', default: false },
  },
});
const sizes = [...new Set(values.sizes.split(',').map((size) => Number(size.trim())))].toSorted((a, b) => a - b);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1 || size > 20_000)) {
  throw new Error(`--sizes takes article counts from 1 to 20000, separated by commas; got "${values.sizes}"`);
}
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20)
  throw new Error(`--rounds must be a whole number from 1 to 20, got "${values.rounds}"`);
const smallest = sizes[0] ?? 1;

// ---- The targets of the scale issue.

const newsroom = 10_000;
const targetMarginalRatio = 1.5;
const targetBuildSeconds = 12 * 60;
const targetPeakBytes = 3 * 2 ** 30;
const targetCheckSeconds = 30;
const targetWeightDrift = 0.1;

/**
 * Astro's blog example measured once on this machine for the static-export issue (a post's HTML
 * gzipped, no JavaScript): quoted as an anchor beside the export, never built by the bench.
 */
const astroAnchor = { what: 'blog example post (anchor, not built)', htmlGzip: 7.0 * 1024, jsBytes: 0 } as const;

const log = (line: string) => progress('bench', line);
const loadNow = () => os.loadavg()[0] ?? 0;
const floorDir = path.join(scratch, 'floor');

// ---- Converters per build process, counted by tests/bench/converter-count.ts.

interface ConverterCount {
  /** Processes that wrote a line: `<pid> <count> <directions>`. */
  readonly processes: number;
  /** Node processes seen in the build's tree (sampled every 100 ms: a short one may be missed). */
  readonly nodeProcessesSeen: number;
  /** Seen, but wrote nothing: the preload did not run there, or the process was killed outright. */
  readonly silent: number;
  readonly withConverters: number;
  readonly maxPerProcess: number;
  readonly creations: number;
  readonly directions: readonly string[];
}

function readConverterLog(file: string, run: RunResult): ConverterCount {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const entries = lines.flatMap((line) => {
    const [pid, converters, directions = '-'] = line.split(' ');
    return pid === undefined || converters === undefined
      ? []
      : [{ pid: Number(pid), count: Number(converters), directions: directions === '-' ? [] : directions.split(',') }];
  });
  const wrote = new Set(entries.map((entry) => entry.pid));
  return {
    processes: entries.length,
    nodeProcessesSeen: run.nodePids.size,
    silent: [...run.nodePids].filter((pid) => !wrote.has(pid)).length,
    withConverters: entries.filter((entry) => entry.count > 0).length,
    maxPerProcess: Math.max(0, ...entries.map((entry) => entry.count)),
    creations: entries.reduce((sum, entry) => sum + entry.count, 0),
    directions: [...new Set(entries.flatMap((entry) => entry.directions))].sort(),
  };
}

// ---- Builds.

interface TimedBuild {
  readonly seconds: number;
  readonly prerender: number | null;
  readonly workers: number | null;
  readonly peakBytes: number | null;
  /** 1-minute load average when the build ended: the noise it ran in. */
  readonly load: number;
}

interface SiteRun extends TimedBuild {
  readonly articles: number;
  /** Prerendered HTML pages: articles in both scripts and every list page. */
  readonly pages: number;
  readonly converters: ConverterCount;
  readonly check: { readonly seconds: number; readonly exitCode: number | null; readonly summary: string };
  readonly export: (TimedBuild & { readonly stage: ExportStage }) | null;
  /** The largest size only: the same build again with the cards the first one drew in the cache. */
  readonly rebuild: TimedBuild | null;
  readonly weights: Partial<Record<PageKind, HtmlWeight>>;
}

interface FloorRun extends TimedBuild {
  readonly pages: number;
}

function timed(run: RunResult): TimedBuild {
  return {
    seconds: run.seconds,
    prerender: prerenderSeconds(run),
    workers: prerenderWorkers(run),
    peakBytes: run.peakBytes,
    load: loadNow(),
  };
}

async function buildSiteRun(
  site: SiteFolders,
  articles: number,
  preload: string,
  exportToo: boolean,
  rebuildToo: boolean,
): Promise<SiteRun> {
  const converterLog = path.join(site.root, 'converters.log');
  fs.rmSync(converterLog, { force: true });
  log(`site: npm run build, ${count(articles)} articles (load ${loadNow().toFixed(1)})`);
  const run = await buildSite(site, articles, {
    NODE_OPTIONS: withPreload(preload),
    BENCH_CONVERTER_COUNT_LOG: converterLog,
  });
  const built = timed(run);
  const pages = builtPages(site.distDir).length;

  log(`site: npm run check, ${count(articles)} articles`);
  const check = await timedRun('npm', ['run', 'check'], {
    cwd: projectDir,
    extraEnv: siteEnv(site),
    allowFailure: true,
    timeoutMs: 10 * 60_000,
  });
  const summary =
    /^\d[\d,]* article file\(s\) read.*$/m.exec(check.output)?.[0] ?? check.output.trim().split('\n').at(-1) ?? '';

  let exported: SiteRun['export'] = null;
  if (exportToo) {
    const stage = exportStage(path.join(site.root, 'export'));
    fs.rmSync(stage.stage, { recursive: true, force: true });
    log(`site: npm run export, ${count(articles)} articles`);
    const exportRun = await timedRun('npm', ['run', 'export', '--', '--out', stage.outDir], {
      cwd: projectDir,
      extraEnv: { ...siteEnv(site), NEXT_DIST_DIR: path.relative(projectDir, path.join(stage.stage, 'next')) },
      marks: prerenderMarks,
      timeoutMs: buildTimeoutMs(articles),
    });
    exported = { ...timed(exportRun), stage };
  }

  let rebuild: TimedBuild | null = null;
  if (rebuildToo) {
    log(
      `site: npm run build again, ${count(articles)} articles, the cards in the cache (load ${loadNow().toFixed(1)})`,
    );
    rebuild = timed(await buildSite(site, articles, {}, true));
  }

  const sample = samplePages(site.distDir);
  const weights: Partial<Record<PageKind, HtmlWeight>> = {};
  for (const kind of Object.keys(pageKinds) as PageKind[]) {
    const page = sample[kind];
    if (page) weights[kind] = weighHtmlFile(page.path, page.htmlFile);
  }
  return {
    articles,
    pages,
    ...built,
    converters: readConverterLog(converterLog, run),
    check: { seconds: check.seconds, exitCode: check.exitCode, summary },
    export: exported,
    rebuild,
    weights,
  };
}

async function buildFloorRun(text: ArticleText, pages: number): Promise<FloorRun> {
  writeFloorApp(floorDir, { ...text, pages });
  log(`floor: next build, ${count(pages)} pages (load ${loadNow().toFixed(1)})`);
  const run = await timedRun(process.execPath, [nextBin, 'build'], {
    cwd: floorDir,
    marks: prerenderMarks,
    timeoutMs: buildTimeoutMs(pages / 2),
  });
  return { pages, ...timed(run) };
}

// ---- Fitted lines and what they predict.

interface Fit {
  /** Marginal cost: milliseconds per page. */
  readonly msPerPage: number;
  /** Fixed cost: seconds at zero pages. */
  readonly fixedSeconds: number;
  readonly r2: number;
  /** The cost per page of the last step between sizes against the first: 1 is a straight line. */
  readonly lastStepOverFirst: number | null;
}

function fitCost(points: readonly { readonly x: number; readonly y: number | null }[]): Fit | null {
  const known = points.flatMap(({ x, y }) => (y === null ? [] : [{ x, y }]));
  const line = fitLine(known);
  if (!line) return null;
  const steps = known.slice(1).map((point, index) => {
    const previous = known[index] ?? point;
    return (point.y - previous.y) / (point.x - previous.x);
  });
  const first = steps[0];
  const last = steps.at(-1);
  return {
    msPerPage: line.slope * 1000,
    fixedSeconds: line.intercept,
    r2: line.r2,
    lastStepOverFirst: steps.length > 1 && first !== undefined && last !== undefined && first > 0 ? last / first : null,
  };
}

const at = (line: Line | undefined, x: number): number | null => (line ? line.intercept + line.slope * x : null);

/** A figure at 10,000 articles: measured when the bench built that many, else read off the fitted line. */
interface AtNewsroom {
  readonly value: number | null;
  readonly measured: boolean;
}

/**
 * Read off a line only across at least 100 pages (closer sizes give a slope of
 * noise), and never below what the largest size measured: a noisy slope may point
 * down, but a larger site does not build faster or in less memory.
 */
function atNewsroom<Run extends { readonly articles: number; readonly pages: number }>(
  runs: readonly Run[],
  x: (run: Run) => number,
  y: (run: Run) => number | null,
  newsroomX: number,
): AtNewsroom {
  const measured = runs.find((run) => run.articles === newsroom);
  if (measured) return { value: y(measured), measured: true };
  const points = runs.flatMap((run) => {
    const value = y(run);
    return value === null ? [] : [{ x: x(run), y: value, pages: run.pages }];
  });
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || last.pages - first.pages < 100) return { value: null, measured: false };
  const line = at(fitLine(points), newsroomX);
  return { value: line === null ? null : Math.max(line, last.y), measured: false };
}

const how = (figure: AtNewsroom) =>
  figure.measured ? 'measured' : figure.value === null ? 'sizes too close to predict' : 'predicted by the fitted line';

// ---- Serving, page weight and conversion at the smallest size.

async function measureServing(
  targets: readonly { readonly name: string; readonly url: string }[],
): Promise<Record<string, LoadResult & { readonly rounds: number }>> {
  const results = new Map<string, LoadResult[]>(targets.map((target) => [target.name, []]));
  for (const target of targets) await load(target.url, loadSettings.warmupSeconds);
  for (let round = 0; round < rounds; round += 1) {
    // Back to back, in turn, so a noisy neighbour weighs on every server alike.
    for (const target of targets) {
      log(`serving round ${round + 1}/${rounds}: ${target.name}`);
      results.get(target.name)?.push(await load(target.url));
    }
  }
  const med = (runs: readonly LoadResult[], pick: (run: LoadResult) => number) => median(runs.map(pick)) ?? 0;
  return Object.fromEntries(
    [...results].map(([name, runs]) => [
      name,
      {
        rps: med(runs, (r) => r.rps),
        p50: med(runs, (r) => r.p50),
        p99: med(runs, (r) => r.p99),
        requests: runs.reduce((sum, r) => sum + r.requests, 0),
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
        timeouts: runs.reduce((sum, r) => sum + r.timeouts, 0),
        non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
        failures: runs.reduce((sum, r) => sum + r.failures, 0),
        rounds: runs.length,
      },
    ]),
  );
}

function scanClientFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => {
      const body = fs.readFileSync(file);
      return dictionaryMarks.some((mark) => body.includes(mark));
    })
    .map((file) => path.relative(dir, file));
}

const conversionCreate = z.object({ toHantMs: z.number(), toHansMs: z.number(), bothAgainMs: z.number() });
const conversionArticle = z.object({
  characters: z.number(),
  renderOwnMs: z.number(),
  renderConvertedMs: z.number(),
  fieldsMs: z.number(),
  plainBodyMs: z.number(),
  articleMs: z.number(),
});

const lastJsonLine = (output: string): unknown => JSON.parse(output.trim().split('\n').at(-1) ?? 'null');

async function measureConversion(site: SiteFolders, articleFile: string) {
  log('conversion');
  // CONTENT_DIR: the content reader refuses an article file from outside the content folder.
  const tsx = (args: readonly string[]) =>
    timedRun(
      process.execPath,
      [tsxBin, '--conditions=react-server', path.join(projectDir, 'tests/bench/conversion.ts'), ...args],
      { cwd: projectDir, extraEnv: siteEnv(site) },
    );
  const creations = [];
  for (let run = 0; run < 5; run += 1)
    creations.push(conversionCreate.parse(lastJsonLine((await tsx(['create'])).output)));
  const article = conversionArticle.parse(lastJsonLine((await tsx(['article', articleFile, '300'])).output));
  return {
    createToHantMs: median(creations.map((c) => c.toHantMs)) ?? null,
    createToHansMs: median(creations.map((c) => c.toHansMs)) ?? null,
    reuseMs: median(creations.map((c) => c.bothAgainMs)) ?? null,
    ...article,
  };
}

// ---- Link-preview cards, through the site's own modules (tests/bench/cards.ts).

const cardCost = z.object({
  cards: z.number(),
  firstMs: z.number(),
  coldMedianMs: z.number(),
  coldMeanMs: z.number(),
  warmMedianMs: z.number(),
  warmMeanMs: z.number(),
  coldAllDrawn: z.boolean(),
  warmAllCached: z.boolean(),
  maxBytes: z.number(),
  meanBytes: z.number(),
});

async function measureCards(site: SiteFolders) {
  log('link-preview cards');
  const run = await timedRun(
    process.execPath,
    [
      tsxBin,
      '--conditions=react-server',
      path.join(projectDir, 'tests/bench/cards.ts'),
      path.join(site.root, 'cards-bench'),
      String(cardSample),
    ],
    { cwd: projectDir, extraEnv: siteEnv(site) },
  );
  return { ...cardCost.parse(lastJsonLine(run.output)), load: loadNow() };
}

// Cards drawn cold and read warm by tests/bench/cards.ts: both scripts of the first articles, photos included.
const cardSample = 60;
// ---- Search: the index of each size, and what each query of the query set downloads at 10,000 articles.

const searchRun = z.object({
  articles: z.number(),
  prepareMs: z.number(),
  indexMs: z.number(),
  files: z.number(),
  shards: z.number(),
  gzipBytes: z.number(),
  bundle: z.object({ gzip: z.number() }),
  foldMapGzip: z.number(),
  queries: z.array(z.object({ query: z.string(), results: z.number(), files: z.number(), bytes: z.number() })),
});
type SearchRun = z.infer<typeof searchRun>;

/** tests/bench/search-index.ts over one content folder: the index built in-process, as the build builds it. */
async function measureSearchIndex(contentDir: string): Promise<SearchRun & { readonly load: number }> {
  const run = await timedRun(
    process.execPath,
    [tsxBin, '--conditions=react-server', path.join(projectDir, 'tests/bench/search-index.ts')],
    {
      cwd: projectDir,
      extraEnv: { CONTENT_DIR: contentDir },
      timeoutMs: 30 * 60_000,
    },
  );
  return { ...searchRun.parse(lastJsonLine(run.output)), load: loadNow() };
}

/** The index at every size, and at 10,000 articles (an archive generated for it unless 10,000 is a size). */
async function measureSearch(siteOf: (articles: number) => SiteFolders) {
  const runs = [];
  for (const articles of sizes) {
    log(`search index, ${count(articles)} articles`);
    runs.push(await measureSearchIndex(siteOf(articles).contentDir));
  }
  let atNewsroom = runs.find((run) => run.articles >= newsroom * 0.99);
  if (!atNewsroom) {
    const site = siteFolders(`search-${newsroom}`);
    log(`search index, ${count(newsroom)} articles: generating the archive`);
    generateArchive(site, newsroom);
    atNewsroom = await measureSearchIndex(site.contentDir);
  }
  return { runs, atNewsroom };
}

// ---- The run.

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const loadAtStart = os.loadavg();
  fs.mkdirSync(scratch, { recursive: true });
  const preload = compilePreload('converter-count');

  const sites = new Map(sizes.map((articles) => [articles, siteFolders(`site-${articles}`)]));
  const siteOf = (articles: number): SiteFolders => sites.get(articles) ?? siteFolders(`site-${articles}`);
  for (const articles of sizes) {
    const started = Date.now();
    const summary = generateArchive(siteOf(articles), articles);
    log(
      `archive of ${count(articles)} articles (${summary.drafts.length} drafts, ${summary.scheduled.length} scheduled) in ${seconds((Date.now() - started) / 1000)}`,
    );
  }
  // The floor carries the first article of the archive: the one weighed on the site at every size.
  const floorArticle = archiveFiles(siteOf(smallest))[0];
  if (!floorArticle) throw new Error('the smallest archive has no article');
  const text = articleText(floorArticle);

  // Largest first, the site and then a floor of as many pages: the smallest floor is left built to be served.
  const siteRuns: SiteRun[] = [];
  const floorRuns: FloorRun[] = [];
  for (const articles of sizes.toReversed()) {
    const largest = articles === sizes.at(-1);
    const site = await buildSiteRun(
      siteOf(articles),
      articles,
      preload,
      values.export || articles === smallest,
      largest,
    );
    siteRuns.unshift(site);
    floorRuns.unshift(await buildFloorRun(text, site.pages));
  }
  const small = siteRuns[0];
  const large = siteRuns.at(-1);
  const smallFloor = floorRuns[0];
  if (!small || !large || !smallFloor) throw new Error('no build ran');

  // ---- Serving: the smallest site with next start, its floor, its export behind the tests' runner.
  const smallSite = siteOf(smallest);
  const articlePath = samplePages(smallSite.distDir).article?.path;
  if (!articlePath) throw new Error(`no article page in ${smallSite.distDir}`);
  const sitePaths = [articlePath, articlePath.replace(/^\/zh-hans\//, '/zh-hant/')];
  const floorPath = floorPagePath(0);
  const [sitePort, floorPort, exportPort] = [await freePort(), await freePort(), await freePort()];
  const site = `http://127.0.0.1:${sitePort}`;
  const floor = `http://127.0.0.1:${floorPort}`;
  const exported = `http://127.0.0.1:${exportPort}`;
  log('serving: starting next start (site, floor) and the export');
  const siteServer = await startServer(
    process.execPath,
    [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(sitePort)],
    {
      cwd: projectDir,
      url: site + articlePath,
      extraEnv: siteEnv(smallSite),
    },
  );
  const floorServer = await startServer(
    process.execPath,
    [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(floorPort)],
    { cwd: floorDir, url: floor + floorPath },
  );
  if (!small.export) throw new Error('the smallest size was not exported');
  const exportServer = await serveExport(projectDir, small.export.stage, exportPort, articlePath);

  log('page weight against the floor');
  const floorWeight = await weigh(floor, floorPath);
  const siteWeights: (PageWeight & ReturnType<typeof splitScripts>)[] = [];
  for (const page of sitePaths) {
    const weight = await weigh(site, page);
    siteWeights.push({ ...weight, ...splitScripts(weight, floorWeight) });
  }
  // The export as readers get it from its server: a page of each kind, the article in both scripts.
  const sample = samplePages(smallSite.distDir);
  const exportPages: readonly (readonly [PageKind, string | undefined])[] = [
    ['article', sitePaths[0]],
    ['article', sitePaths[1]],
    ['home', sample.home?.path],
    ['topic', sample.topic?.path],
  ];
  const exportWeights: (PageWeight & { readonly kind: PageKind })[] = [];
  for (const [kind, page] of exportPages) if (page) exportWeights.push({ kind, ...(await weigh(exported, page)) });
  const cacheControl = (await fetch(site + articlePath)).headers.get('cache-control');
  const exportCacheControl = (await fetch(exported + articlePath)).headers.get('cache-control');

  const servingTargets = [
    { name: 'site (next start)', url: site + articlePath },
    { name: 'floor (next start)', url: floor + floorPath },
    { name: `export (${exportServer.server})`, url: exported + articlePath },
  ];
  const serving = await measureServing(servingTargets);
  await stopServer(siteServer);
  await stopServer(floorServer);
  await stopServer(exportServer.child);

  const conversion = await measureConversion(smallSite, floorArticle);
  // Real headlines of every length, and the archive's photos: the largest archive.
  const cards = await measureCards(siteOf(large.articles));
  const search = await measureSearch(siteOf);
  const clientDictionary = scanClientFiles(path.join(projectDir, smallSite.distDir, 'static'));

  // ---- Figures.
  const newsroomPages = atNewsroom(
    siteRuns,
    (run) => run.articles,
    (run) => run.pages,
    newsroom,
  );
  const newsroomX = newsroomPages.value ?? 2 * newsroom;
  const wallFit = {
    site: fitCost(siteRuns.map((r) => ({ x: r.pages, y: r.seconds }))),
    floor: fitCost(floorRuns.map((r) => ({ x: r.pages, y: r.seconds }))),
  };
  const prerenderFit = {
    site: fitCost(siteRuns.map((r) => ({ x: r.pages, y: r.prerender }))),
    floor: fitCost(floorRuns.map((r) => ({ x: r.pages, y: r.prerender }))),
  };
  // A slope from builds a few pages apart is noise: judge the marginal cost from 100 pages up only.
  const enoughPages = large.pages - small.pages >= 100;
  const marginal = (fit: { site: Fit | null; floor: Fit | null }) =>
    enoughPages && fit.site && fit.floor && fit.floor.msPerPage > 0 ? fit.site.msPerPage / fit.floor.msPerPage : null;
  const wallRatio = marginal(wallFit);
  const prerenderRatio = marginal(prerenderFit);
  const buildAt = atNewsroom(
    siteRuns,
    (r) => r.pages,
    (r) => r.seconds,
    newsroomX,
  );
  const peakAt = atNewsroom(
    siteRuns,
    (r) => r.pages,
    (r) => r.peakBytes,
    newsroomX,
  );
  const exportRuns = siteRuns.filter((r) => r.export);
  const exportAt =
    exportRuns.length >= 2 || exportRuns.some((r) => r.articles === newsroom)
      ? atNewsroom(
          exportRuns,
          (r) => r.pages,
          (r) => r.export?.seconds ?? null,
          newsroomX,
        )
      : null;
  const exportPeakAt = exportAt
    ? atNewsroom(
        exportRuns,
        (r) => r.pages,
        (r) => r.export?.peakBytes ?? null,
        newsroomX,
      )
    : null;
  const checkAt = atNewsroom(
    siteRuns,
    (r) => r.articles,
    (r) => r.check.seconds,
    newsroom,
  );
  const directions = [...new Set(siteRuns.flatMap((r) => r.converters.directions))];
  const maxConverters = Math.max(...siteRuns.map((r) => r.converters.maxPerProcess));
  // A list page is compared from the smallest archive where it is full (20 articles): below that it
  // lists fewer because there are fewer, which is not growth. An article page from the smallest archive.
  const fullPage = 20;
  const weightDrift = (Object.keys(pageKinds) as PageKind[]).flatMap((kind) => {
    const fromRun = siteRuns.find((r) => {
      const weight = r.weights[kind];
      return weight !== undefined && (kind === 'article' || weight.listed >= fullPage);
    });
    const from = fromRun?.weights[kind];
    const to = large.weights[kind];
    return fromRun && from && to && large !== fromRun
      ? [{ kind, fromArticles: fromRun.articles, from, to, gzip: to.gzip / from.gzip, raw: to.bytes / from.bytes }]
      : [];
  });
  const siteServe = serving['site (next start)'];
  const floorServe = serving['floor (next start)'];
  const exportServe = serving[servingTargets[2]?.name ?? ''];
  const worstHtml = Math.max(...siteWeights.map((w) => w.htmlGzip));
  const exportArticleHtml = Math.max(...exportWeights.filter((w) => w.kind === 'article').map((w) => w.htmlGzip));
  const exportMaxJs = Math.max(...exportWeights.map((w) => w.jsBytes));
  const maxOwnJs = Math.max(...siteWeights.map((w) => w.jsGzip - floorWeight.jsGzip));
  const within = (value: number | null, limit: number): Verdict => (value === null ? null : value <= limit);
  // What the cards add to a build of 10,000 articles: one per article and script, spread over the prerender
  // workers. The fitted builds above drew theirs cold (each bench build empties its card cache); a rebuild
  // with the cache kept draws only new or changed cards and reads the rest.
  const newsroomCards = 2 * newsroom + 2;
  const workers = Math.max(1, large.workers ?? 1);
  const cardsColdSeconds = (newsroomCards * cards.coldMeanMs) / 1000 / workers;
  const cardsWarmSeconds = (newsroomCards * cards.warmMeanMs) / 1000 / workers;
  // Measured, not modelled: what the cache saved the rebuild of the largest archive, scaled to 10,000
  // articles. Read on the prerender, where the cards are drawn: the compile before it swings by tens of
  // seconds with a shared machine's load, more than the cards of 1,000 articles cost.
  const rebuildSaved =
    large.rebuild && large.prerender !== null && large.rebuild.prerender !== null
      ? large.prerender - large.rebuild.prerender
      : null;
  const buildWarmCards =
    buildAt.value === null || rebuildSaved === null
      ? null
      : Math.max(0, buildAt.value - (rebuildSaved * newsroom) / large.articles);
  const searchBytes = search.atNewsroom.queries.map((query) => query.bytes);

  const targets: [string, string, string, Verdict][] = [
    [
      'marginal build cost per page / floor, wall',
      `${ratio(wallRatio)} (${ms(wallFit.site?.msPerPage)} against ${ms(wallFit.floor?.msPerPage)})`,
      `≤ ${ratio(targetMarginalRatio)}`,
      within(wallRatio, targetMarginalRatio),
    ],
    [
      'marginal build cost per page / floor, prerender',
      `${ratio(prerenderRatio)} (${ms(prerenderFit.site?.msPerPage)} against ${ms(prerenderFit.floor?.msPerPage)})`,
      `≤ ${ratio(targetMarginalRatio)}`,
      within(prerenderRatio, targetMarginalRatio),
    ],
    [
      `npm run build, ${count(newsroom)} articles`,
      `${seconds(buildAt.value)} (${how(buildAt)})`,
      '≤ 720 s',
      within(buildAt.value, targetBuildSeconds),
    ],
    [
      `peak build memory, ${count(newsroom)} articles`,
      `${mb(peakAt.value)} (${how(peakAt)})`,
      '≤ 3072 MB',
      within(peakAt.value, targetPeakBytes),
    ],
    ...(exportAt && exportPeakAt
      ? ([
          [
            `npm run export, ${count(newsroom)} articles`,
            `${seconds(exportAt.value)} (${how(exportAt)})`,
            '≤ 720 s',
            within(exportAt.value, targetBuildSeconds),
          ],
          [
            `peak export memory, ${count(newsroom)} articles`,
            `${mb(exportPeakAt.value)} (${how(exportPeakAt)})`,
            '≤ 3072 MB',
            within(exportPeakAt.value, targetPeakBytes),
          ],
        ] satisfies [string, string, string, Verdict][])
      : []),
    [
      `npm run check, ${count(newsroom)} articles`,
      `${seconds(checkAt.value)} (${how(checkAt)}; ${seconds(large.check.seconds)} at ${count(large.articles)})`,
      '≤ 30 s',
      within(checkAt.value, targetCheckSeconds),
    ],
    ...weightDrift.map(({ kind, fromArticles, gzip, raw }): [string, string, string, Verdict] => [
      `${kind} page weight, ${count(large.articles)} / ${count(fromArticles)} articles`,
      `gzip ${ratio(gzip)}, raw ${ratio(raw)}`,
      'within 10 %',
      Math.max(Math.abs(gzip - 1), Math.abs(raw - 1)) <= targetWeightDrift,
    ]),
    [
      'converters per build process',
      `at most ${maxConverters}, for ${directions.length} direction(s) used (${directions.join(', ') || 'none'})`,
      '1 per direction used',
      directions.length === 0 ? null : maxConverters <= directions.length,
    ],
    [
      'build time grows linearly (site prerender)',
      prerenderFit.site?.lastStepOverFirst == null
        ? '–'
        : `last step ${ratio(prerenderFit.site.lastStepOverFirst)} the first; R² ${prerenderFit.site.r2.toFixed(3)}`,
      'last step ≤ 1.5× first',
      within(prerenderFit.site?.lastStepOverFirst ?? null, 1.5),
    ],
    ['site JS above the floor', kb(maxOwnJs), '≤ 5.0 KB gzip', maxOwnJs <= 5 * 1024],
    [
      'conversion dictionary in client files',
      clientDictionary.length === 0 ? 'none' : clientDictionary.join(', '),
      'none',
      clientDictionary.length === 0,
    ],
    [
      'article HTML gzip / floor',
      ratio(worstHtml / floorWeight.htmlGzip),
      '≤ 1.30×',
      worstHtml / floorWeight.htmlGzip <= 1.3,
    ],
    [
      'export: JavaScript per page (article, home, topic)',
      `at most ${count(exportMaxJs)} B on ${exportWeights.length} pages (${exportWeights.map((w) => w.kind).join(', ')})`,
      '0 B',
      exportWeights.length === 0 ? null : exportMaxJs === 0,
    ],
    [
      'next start rps / floor rps',
      ratio(siteServe && floorServe ? siteServe.rps / floorServe.rps : null),
      '≥ 0.90×',
      siteServe && floorServe ? siteServe.rps / floorServe.rps >= 0.9 : null,
    ],
    ['converting one article', ms(conversion.articleMs, 2), '< 5 ms', conversion.articleMs < 5],
    [
      `npm run build, ${count(newsroom)} articles, cards from the cache`,
      `${seconds(buildWarmCards)} (every card drawn: ${seconds(buildAt.value)})`,
      '≤ 720 s',
      within(buildWarmCards, targetBuildSeconds),
    ],
    ['heaviest link-preview card', kb(cards.maxBytes), '≤ 100 KB', cards.maxBytes <= 100 * 1024],
    [
      `search: bytes a query downloads at ${count(search.atNewsroom.articles)} articles (max of ${search.atNewsroom.queries.length})`,
      kb(Math.max(...searchBytes)),
      '≤ 300.0 KB gzip',
      Math.max(...searchBytes) <= 300 * 1024,
    ],
    [
      'search: the fold map in the search script',
      kb(search.atNewsroom.foldMapGzip),
      '≤ 20.0 KB gzip',
      search.atNewsroom.foldMapGzip <= 20 * 1024,
    ],
  ];

  // ---- The report.
  const out: string[] = [];
  const loadText = (values: readonly number[]) => values.map((n) => n.toFixed(1)).join(' / ');
  out.push(
    '',
    `== Build scaling (cold builds; generated archives, seed 1; peak memory = PSS of the build's process tree; load = 1-min load average as each ended, on ${os.cpus().length} cores) ==`,
  );
  const buildRow = (name: string, articles: number | null, pages: number, run: TimedBuild, extra: Cell): Cell[] => [
    name,
    articles === null ? '' : count(articles),
    count(pages),
    seconds(run.seconds),
    seconds(run.prerender),
    run.workers ?? '–',
    ms((run.seconds * 1000) / pages),
    ms(run.prerender === null ? null : (run.prerender * 1000) / pages),
    mb(run.peakBytes),
    run.load.toFixed(1),
    extra,
  ];
  out.push(
    table(
      [
        'build',
        'articles',
        'pages',
        'wall',
        'prerender',
        'workers',
        'wall/page',
        'prerender/page',
        'peak memory',
        'load',
        'converters',
      ],
      [
        ...siteRuns.map((r) =>
          buildRow(
            'site: npm run build',
            r.articles,
            r.pages,
            r,
            `${r.converters.creations} in ${r.converters.withConverters} of ${r.converters.processes} processes, max ${r.converters.maxPerProcess}`,
          ),
        ),
        ...floorRuns.map((r) => buildRow('floor: next build', null, r.pages, r, '')),
        ...siteRuns.flatMap((r) =>
          r.export ? [buildRow('site: npm run export', r.articles, r.pages, r.export, '')] : [],
        ),
      ],
    ),
  );
  const fitText = (fit: Fit | null) =>
    fit
      ? `${ms(fit.msPerPage)}/page + ${seconds(fit.fixedSeconds)} fixed (R² ${fit.r2.toFixed(3)}${fit.lastStepOverFirst == null ? '' : `, last step ${ratio(fit.lastStepOverFirst)} the first`})`
      : '– (one size only)';
  out.push(
    '',
    'Fitted line, time against pages:',
    `  wall       site ${fitText(wallFit.site)}`,
    `             floor ${fitText(wallFit.floor)}`,
    `             marginal cost ${ratio(wallRatio)} the floor's (target ≤ ${ratio(targetMarginalRatio)}: ${verdictText(within(wallRatio, targetMarginalRatio))})`,
    `  prerender  site ${fitText(prerenderFit.site)}`,
    `             floor ${fitText(prerenderFit.floor)}`,
    `             marginal cost ${ratio(prerenderRatio)} the floor's (target ≤ ${ratio(targetMarginalRatio)}: ${verdictText(within(prerenderRatio, targetMarginalRatio))})`,
    `${count(newsroom)} articles (${count(newsroomX)} pages, ${how(newsroomPages)}): npm run build ${seconds(buildAt.value)} (${how(buildAt)}; target ≤ 720 s: ${verdictText(within(buildAt.value, targetBuildSeconds))}), ` +
      `peak memory ${mb(peakAt.value)} (${how(peakAt)}; target ≤ 3072 MB: ${verdictText(within(peakAt.value, targetPeakBytes))})`,
  );
  if (exportAt && exportPeakAt) {
    out.push(
      `${count(newsroom)} articles, npm run export: ${seconds(exportAt.value)} (${how(exportAt)}), peak memory ${mb(exportPeakAt.value)} (${how(exportPeakAt)})`,
    );
  }
  out.push(
    `npm run check: ${siteRuns.map((r) => `${seconds(r.check.seconds)} at ${count(r.articles)}${r.check.exitCode === 0 ? '' : ` (exit ${r.check.exitCode})`}`).join(', ')}; ` +
      `at ${count(newsroom)}: ${seconds(checkAt.value)} (${how(checkAt)}; target ≤ 30 s: ${verdictText(within(checkAt.value, targetCheckSeconds))}). Largest: ${large.check.summary}`,
  );
  out.push(
    `Converters (counted at exit in each build process by tests/bench/converter-count.ts): ${siteRuns
      .map(
        (r) =>
          `${count(r.articles)} articles: ${r.converters.creations} in ${r.converters.withConverters} process(es), ${r.converters.processes} wrote, ${r.converters.nodeProcessesSeen} node processes seen, ${r.converters.silent} silent`,
      )
      .join('; ')}. At most ${maxConverters} per process for ${directions.length} direction(s).`,
  );

  out.push(
    '',
    `== Page weight across sizes (prerendered HTML, gzip level 9; a list page from the smallest archive where it lists ${fullPage} articles) ==`,
  );
  out.push(
    table(
      [
        'page',
        'from',
        'path',
        'listed',
        'HTML',
        'gzip',
        `path at ${count(large.articles)}`,
        'listed',
        'HTML',
        'gzip',
        'gzip ratio',
        'raw ratio',
        'within 10 %',
      ],
      (Object.keys(pageKinds) as PageKind[]).map((kind) => {
        const drift = weightDrift.find((d) => d.kind === kind);
        const from = drift?.from ?? small.weights[kind];
        const to = large.weights[kind];
        return [
          kind,
          count(drift?.fromArticles ?? small.articles),
          from?.route ?? '(none built)',
          String(from?.listed ?? ''),
          kb(from?.bytes),
          kb(from?.gzip),
          to?.route ?? '(none built)',
          String(to?.listed ?? ''),
          kb(to?.bytes),
          kb(to?.gzip),
          ratio(drift?.gzip),
          ratio(drift?.raw),
          drift
            ? verdictText(Math.max(Math.abs(drift.gzip - 1), Math.abs(drift.raw - 1)) <= targetWeightDrift)
            : 'not measured (no size lists a full page)',
        ];
      }),
    ),
  );

  out.push(
    '',
    `== Page weight against the floor (first visit, from next start at ${count(small.articles)} article(s); noModule polyfills left out) ==`,
  );
  out.push(
    table(
      [
        'page',
        'HTML',
        'gzip',
        'vs floor',
        'markup gzip',
        'RSC raw',
        'RSC adds gzip',
        'JS gzip',
        'framework',
        'own',
        'CSS gzip',
        'requests',
      ],
      [
        ...siteWeights.map((w) => [
          w.path,
          kb(w.htmlBytes),
          kb(w.htmlGzip),
          ratio(w.htmlGzip / floorWeight.htmlGzip),
          kb(w.markupGzip),
          kb(w.inlineRscBytes),
          kb(w.inlineRscGzipAdded),
          kb(w.jsGzip),
          kb(w.frameworkGzip),
          kb(w.ownGzip),
          kb(w.cssGzip),
          w.requests,
        ]),
        [
          `floor ${floorPath}`,
          kb(floorWeight.htmlBytes),
          kb(floorWeight.htmlGzip),
          '1.00×',
          kb(floorWeight.markupGzip),
          kb(floorWeight.inlineRscBytes),
          kb(floorWeight.inlineRscGzipAdded),
          kb(floorWeight.jsGzip),
          kb(floorWeight.jsGzip),
          kb(0),
          kb(floorWeight.cssGzip),
          floorWeight.requests,
        ],
      ],
    ),
  );
  out.push(
    `The floor's page is the same article as plain paragraphs: "${text.title}", ${count(text.paragraphs.join('').length)} characters.`,
  );

  out.push(
    '',
    `== The static export without Next.js's client runtime (first visit through ${exportServer.server}), against the floor and Astro ==`,
  );
  const againstAstro = (gzip: number) => ratio(gzip / astroAnchor.htmlGzip);
  out.push(
    table(
      ['page', 'HTML', 'gzip', 'vs floor', 'vs Astro', 'JS files', 'JS', 'JS gzip', 'CSS gzip', 'requests'],
      [
        ...exportWeights.map((w) => [
          `export ${w.path}`,
          kb(w.htmlBytes),
          kb(w.htmlGzip),
          ratio(w.htmlGzip / floorWeight.htmlGzip),
          againstAstro(w.htmlGzip),
          w.jsFiles,
          `${count(w.jsBytes)} B`,
          kb(w.jsGzip),
          kb(w.cssGzip),
          w.requests,
        ]),
        [
          `floor ${floorPath} (next start)`,
          kb(floorWeight.htmlBytes),
          kb(floorWeight.htmlGzip),
          '1.00×',
          againstAstro(floorWeight.htmlGzip),
          floorWeight.jsFiles,
          `${count(floorWeight.jsBytes)} B`,
          kb(floorWeight.jsGzip),
          kb(floorWeight.cssGzip),
          floorWeight.requests,
        ],
        [
          `Astro: ${astroAnchor.what}`,
          '',
          kb(astroAnchor.htmlGzip),
          ratio(astroAnchor.htmlGzip / floorWeight.htmlGzip),
          '1.00×',
          0,
          '0 B',
          kb(0),
          '',
          '',
        ],
      ],
    ),
  );
  out.push(
    `The exported article's HTML (gzip) is ${ratio(exportArticleHtml / floorWeight.htmlGzip)} the bare Next.js page's and ${againstAstro(exportArticleHtml)} Astro's; ` +
      `from next start the same article is ${ratio(worstHtml / floorWeight.htmlGzip)} the floor's, its inline RSC payload included. Astro's figure is an anchor, not built here.`,
  );

  out.push(
    '',
    `== Serving (autocannon on 127.0.0.1: ${loadSettings.connections} connections, Accept-Encoding: ${loadSettings.acceptEncoding}, ` +
      `${loadSettings.warmupSeconds} s warm-up, then ${loadSettings.seconds} s × ${rounds} rounds in turn; medians) ==`,
  );
  out.push(
    table(
      ['server', 'req/s', 'p50', 'p99', 'vs floor', 'vs next start', 'failed'],
      Object.entries(serving).map(([name, s]) => [
        name,
        count(s.rps),
        ms(s.p50, 0),
        ms(s.p99, 0),
        ratio(floorServe ? s.rps / floorServe.rps : null),
        ratio(siteServe ? s.rps / siteServe.rps : null),
        s.failures,
      ]),
    ),
  );
  if (exportServe && siteServe) {
    out.push(
      `Past one server: the static export answers ${ratio(exportServe.rps / siteServe.rps)} the requests per second of next start ` +
        `(p99 ${ms(exportServe.p99, 0)} against ${ms(siteServe.p99, 0)}); a CDN in front of either serves from its cache.`,
    );
  }
  out.push(`Cache-Control of the article from next start: ${cacheControl ?? '(none)'}`);
  out.push(`Cache-Control of the article from the export's server: ${exportCacheControl ?? '(none)'}`);

  out.push('', '== Conversion (median of 300 runs; creation: median of 5 fresh processes) ==');
  out.push(
    table(
      ['figure', 'time'],
      [
        ['create the 简→繁 converter (first use in a process)', ms(conversion.createToHantMs, 0)],
        ['create the 繁→简 converter (first use in a process)', ms(conversion.createToHansMs, 0)],
        ['both again in the same process', ms(conversion.reuseMs, 3)],
        [
          `render the article body in its own script (${count(conversion.characters)} characters)`,
          ms(conversion.renderOwnMs, 2),
        ],
        ['render it converted to the other script', ms(conversion.renderConvertedMs, 2)],
        ['convert the other fields (title, summary …)', ms(conversion.fieldsMs, 3)],
        ['converting one article (what conversion adds)', ms(conversion.articleMs, 2)],
      ],
    ),
  );

  out.push(
    '',
    `== Link-preview cards (${cards.cards} cards of the ${count(large.articles)}-article archive, both scripts; load ${cards.load.toFixed(1)}) ==`,
  );
  out.push(
    table(
      ['figure', 'per card', `${count(newsroomCards)} cards (${count(newsroom)} articles) over ${workers} worker(s)`],
      [
        ['first card of a process (hb-subset and resvg WebAssembly, the 20 MB font read)', ms(cards.firstMs, 0), ''],
        [
          'cold: font subset, satori, resvg, written to the cache (median / mean)',
          `${ms(cards.coldMedianMs, 1)} / ${ms(cards.coldMeanMs, 1)}`,
          seconds(cardsColdSeconds),
        ],
        [
          'warm: the hash of what it shows, one file read (median / mean)',
          `${ms(cards.warmMedianMs, 2)} / ${ms(cards.warmMeanMs, 2)}`,
          seconds(cardsWarmSeconds),
        ],
        ['weight (mean / heaviest)', `${kb(cards.meanBytes)} / ${kb(cards.maxBytes)}`, ''],
      ],
    ),
  );
  out.push(
    `The builds above drew every card cold; ${count(large.articles)} articles built again with the cards in the cache: ` +
      `${seconds(large.rebuild?.seconds)} against ${seconds(large.seconds)}, prerendering ${seconds(large.rebuild?.prerender)} against ${seconds(large.prerender)} (load ${large.rebuild?.load.toFixed(1) ?? '–'}). ` +
      `${count(newsroom)} articles: npm run build ${seconds(buildAt.value)} with every card drawn (fitted line), ` +
      `${seconds(buildWarmCards)} with the cards in the cache (the rebuild's prerendering saving, scaled); the cards alone, from the per-card ` +
      `costs: ${seconds(cardsColdSeconds)} cold, ${seconds(cardsWarmSeconds)} warm.`,
    '== Search index (built in-process from each archive, as the build does; gzip level 9; load = 1-min load average as each ended) ==',
  );
  const perThousand = (run: SearchRun) => (run.gzipBytes * 1000) / run.articles;
  out.push(
    table(
      [
        'articles',
        'files',
        'shards',
        'index gzip',
        'per 1,000 articles',
        'read articles',
        'build index',
        'per 1,000 articles',
        'load',
      ],
      [...search.runs, ...(search.runs.includes(search.atNewsroom) ? [] : [search.atNewsroom])].map((run) => [
        count(run.articles),
        count(run.files),
        count(run.shards),
        kb(run.gzipBytes),
        kb(perThousand(run)),
        seconds(run.prepareMs / 1000),
        seconds(run.indexMs / 1000),
        seconds(((run.prepareMs + run.indexMs) * 1000) / run.articles / 1000),
        run.load.toFixed(1),
      ]),
    ),
  );
  const sortedBytes = searchBytes.toSorted((a, b) => a - b);
  const heaviest = search.atNewsroom.queries.reduce((most, query) => (query.bytes > most.bytes ? query : most));
  out.push(
    `A query at ${count(search.atNewsroom.articles)} articles downloads (script ${kb(search.atNewsroom.bundle.gzip)}, with its fold map ${kb(search.atNewsroom.foldMapGzip)}, ` +
      `the shards of its terms, the result files of its first 20 results): median ${kb(median(sortedBytes))}, max ${kb(heaviest.bytes)} ` +
      `("${heaviest.query}", ${heaviest.files} files, ${count(heaviest.results)} results), over the ${searchBytes.length} queries of tests/fixtures/search/queries.ts.`,
  );

  out.push('', '== Targets ==');
  out.push(
    table(
      ['target', 'measured', 'goal', ''],
      targets.map(([name, measured, goal, met]) => [name, measured, goal, verdictText(met)]),
    ),
  );
  const loadAtEnd = os.loadavg();
  out.push(
    '',
    `Bench took ${seconds((Date.now() - benchStarted) / 1000)}; load average (1/5/15 min) ${loadText(loadAtStart)} at the start, ${loadText(loadAtEnd)} at the end, on ${os.cpus().length} cores.`,
  );
  console.log(out.join('\n'));

  const withoutFiles = ({ files: _files, ...rest }: PageWeight) => rest;
  console.log(
    JSON.stringify({
      version: 3,
      date: new Date().toISOString(),
      cores: os.cpus().length,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      sizes,
      builds: {
        site: siteRuns.map(({ export: exportRun, ...run }) => ({
          ...run,
          export: exportRun ? { ...exportRun, stage: undefined } : null,
        })),
        floor: floorRuns,
        fit: { wall: wallFit, prerender: prerenderFit, marginalWall: wallRatio, marginalPrerender: prerenderRatio },
        newsroom: {
          articles: newsroom,
          pages: newsroomPages,
          buildSeconds: buildAt,
          peakBytes: peakAt,
          exportSeconds: exportAt,
          exportPeakBytes: exportPeakAt,
          checkSeconds: checkAt,
        },
      },
      weightAcrossSizes: weightDrift,
      weight: {
        site: siteWeights.map(withoutFiles),
        floor: withoutFiles(floorWeight),
        export: exportWeights.map(withoutFiles),
        astroAnchor,
      },
      serving: { settings: { ...loadSettings, rounds }, ...serving },
      cacheControl: { nextStart: cacheControl, export: exportCacheControl },
      conversion,
      cards: {
        ...cards,
        newsroomCards,
        workers,
        coldSeconds: cardsColdSeconds,
        warmSeconds: cardsWarmSeconds,
        buildWarmCardsSeconds: buildWarmCards,
      },
      search: { runs: search.runs.map((run) => ({ ...run, queries: undefined })), atNewsroom: search.atNewsroom },
      clientDictionary,
      targets: Object.fromEntries(targets.map(([name, measured, goal, met]) => [name, { measured, goal, met }])),
      benchSeconds: (Date.now() - benchStarted) / 1000,
    }),
  );
}

runMain(main);
