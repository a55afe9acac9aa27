import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/*
 * Four servers: the static export behind a plain static file server, the same
 * files behind nginx with deploy/nginx.conf, `next start` on the real content,
 * and `next start` on the hostile fixture site. Each build has its own folder
 * (.next-export, .next, .next-hostile), so none replaces another.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const staticPort = port + 1;
const nginxPort = port + 2;
const hostilePort = port + 3;
const url = (serverPort: number) => `http://127.0.0.1:${serverPort}`;

const hostileEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  CONTENT_DIR: 'tests/fixtures/hostile/site',
  NEXT_DIST_DIR: '.next-hostile',
  // Its images are hostile vectors, not photos in public/: the photo rules would refuse them all.
  CONTENT_CHECK_PHOTOS: 'off',
  // As deployed: served over https behind a front, so HSTS is on and the grade is the real one.
  SITE_URL: 'https://news.example',
};

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

const env = { NEXT_TELEMETRY_DISABLED: '1' };
const use = { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() };
const nextStartSpecs = [
  'reader.spec.ts',
  'search-engines.spec.ts',
  'next-start.spec.ts',
  'hostile-urls.spec.ts',
  'bad-content.spec.ts',
  'accessibility.spec.ts',
  'layout.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  timeout: 30_000,
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'next-start', testMatch: nextStartSpecs, use: { ...use, baseURL: url(port) } },
    { name: 'static-export', testMatch: ['search-engines.spec.ts', 'static-export.spec.ts'], use: { ...use, baseURL: url(staticPort) } },
    ...(nginx ? [{ name: 'nginx', testMatch: ['nginx.spec.ts'], use: { ...use, baseURL: url(nginxPort) } }] : []),
    { name: 'hostile', testMatch: ['hostile-site.spec.ts'], use: { ...use, baseURL: url(hostilePort) } },
  ],
  webServer: [
    {
      command: `npm run export && node tests/support/serve-static.mjs ${staticPort}`,
      url: `${url(staticPort)}/zh-hans`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env,
      stdout: 'pipe',
    },
    ...(nginx
      ? [{ command: `node tests/support/serve-nginx.mjs ${nginxPort} ${nginx}`, url: `${url(nginxPort)}/zh-hans`, timeout: 30_000, reuseExistingServer: !process.env.CI }]
      : []),
    {
      // Browser tests run against production builds (`npm run build` also hashes the inline scripts), never the dev server.
      command: `npm run build && npx next start --hostname 127.0.0.1 --port ${port}`,
      url: `${url(port)}/zh-hans`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env,
      stdout: 'pipe',
    },
    {
      command: `node tests/fixtures/hostile/generate.mjs ${hostileEnv.CONTENT_DIR} && npm run build && npx next start --hostname 127.0.0.1 --port ${hostilePort}`,
      url: `${url(hostilePort)}/zh-hans`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env: hostileEnv,
      stdout: 'pipe',
    },
  ],
});
