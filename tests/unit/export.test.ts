import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportError, exportPath, exportSite } from '@/lib/export';

// A build folder as `next build` leaves it, reduced to what the export reads.
let work: string;
let distDir: string;
let outDir: string;

function writeBuild(routes: Record<string, 'page' | 'route'>, dynamicRoutes: Record<string, false | null> = {}) {
  const app = path.join(distDir, 'server', 'app');
  fs.mkdirSync(path.join(distDir, 'static', 'chunks'), { recursive: true });
  fs.writeFileSync(path.join(distDir, 'static', 'chunks', 'a.js'), '');
  for (const [route, routeType] of Object.entries(routes)) {
    const file = path.join(app, `${route === '/' ? 'index' : route}${routeType === 'page' ? '.html' : '.body'}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, route);
  }
  const manifest = {
    routes: Object.fromEntries(Object.entries(routes).map(([route, routeType]) => [route, { routeType }])),
    dynamicRoutes: Object.fromEntries(Object.entries(dynamicRoutes).map(([route, fallback]) => [route, { fallback }])),
  };
  fs.writeFileSync(path.join(distDir, 'prerender-manifest.json'), JSON.stringify(manifest));
  const appRoutes = [...Object.keys(routes), ...Object.keys(dynamicRoutes)];
  fs.writeFileSync(
    path.join(distDir, 'app-path-routes-manifest.json'),
    JSON.stringify(Object.fromEntries(appRoutes.map((r) => [`${r}/page`, r]))),
  );
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  distDir = path.join(work, '.next-export');
  outDir = path.join(work, 'out');
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the static export', () => {
  it('puts each page and file at the URL next start serves it at', () => {
    expect(exportPath('/', 'page')).toBe('index.html');
    expect(exportPath('/zh-hans/articles/a', 'page')).toBe('zh-hans/articles/a.html');
    expect(exportPath('/zh-hans/feed.xml', 'route')).toBe('zh-hans/feed.xml');
    expect(exportPath('/_not-found', 'page')).toBe('404.html');
  });

  it('copies prerendered pages, files, the 404 page and the built assets, and nothing of an old export', () => {
    writeBuild(
      {
        '/': 'page',
        '/_not-found': 'page',
        '/_global-error': 'page',
        '/zh-hans': 'page',
        '/zh-hans/feed.xml': 'route',
      },
      { '/[script]': false },
    );
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'stale.html'), '');
    expect(exportSite(distDir, outDir, path.join(work, 'public'))).toEqual({ pages: 3, files: 1 });
    const files = fs.readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => path.relative(outDir, path.join(e.parentPath, e.name))).sort()).toEqual(
      ['404.html', '_next/static/chunks/a.js', 'index.html', 'zh-hans.html', 'zh-hans/feed.xml'].sort(),
    );
    expect(fs.readFileSync(path.join(outDir, 'zh-hans/feed.xml'), 'utf8')).toBe('/zh-hans/feed.xml');
  });

  it('refuses a build with a route that renders on demand, naming it', () => {
    writeBuild({ '/': 'page', '/_not-found': 'page' }, { '/[script]/search': null });
    expect(() => exportSite(distDir, outDir)).toThrow(ExportError);
    expect(() => exportSite(distDir, outDir)).toThrow(/render on demand.*\/\[script\]\/search/);
  });

  it('refuses a build whose 404 page was not prerendered', () => {
    writeBuild({ '/': 'page' });
    expect(() => exportSite(distDir, outDir)).toThrow(/404 page was not prerendered/);
  });
});
