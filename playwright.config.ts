import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The hostile fixture site: the XSS corpus built into its own folder, served next door.
const hostilePort = port + 1;
const hostileURL = `http://127.0.0.1:${hostilePort}`;
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

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /hostile-site\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
    {
      name: 'hostile',
      testMatch: /hostile-site\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: hostileURL, launchOptions: chromiumLaunchOptions() },
    },
  ],
  // Browser tests run against production builds (`npm run build` also hashes the inline scripts), never the dev server.
  webServer: [
    {
      command: `npm run build && npx next start --hostname 127.0.0.1 --port ${port}`,
      url: `${baseURL}/zh-hans`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
      stdout: 'pipe',
    },
    {
      command: `node tests/fixtures/hostile/generate.mjs ${hostileEnv.CONTENT_DIR} && npm run build && npx next start --hostname 127.0.0.1 --port ${hostilePort}`,
      url: `${hostileURL}/zh-hans`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env: hostileEnv,
      stdout: 'pipe',
    },
  ],
});
