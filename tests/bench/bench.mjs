// npm run bench: builds the site and a bare Next.js page with the same article
// text (the framework floor), serves both on 127.0.0.1 and prints, side by side
// from one run: page weight, serving speed, build scaling and conversion cost,
// each target marked met or not, then one JSON line to compare later runs with.
// Figures, not assertions: nothing here fails because a target is missed.
//
// BENCH_SIZES=1,100,1000   article counts of the build-scaling runs (the first is the project's content)
// BENCH_ROUNDS=3           rounds of the serving load (each figure is the median)
// BENCH_PORT=3700          first port to try for the servers (default: any free port)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleText, writeFloorApp } from './floor.mjs';
import { writeGeneratedContent } from './content.mjs';
import { freePort, startServer, stopAllServers, stopServer, timedRun } from './processes.mjs';
import { load, loadSettings, serveStatic } from './serving.mjs';
import { count, fitLine, kb, mb, median, ms, ratio, seconds, table } from './stats.mjs';
import { splitScripts, weigh } from './weight.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the project, so the floor app resolves the project's node_modules; ignored by git.
const scratch = path.join(projectDir, '.bench');
const nextBin = path.join(projectDir, 'node_modules/next/dist/bin/next');
const tsxBin = path.join(projectDir, 'node_modules/tsx/dist/cli.mjs');
const slug = 'stargate-openai-softbank-rift';
const articleFile = path.join(projectDir, 'content/articles', `${slug}.md`);
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000').split(',').map(Number).toSorted((a, b) => a - b);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const sitePages = ['zh-hans', 'zh-hant'].map((script) => `/${script}/articles/${slug}`);
const floorPage = '/p/0';
const benchStarted = Date.now();

const log = (line) => process.stderr.write(`[bench ${((Date.now() - benchStarted) / 1000).toFixed(0)} s] ${line}\n`);

// Prerendering is the part of a build that grows with the pages: timed from Next's own progress lines.
const prerenderMarks = { start: /Generating static pages using/, end: /✓ Generating static pages/ };
const prerenderSeconds = ({ marks }) => (marks.start !== undefined && marks.end !== undefined ? marks.end - marks.start : null);

function readConverterLog(file) {
  const perProcess = new Map();
  if (!fs.existsSync(file)) return { processes: 0, maxPerProcess: 0 };
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) perProcess.set(line, (perProcess.get(line) ?? 0) + 1);
  return {
    processes: new Set([...perProcess.keys()].map((line) => line.split(' ')[0])).size,
    creations: [...perProcess.values()].reduce((a, b) => a + b, 0),
    maxPerProcess: Math.max(0, ...perProcess.values()),
  };
}

async function buildSite(articles) {
  fs.rmSync(path.join(projectDir, '.next'), { recursive: true, force: true });
  const converterLog = path.join(scratch, `converters-${articles}.log`);
  fs.rmSync(converterLog, { force: true });
  const extraEnv = { BENCH_CONVERTER_LOG: converterLog };
  // The smallest run builds the project's own content: that build is the one served and weighed.
  if (articles !== sizes[0]) {
    extraEnv.CONTENT_DIR = writeGeneratedContent(path.join(scratch, `content-${articles}`), {
      projectContent: path.join(projectDir, 'content'),
      articleFile,
      count: articles,
    });
  }
  log(`site build, ${articles} article(s)`);
  const run = await timedRun(process.execPath, [nextBin, 'build'], { cwd: projectDir, extraEnv, marks: prerenderMarks });
  // What `npm run build` does after next build: the served pages need their CSP script hashes. Not timed.
  await timedRun(process.execPath, [path.join(projectDir, 'node_modules/tsx/dist/cli.mjs'), path.join(projectDir, 'lib/cli/inline-script-hashes.ts')], { cwd: projectDir, extraEnv });
  return { articles, pages: 2 * articles, seconds: run.seconds, prerender: prerenderSeconds(run), peakBytes: run.peakBytes, converters: readConverterLog(converterLog) };
}

async function buildFloor(articles, text) {
  const dir = path.join(scratch, 'floor');
  writeFloorApp(dir, { ...text, pages: 2 * articles });
  log(`floor build, ${2 * articles} page(s)`);
  const run = await timedRun(process.execPath, [nextBin, 'build'], { cwd: dir, marks: prerenderMarks });
  return { articles, pages: 2 * articles, seconds: run.seconds, prerender: prerenderSeconds(run), peakBytes: run.peakBytes };
}

async function buildExport() {
  const scripts = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.export) return null;
  fs.rmSync(path.join(projectDir, '.next'), { recursive: true, force: true });
  log('static export (npm run export)');
  const run = await timedRun('npm', ['run', 'export'], { cwd: projectDir });
  return { seconds: run.seconds, peakBytes: run.peakBytes };
}

/** Per-page cost of a series of builds: fitted slope, R², and the slope of the last step against the first. */
function scaling(runs) {
  const fit = (key) => {
    const points = runs.filter((run) => run[key] != null).map((run) => ({ x: run.pages, y: run[key] }));
    if (points.length < 2) return null;
    const line = fitLine(points);
    const steps = points.slice(1).map((point, index) => (point.y - points[index].y) / (point.x - points[index].x));
    return { msPerPage: line.slope * 1000, r2: line.r2, lastStepOverFirst: steps.length > 1 ? steps.at(-1) / steps[0] : null };
  };
  return { wall: fit('seconds'), prerender: fit('prerender') };
}

function convertersOnce(siteRuns) {
  const max = Math.max(...siteRuns.map((run) => run.converters.maxPerProcess));
  const creations = siteRuns.reduce((sum, run) => sum + (run.converters.creations ?? 0), 0);
  return { max, creations, processes: siteRuns.map((run) => run.converters.processes) };
}

function scanClientFiles(dir) {
  const marks = ['一擲千金', 'Invalid dictionary entry'];
  const hits = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (marks.some((mark) => fs.readFileSync(file).includes(mark))) hits.push(path.relative(dir, file));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return hits;
}

async function measureConversion() {
  log('conversion');
  const tsx = (args) => timedRun(process.execPath, [tsxBin, '--conditions=react-server', path.join(projectDir, 'tests/bench/conversion.ts'), ...args], { cwd: projectDir });
  const creations = [];
  for (let run = 0; run < 5; run += 1) creations.push(JSON.parse((await tsx(['create'])).output.trim().split('\n').at(-1)));
  const article = JSON.parse((await tsx(['article', articleFile, '300'])).output.trim().split('\n').at(-1));
  return {
    createToHantMs: median(creations.map((c) => c.toHantMs)),
    createToHansMs: median(creations.map((c) => c.toHansMs)),
    reuseMs: median(creations.map((c) => c.bothAgainMs)),
    ...article,
  };
}

async function measureServing(targets) {
  const results = Object.fromEntries(targets.map((target) => [target.name, []]));
  for (const target of targets) await load(target.url, loadSettings.warmupSeconds);
  for (let round = 0; round < rounds; round += 1) {
    // Back to back, in turn, so a noisy neighbour weighs on every server alike.
    for (const target of targets) {
      log(`load round ${round + 1}/${rounds}: ${target.name}`);
      results[target.name].push(await load(target.url));
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, runs]) => [
      name,
      {
        rps: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        failures: runs.reduce((sum, r) => sum + r.failures, 0),
        rounds: runs.length,
      },
    ]),
  );
}

async function main() {
  fs.mkdirSync(scratch, { recursive: true });
  const text = articleText(articleFile);

  // Builds, site and floor in turn at each size, largest first: the smallest are the ones served.
  const siteRuns = [];
  const floorRuns = [];
  let exported = null;
  for (const articles of sizes.toSorted((a, b) => b - a)) {
    floorRuns.unshift(await buildFloor(articles, text));
    if (articles === sizes[0]) exported = await buildExport();
    siteRuns.unshift(await buildSite(articles));
  }

  // Servers: the site and the floor with next start, the export with a static server.
  const sitePort = await freePort();
  const floorPort = await freePort();
  const site = `http://127.0.0.1:${sitePort}`;
  const floor = `http://127.0.0.1:${floorPort}`;
  const start = (cwd, port, probe) =>
    startServer(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd, url: `http://127.0.0.1:${port}${probe}` });
  const siteServer = await start(projectDir, sitePort, sitePages[0]);
  const floorServer = await start(path.join(scratch, 'floor'), floorPort, floorPage);
  let staticServer = null;
  let staticOrigin = null;
  if (exported) {
    const port = await freePort();
    staticServer = await serveStatic({ projectDir, root: path.join(projectDir, 'out'), port, probePath: sitePages[0], scratch });
    staticOrigin = `http://127.0.0.1:${port}`;
  }

  log('page weight');
  const floorWeight = await weigh(floor, floorPage);
  const siteWeights = [];
  for (const page of sitePages) {
    const weight = await weigh(site, page);
    siteWeights.push({ ...weight, ...splitScripts(weight, floorWeight) });
  }
  const cacheControl = (await fetch(site + sitePages[0])).headers.get('cache-control');
  const staticCacheControl = staticOrigin ? (await fetch(staticOrigin + sitePages[0])).headers.get('cache-control') : null;

  const servingTargets = [
    { name: 'site (next start)', url: site + sitePages[0] },
    { name: 'floor (next start)', url: floor + floorPage },
    ...(staticOrigin ? [{ name: `export (${staticServer.server})`, url: staticOrigin + sitePages[0] }] : []),
  ];
  const serving = await measureServing(servingTargets);
  stopServer(siteServer);
  stopServer(floorServer);
  if (staticServer) stopServer(staticServer.child);

  const conversion = await measureConversion();
  const clientDictionary = scanClientFiles(path.join(projectDir, '.next/static'));

  // ---- The report.
  const siteScaling = scaling(siteRuns);
  const floorScaling = scaling(floorRuns);
  const largest = siteRuns.at(-1);
  const converters = convertersOnce(siteRuns);
  const siteServe = serving['site (next start)'];
  const floorServe = serving['floor (next start)'];
  const staticServe = staticOrigin ? serving[servingTargets[2].name] : null;
  const worstHtml = Math.max(...siteWeights.map((w) => w.htmlGzip));
  const maxOwnJs = Math.max(...siteWeights.map((w) => w.jsGzip - floorWeight.jsGzip));
  // A slope from builds a few pages apart is noise: judge the marginal cost from 100 pages up only.
  const enoughPages = siteRuns.at(-1).pages - siteRuns[0].pages >= 100;
  const marginal =
    enoughPages && siteScaling.prerender && floorScaling.prerender?.msPerPage > 0 ? siteScaling.prerender.msPerPage / floorScaling.prerender.msPerPage : null;
  const linear = enoughPages ? siteScaling.prerender?.lastStepOverFirst ?? null : null;
  const mark = (met) => ({ met, text: met == null ? 'not measured' : met ? 'met' : 'NOT MET' });

  const targets = [
    ['site JS above the floor', kb(maxOwnJs), '≤ 5.0 KB gzip', mark(maxOwnJs <= 5 * 1024)],
    ['conversion dictionary in client files', clientDictionary.length === 0 ? 'none' : clientDictionary.join(', '), 'none', mark(clientDictionary.length === 0)],
    ['article HTML gzip / floor', ratio(worstHtml / floorWeight.htmlGzip), '≤ 1.30×', mark(worstHtml / floorWeight.htmlGzip <= 1.3)],
    ['next start rps / floor rps', ratio(siteServe.rps / floorServe.rps), '≥ 0.90×', mark(siteServe.rps / floorServe.rps >= 0.9)],
    ['build marginal ms/page / floor (prerender)', ratio(marginal), '≤ 1.20×', mark(marginal == null ? null : marginal <= 1.2)],
    [
      'build time grows linearly (site prerender)',
      linear == null ? '–' : `per page: last step ${ratio(linear)} the first; R² ${siteScaling.prerender.r2.toFixed(3)}`,
      'last step ≤ 1.5× first',
      mark(linear == null ? null : linear <= 1.5),
    ],
    [`peak build memory at ${count(largest.articles)} articles`, mb(largest.peakBytes), '< 2 GB at 1,000', mark(largest.articles >= 1000 && largest.peakBytes != null ? largest.peakBytes < 2 ** 31 : null)],
    ['converter creations per process (max)', String(converters.max), '1', mark(converters.max === 1)],
    ['converting one article', ms(conversion.articleMs, 2), '< 5 ms', mark(conversion.articleMs < 5)],
  ];

  const out = [];
  out.push('', '== Page weight (first visit, gzip level 9; noModule polyfills left out) ==');
  out.push(
    table(
      ['page', 'HTML', 'gzip', 'vs floor', 'markup gzip', 'RSC raw', 'RSC adds gzip', 'JS gzip', 'framework', 'own', 'CSS gzip', 'requests'],
      [
        ...siteWeights.map((w) => [w.path, kb(w.htmlBytes), kb(w.htmlGzip), ratio(w.htmlGzip / floorWeight.htmlGzip), kb(w.markupGzip), kb(w.inlineRscBytes), kb(w.inlineRscGzipAdded), kb(w.jsGzip), kb(w.frameworkGzip), kb(w.ownGzip), kb(w.cssGzip), w.requests]),
        ['floor ' + floorPage, kb(floorWeight.htmlBytes), kb(floorWeight.htmlGzip), '1.00×', kb(floorWeight.markupGzip), kb(floorWeight.inlineRscBytes), kb(floorWeight.inlineRscGzipAdded), kb(floorWeight.jsGzip), kb(floorWeight.jsGzip), kb(0), kb(floorWeight.cssGzip), floorWeight.requests],
      ],
    ),
  );
  out.push(
    '',
    `== Serving (autocannon on 127.0.0.1: ${loadSettings.connections} connections, Accept-Encoding: ${loadSettings.acceptEncoding}, ` +
      `${loadSettings.warmupSeconds} s warm-up, then ${loadSettings.seconds} s × ${rounds} rounds in turn; medians) ==`,
  );
  out.push(
    table(
      ['server', 'req/s', 'p50', 'p99', 'vs floor', 'vs next start', 'failed'],
      Object.entries(serving).map(([name, s]) => [name, count(s.rps), ms(s.p50, 0), ms(s.p99, 0), ratio(s.rps / floorServe.rps), ratio(s.rps / siteServe.rps), s.failures]),
    ),
  );
  if (staticServe) {
    out.push(
      `Past one server: the static export answers ${ratio(staticServe.rps / siteServe.rps)} the requests per second of next start ` +
        `(p99 ${ms(staticServe.p99, 0)} against ${ms(siteServe.p99, 0)}); a CDN in front of either serves from its cache.`,
    );
  }
  out.push(`Cache-Control of the article from next start: ${cacheControl ?? '(none)'}`);
  if (staticOrigin) out.push(`Cache-Control of the article from the export's server: ${staticCacheControl ?? '(none)'}`);
  else out.push('Static export: not available yet (no `npm run export` in package.json).');
  out.push('', '== Build scaling (cold builds; peak memory = proportional set size of the build process tree) ==');
  out.push(
    table(
      ['build', 'articles', 'pages', 'wall', 'prerender', 'peak memory'],
      [
        ...siteRuns.map((r) => ['site', count(r.articles), count(r.pages), seconds(r.seconds), seconds(r.prerender), mb(r.peakBytes)]),
        ...floorRuns.map((r) => ['floor', count(r.articles), count(r.pages), seconds(r.seconds), seconds(r.prerender), mb(r.peakBytes)]),
        ...(exported ? [['export', count(sizes[0]), '', seconds(exported.seconds), '', mb(exported.peakBytes)]] : []),
      ],
    ),
  );
  const perPage = (s) => (s ? `${ms(s.msPerPage)}/page (R² ${s.r2.toFixed(3)}${s.lastStepOverFirst == null ? '' : `, last step ${ratio(s.lastStepOverFirst)} the first`})` : '–');
  out.push(`Marginal cost of a page, prerender: site ${perPage(siteScaling.prerender)}, floor ${perPage(floorScaling.prerender)}`);
  out.push(`Marginal cost of a page, wall:      site ${perPage(siteScaling.wall)}, floor ${perPage(floorScaling.wall)}`);
  if (siteScaling.wall && enoughPages) {
    const at = (pages) => siteScaling.wall && (fitLine(siteRuns.map((r) => ({ x: r.pages, y: r.seconds }))).intercept + (siteScaling.wall.msPerPage / 1000) * pages);
    out.push(`By the fitted line, 10,000 articles (20,000 pages) would take about ${seconds(at(20_000))} to build.`);
  }
  out.push(`Converters created: ${converters.creations} in ${converters.processes.reduce((a, b) => a + b, 0)} build process(es) over ${siteRuns.length} builds; at most ${converters.max} per process and direction.`);
  out.push('', '== Conversion (median of 300 runs; creation: median of 5 fresh processes) ==');
  out.push(
    table(
      ['figure', 'time'],
      [
        ['create the 简→繁 converter (first use in a process)', ms(conversion.createToHantMs, 0)],
        ['create the 繁→简 converter (first use in a process)', ms(conversion.createToHansMs, 0)],
        ['both again in the same process', ms(conversion.reuseMs, 3)],
        [`render the article body in its own script (${count(conversion.characters)} characters)`, ms(conversion.renderOwnMs, 2)],
        ['render it converted to the other script', ms(conversion.renderConvertedMs, 2)],
        ['convert the other fields (title, summary …)', ms(conversion.fieldsMs, 3)],
        ['converting one article (what conversion adds)', ms(conversion.articleMs, 2)],
      ],
    ),
  );
  out.push('', '== Targets ==');
  out.push(table(['target', 'measured', 'goal', ''], targets.map(([name, measured, goal, met]) => [name, measured, goal, met.text])));
  out.push('', `Bench took ${seconds((Date.now() - benchStarted) / 1000)}.`);
  console.log(out.join('\n'));

  const strip = ({ files, ownFiles, ...rest }) => ({ ...rest, ownFiles });
  console.log(
    JSON.stringify({
      version: 1,
      date: new Date().toISOString(),
      weight: { site: siteWeights.map(strip), floor: { ...floorWeight, files: undefined } },
      serving: { settings: { ...loadSettings, rounds }, ...serving },
      cacheControl: { nextStart: cacheControl, static: staticCacheControl },
      builds: { site: siteRuns, floor: floorRuns, export: exported, siteScaling, floorScaling, converters },
      conversion,
      clientDictionary,
      targets: Object.fromEntries(targets.map(([name, measured, goal, met]) => [name, { measured, goal, met: met.met }])),
      benchSeconds: (Date.now() - benchStarted) / 1000,
    }),
  );
}

try {
  await main();
} finally {
  stopAllServers();
}
