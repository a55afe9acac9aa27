// Builds a fixture site for the browser tests, at most once per test run:
//
//   npx tsx tests/e2e/support/build-site.ts <site> <server|export>
//
// `server` is `npm run build` into the site's own folder, for `next start`; `export` is
// `npm run export` into its own folders. Two servers serve one export (a static file
// server and nginx): whichever starts first builds it, the other waits for that build
// and finds it done, so neither depends on the other or on the order they start in.
// "Once per run" means once per E2E_RUN_ID (playwright.config.ts sets one per run);
// without it, every call builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isSiteName, sites } from './sites';

const [name = '', kind = ''] = process.argv.slice(2);
if (!isSiteName(name) || (kind !== 'server' && kind !== 'export')) {
  process.stderr.write(
    `usage: npx tsx tests/e2e/support/build-site.ts <${Object.keys(sites).join('|')}> <server|export>\n`,
  );
  process.exit(2);
}
const site = sites[name];
const stateDir = path.join('.e2e', site.name);
const lockDir = path.join(stateDir, `${kind}.lock`);
const stampFile = path.join(stateDir, `${kind}.built`);
const runId = process.env.E2E_RUN_ID;

/** Whether the lock's owner still runs; a lock just made (its pid not yet written) counts as held. */
function lockHeld(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
}

/** Takes the lock of this build, waiting while another process holds it; a killed owner's lock is taken over. */
async function lock(): Promise<void> {
  fs.mkdirSync(stateDir, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    if (lockHeld()) await sleep(1000);
    else fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function builtInThisRun(): boolean {
  return runId !== undefined && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === runId;
}

function build(): number {
  fs.rmSync(stampFile, { force: true });
  site.generate?.(site.contentDir);
  const [distDir, args] =
    kind === 'server'
      ? [site.distDir, ['run', 'build']]
      : [
          site.export.distDir,
          ['run', 'export', '--', '--out', site.export.outDir, '--nginx-map', site.export.nginxMap],
        ];
  const result = spawnSync('npm', args, {
    stdio: 'inherit',
    env: { ...process.env, ...site.env, NEXT_DIST_DIR: distDir },
  });
  if (result.status === 0 && runId !== undefined) fs.writeFileSync(stampFile, runId);
  return result.status ?? 1;
}

/** Builds unless this run already has; the exit status is the build's. */
async function main(): Promise<number> {
  await lock();
  const started = performance.now();
  try {
    if (builtInThisRun()) {
      process.stdout.write(`build-site: ${site.name} ${kind} already built in this run\n`);
      return 0;
    }
    const status = build();
    process.stdout.write(
      `build-site: ${site.name} ${kind} ${status === 0 ? 'built' : 'FAILED'} in ${Math.round((performance.now() - started) / 1000)} s\n`,
    );
    return status;
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// Not top-level await: tsx runs this project's .ts files as CommonJS.
void main().then((status) => process.exit(status));
