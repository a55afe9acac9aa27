import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sites } from './support/sites';

// A whole `next build`: slow, so it gets its own time budget.
test.setTimeout(300_000);

/** Every other build of the tests, with what identifies it: the servers are running from these. */
function otherBuilds(): Map<string, string> {
  const folders = [sites.reader.distDir, sites.reader.export.distDir, sites.hostile.distDir];
  return new Map(folders.filter((dir) => fs.existsSync(dir)).map((dir) => [dir, buildIdentity(dir)]));
}

/** A build's id and the time its hashes were written: a rebuild changes both. */
function buildIdentity(distDir: string): string {
  const hashes = path.join(distDir, 'inline-js-hashes.json');
  const written = fs.existsSync(hashes) ? fs.statSync(hashes).mtimeMs : 'none';
  return `${fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8')} ${written}`;
}

test('a build over bad content fails, names the file and fields, publishes nothing and touches no other build', () => {
  const site = sites.bad;
  // The reader site's server build is what the other tests are served from: it must be there to be compared.
  expect(fs.existsSync(path.join(sites.reader.distDir, 'BUILD_ID')), `${sites.reader.distDir} is built`).toBe(true);
  const before = otherBuilds();
  fs.rmSync(site.distDir, { recursive: true, force: true });

  const build = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, ...site.env, NEXT_DIST_DIR: site.distDir },
    encoding: 'utf8',
    timeout: 280_000,
  });
  const output = build.stdout + build.stderr;

  expect(build.status, output).not.toBe(0);
  const file = path.join(site.contentDir, 'articles', 'bad-date.md');
  expect(output).toContain(`${file}:3 — date: "2025-13-45" is not a date`);
  expect(output).toContain(`${file}:1 — author: required`);
  // Nothing a server could start from: no prerendered page, no script hashes.
  expect(fs.existsSync(path.join(site.distDir, 'server', 'app', 'zh-hans.html'))).toBe(false);
  expect(fs.existsSync(path.join(site.distDir, 'inline-js-hashes.json'))).toBe(false);
  // The builds the other tests are served from were never touched.
  expect(otherBuilds()).toEqual(before);
});
