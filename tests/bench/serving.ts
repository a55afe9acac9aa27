// Serving speed: a bounded load on 127.0.0.1 (autocannon), and the static
// export behind the tests' own runners: nginx with deploy/nginx.conf when it is
// installed, else the plain static file server.
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './processes';

/** Load settings: ten connections for a few seconds, as a burst of readers would, asking for gzip as browsers do. */
export const loadSettings = { connections: 10, seconds: 5, warmupSeconds: 3, acceptEncoding: 'gzip' } as const;

/** What one bounded run against one URL measured. */
export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** errors + timeouts + non2xx */
  readonly failures: number;
}

/** Requests per second and latency percentiles of one bounded run (autocannon stops itself after `seconds`). */
export async function load(
  url: string,
  seconds: number = loadSettings.seconds,
  connections: number = loadSettings.connections,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { 'accept-encoding': loadSettings.acceptEncoding },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** nginx from NGINX_PATH, the PATH or /usr/sbin (as playwright.config.ts finds it); BENCH_STATIC_SERVER=node skips it. */
export function findNginx(): string | undefined {
  if (process.env.BENCH_STATIC_SERVER === 'node') return undefined;
  const candidates = [process.env.NGINX_PATH, 'nginx', '/usr/sbin/nginx'];
  return candidates.find((candidate): candidate is string => !!candidate && spawnSync(candidate, ['-v']).status === 0);
}

/** An export the bench wrote: `<stage>/out` and `<stage>/deploy/csp-hashes.map` (npm run export --out, --nginx-map). */
export interface ExportStage {
  readonly stage: string;
  readonly outDir: string;
  readonly mapFile: string;
}

/** Where an export into `stage` puts its files. */
export function exportStage(stage: string): ExportStage {
  return { stage, outDir: path.join(stage, 'out'), mapFile: path.join(stage, 'deploy', 'csp-hashes.map') };
}

/** The tests' nginx runner (tests/support/serve-nginx.ts) on the export, with the shipped deploy/nginx.conf. */
function startNginxRunner(
  projectDir: string,
  exported: ExportStage,
  port: number,
  nginx: string,
  probeUrl: string,
): Promise<ChildProcess> {
  const tsx = path.join(projectDir, 'node_modules/tsx/dist/cli.mjs');
  const runner = path.join(projectDir, 'tests/support/serve-nginx.ts');
  return startServer(process.execPath, [tsx, runner, exported.outDir, exported.mapFile, String(port), nginx], {
    cwd: projectDir,
    url: probeUrl,
  });
}

/** The export served on 127.0.0.1:port by the tests' runners; resolves to the server and the name of what serves. */
export async function serveExport(
  projectDir: string,
  exported: ExportStage,
  port: number,
  probePath: string,
): Promise<{ readonly child: ChildProcess; readonly server: string }> {
  const url = `http://127.0.0.1:${port}${probePath}`;
  const nginx = findNginx();
  if (nginx)
    return {
      child: await startNginxRunner(projectDir, exported, port, nginx, url),
      server: 'nginx, deploy/nginx.conf (1 worker)',
    };
  // Without nginx: the plain static host of the tests.
  const tsx = path.join(projectDir, 'node_modules/tsx/dist/cli.mjs');
  const child = await startServer(
    process.execPath,
    [tsx, path.join(projectDir, 'tests/support/serve-static.ts'), exported.outDir, String(port)],
    { cwd: projectDir, url },
  );
  return { child, server: 'serve-handler (no nginx)' };
}
