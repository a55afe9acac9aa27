import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { serverCommand, serverEnv, servers } from './tests/e2e/support/sites';

/*
 * One project per server of a fixture site (tests/e2e/support/sites.ts): `next start` on the
 * reader site, its export behind a plain static file server and behind nginx with
 * deploy/nginx.conf, and `next start` on the hostile site. Every build has its own folders, so
 * the servers start in any order; bad-content.spec.ts builds the bad site itself.
 */

// A new id for every `playwright test`, so every run builds afresh while the two servers of the
// reader's export build it once between them (build-site.ts). Only the webServer commands read it.
process.env.E2E_RUN_ID = randomUUID();

/**
 * The browser: CHROMIUM_PATH if set, else Debian's Chromium where installed,
 * else Playwright's own download (a normal laptop after `npx playwright install`).
 */
function chromiumLaunchOptions() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  const executablePath = candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
  if (!executablePath) return {};
  return {
    executablePath,
    // A distribution Chromium otherwise phones home at start, which a closed network refuses.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}

/** nginx from NGINX_PATH or the PATH; CI installs it, a laptop without it skips the nginx tests. */
function findNginx(): string | undefined {
  const candidates = [process.env.NGINX_PATH, 'nginx', '/usr/sbin/nginx'];
  return candidates.find((candidate): candidate is string => !!candidate && spawnSync(candidate, ['-v']).status === 0);
}
const nginx = findNginx();
if (!nginx && process.env.CI) throw new Error('nginx is required in CI (apt-get install -y nginx)');

const use = { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() };
const running = servers.filter((server) => server.kind !== 'nginx' || nginx !== undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  timeout: 30_000,
  // A trace of every test costs about a sixth of the test side's CPU (91 s against 109 s for the
  // served projects on this 2-core machine). CI keeps only its log, so it records none; on a
  // laptop a failed test keeps its trace (or run `npx playwright test --trace on`).
  use: { trace: process.env.CI ? 'off' : 'retain-on-failure' },
  projects: [
    ...running.map((server) => ({
      name: server.name,
      testMatch: [...server.specs],
      use: { ...use, baseURL: server.origin },
    })),
    // No server: it runs a build of its own and looks at the others' build folders.
    { name: 'bad-content', testMatch: ['bad-content.spec.ts'], use },
  ],
  // Browser tests run against production builds (`npm run build` also hashes the inline scripts), never the dev server.
  webServer: running.map((server) => ({
    command: serverCommand(server, nginx ?? 'nginx'),
    url: `${server.origin}/zh-hans`,
    // A cold `next build` on a busy two-core machine.
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: serverEnv(server),
    stdout: 'pipe' as const,
  })),
});
