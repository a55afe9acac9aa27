// npm run lighthouse: Lighthouse (mobile, simulated slow 4G and CPU) against the
// production build served on 127.0.0.1. A measurement, not a test: it prints a
// table and one JSON line; targets live in the issues.
//
//   npm run lighthouse                 npm run build when sources are newer than .next, then measure
//   npm run lighthouse -- --runs 5     runs per article page (the median performance run is kept)
//   npm run lighthouse -- --build      build even when .next looks current
//   npm run lighthouse -- --cpu-slowdown 2
//                                      CPU throttling (Lighthouse's mobile default is 4, meant for a
//                                      machine with a benchmark index of about 1000 or more; the
//                                      index is printed so slower machines can be recognised)
//
// CHROME_PATH or CHROMIUM_PATH picks the browser; otherwise /usr/bin/chromium,
// then whatever chrome-launcher finds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import type { Result } from 'lighthouse';
import { childEnv, freePort, runMain, startServer, stopServer } from './processes';

const slug = 'stargate-openai-softbank-rift';
const allCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof allCategories)[number];
const targets: readonly {
  readonly path: string;
  readonly categories: readonly Category[];
  readonly repeat: boolean;
}[] = [
  { path: `/zh-hans/articles/${slug}`, categories: allCategories, repeat: true },
  { path: `/zh-hant/articles/${slug}`, categories: allCategories, repeat: true },
  { path: '/zh-hans', categories: ['seo'], repeat: false },
  { path: '/zh-hant', categories: ['seo'], repeat: false },
];

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
    'cpu-slowdown': { type: 'string', default: '4' },
  },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20)
  throw new Error(`--runs must be a whole number from 1 to 20, got "${options.runs}"`);
const cpuSlowdown = Number(options['cpu-slowdown']);
if (!(cpuSlowdown >= 1 && cpuSlowdown <= 20))
  throw new Error(`--cpu-slowdown must be from 1 to 20, got "${options['cpu-slowdown']}"`);

const root = process.cwd();

/** The middle run (the upper one of an even count): always one of the values, so a whole run can be kept. */
const middle = (values: readonly number[]): number | undefined =>
  values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  // npm run build also writes the pages' inline-script hashes, without which the CSP blocks Next's scripts.
  const hashes = fs.statSync(path.join(root, '.next', 'inline-js-hashes.json'), { throwIfNoEntry: false });
  if (!buildId || !hashes || hashes.mtimeMs < buildId.mtimeMs) return true;
  const sources = ['app', 'components', 'lib', 'content', 'proxy.ts', 'next.config.ts', 'package-lock.json'];
  return Math.max(...sources.map((source) => newestMtime(path.join(root, source)))) > buildId.mtimeMs;
}

function build(): void {
  console.error('npm run build …');
  const result = spawnSync('npm', ['run', 'build'], { env: childEnv, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('npm run build failed');
  }
}

function chromePath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

async function launchChrome(): Promise<chromeLauncher.LaunchedChrome> {
  const flags = [
    '--headless=new',
    // A distribution Chromium otherwise phones home at start, which a closed network refuses.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  // Chromium refuses to run as root inside its sandbox.
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  const executable = chromePath();
  return chromeLauncher.launch({
    ...(executable ? { chromePath: executable } : {}),
    chromeFlags: flags,
    logLevel: 'silent',
  });
}

interface Metrics {
  readonly fcpMs: number | undefined;
  readonly lcpMs: number | undefined;
  readonly tbtMs: number | undefined;
  readonly cls: number | undefined;
  readonly siMs: number | undefined;
}

interface Audit {
  readonly scores: Partial<Record<Category, number>>;
  readonly metrics: Metrics | undefined;
  readonly shortfalls: readonly string[];
  readonly lighthouseVersion: string;
  readonly benchmarkIndex: number;
  readonly userAgent: string;
}

/**
 * Lighthouse, loaded by Node's own ES module loader. A static import would go
 * through tsx's CommonJS interop, which compiles Lighthouse with esbuild's
 * keepNames: the functions Lighthouse sends to the browser as source then call
 * a `__name` helper the page does not have ("__name is not defined").
 */
const loadLighthouse = async () => (await import('lighthouse')).default;

async function audit(
  chrome: chromeLauncher.LaunchedChrome,
  url: string,
  categories: readonly Category[],
): Promise<Audit> {
  const lighthouse = await loadLighthouse();
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categories],
    throttling: { cpuSlowdownMultiplier: cpuSlowdown },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr: Result = result.lhr;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
  // What keeps a category below 100: the scored audits that did not pass.
  const shortfalls = categories.flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? []).flatMap((ref) => {
      const audited = lhr.audits[ref.id];
      if (ref.weight <= 0 || audited?.score == null || audited.score >= 1) return [];
      return [`${id}: ${ref.id} (${audited.displayValue ?? audited.score})`];
    }),
  );
  const metric = (id: string) => lhr.audits[id]?.numericValue;
  return {
    scores,
    metrics: categories.includes('performance')
      ? {
          fcpMs: metric('first-contentful-paint'),
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
          siMs: metric('speed-index'),
        }
      : undefined,
    shortfalls,
    lighthouseVersion: lhr.lighthouseVersion,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    userAgent: lhr.environment.hostUserAgent,
  };
}

async function main(): Promise<void> {
  if (options.build || buildIsStale()) build();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      url: origin + (targets[0]?.path ?? '/'),
      timeoutMs: 30_000,
    },
  );
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await launchChrome();
    const results = [];
    for (const target of targets) {
      const attempts: Audit[] = [];
      for (let run = 0; run < (target.repeat ? runs : 1); run += 1)
        attempts.push(await audit(chrome, origin + target.path, target.categories));
      // Performance varies run to run; keep the run with the median performance score, whole.
      const middleScore = middle(attempts.map((a) => a.scores.performance ?? 0));
      const kept = target.categories.includes('performance')
        ? attempts.find((a) => (a.scores.performance ?? 0) === middleScore)
        : attempts[0];
      if (!kept) throw new Error(`no Lighthouse run for ${target.path}`);
      results.push({
        page: target.path,
        runs: attempts.length,
        ...kept,
        performanceRuns: target.categories.includes('performance')
          ? attempts.map((a) => a.scores.performance ?? 0)
          : undefined,
      });
    }

    const first = results[0];
    const benchmarkIndex = middle(results.map((r) => r.benchmarkIndex)) ?? 0;
    console.log(
      `Lighthouse ${first?.lighthouseVersion}, mobile preset, CPU slowdown ${cpuSlowdown}×, ${first?.userAgent}`,
    );
    console.log(
      `benchmark index of this machine: ${Math.round(benchmarkIndex)}${benchmarkIndex < 1000 ? ' (below 1000: slower than Lighthouse assumes, so performance reads low)' : ''}`,
    );
    const rounded = (value: number | undefined, digits = 0) =>
      value === undefined ? '' : Number(value.toFixed(digits));
    console.table(
      results.map((r) => ({
        page: r.page,
        performance: r.scores.performance ?? '',
        accessibility: r.scores.accessibility ?? '',
        'best practices': r.scores['best-practices'] ?? '',
        seo: r.scores.seo ?? '',
        'LCP ms': rounded(r.metrics?.lcpMs),
        'TBT ms': rounded(r.metrics?.tbtMs),
        CLS: rounded(r.metrics?.cls, 3),
        'perf runs': r.performanceRuns?.join(' ') ?? '',
      })),
    );
    for (const r of results) for (const shortfall of r.shortfalls) console.log(`${r.page} — ${shortfall}`);
    console.log(
      JSON.stringify({
        lighthouse: first?.lighthouseVersion,
        cpuSlowdown,
        benchmarkIndex,
        pages: results.map(
          ({ userAgent: _userAgent, lighthouseVersion: _version, benchmarkIndex: _index, ...rest }) => rest,
        ),
      }),
    );
  } finally {
    chrome?.kill();
    await stopServer(server);
  }
}

runMain(main);
