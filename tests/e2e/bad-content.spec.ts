import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// A whole `next build`: slow, so it gets its own time budget.
test.setTimeout(300_000);

test('a build over bad content fails, names the file and fields, and publishes nothing', () => {
  const distDir = '.next-bad';
  const liveBuildId = fs.readFileSync(path.join('.next', 'BUILD_ID'), 'utf8');
  fs.rmSync(distDir, { recursive: true, force: true });

  const build = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, CONTENT_DIR: 'tests/fixtures/bad-site', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 280_000,
  });
  const output = build.stdout + build.stderr;

  expect(build.status, output).not.toBe(0);
  const file = path.join('tests', 'fixtures', 'bad-site', 'articles', 'bad-date.md');
  expect(output).toContain(`${file}:3 — date: "2025-13-45" is not a date`);
  expect(output).toContain(`${file}:1 — author: required`);
  // Nothing a server could start from: no prerendered page, no script hashes.
  expect(fs.existsSync(path.join(distDir, 'server', 'app', 'zh-hans.html'))).toBe(false);
  expect(fs.existsSync(path.join(distDir, 'inline-js-hashes.json'))).toBe(false);
  // The build the other tests are served from was never touched.
  expect(fs.readFileSync(path.join('.next', 'BUILD_ID'), 'utf8')).toBe(liveBuildId);
});
