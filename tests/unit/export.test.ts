import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportError, exportPath, exportSite } from '@/lib/export';
import { returningReaderScript } from '@/lib/site-scripts';

// A build folder as `next build` leaves it, reduced to what the export reads.
let work: string;
let distDir: string;
let outDir: string;

function writeBuild(
  routes: Record<string, 'page' | 'route'>,
  dynamicRoutes: Record<string, false | null> = {},
  html: Record<string, string> = {},
) {
  const app = path.join(distDir, 'server', 'app');
  fs.mkdirSync(path.join(distDir, 'static', 'chunks'), { recursive: true });
  fs.mkdirSync(path.join(distDir, 'static', 'build-id'), { recursive: true });
  fs.writeFileSync(path.join(distDir, 'static', 'chunks', 'a.js'), '');
  fs.writeFileSync(path.join(distDir, 'static', 'chunks', 's.css'), '');
  fs.writeFileSync(path.join(distDir, 'static', 'build-id', '_buildManifest.js'), '');
  for (const [route, routeType] of Object.entries(routes)) {
    const file = path.join(app, `${route === '/' ? 'index' : route}${routeType === 'page' ? '.html' : '.body'}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, html[route] ?? route);
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

  it('copies prerendered pages, files, the 404 page, the stylesheets and the site’s scripts, and nothing of an old export', () => {
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
    expect(exportSite(distDir, outDir, path.join(work, 'public'))).toEqual({
      pages: 3,
      files: 2,
      pagesWithScripts: new Map(),
    });
    const files = fs.readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => path.relative(outDir, path.join(e.parentPath, e.name))).sort()).toEqual(
      [
        '404.html',
        '_next/static/chunks/s.css',
        'index.html',
        'returning-reader.js',
        'zh-hans.html',
        'zh-hans/feed.xml',
      ].sort(),
    );
    expect(fs.readFileSync(path.join(outDir, 'zh-hans/feed.xml'), 'utf8')).toBe('/zh-hans/feed.xml');
    expect(fs.readFileSync(path.join(outDir, 'returning-reader.js'), 'utf8')).toBe(returningReaderScript.source);
  });

  it('writes pages without Next.js’s runtime and names the pages that load a site script', () => {
    const runtime =
      '<script src="/_next/static/chunks/a.js" async=""></script><script>(self.__next_f=self.__next_f||[]).push([0])</script>';
    writeBuild(
      { '/': 'page', '/_not-found': 'page', '/zh-hans': 'page' },
      {},
      {
        '/': `<html><head>${runtime}</head><body><main><script src="/returning-reader.js"></script><a href="/zh-hans">简</a></main></body></html>`,
        '/zh-hans': `<html><head>${runtime}</head><body><main><p>正文</p></main>${runtime}</body></html>`,
      },
    );
    const { pagesWithScripts } = exportSite(distDir, outDir, path.join(work, 'public'));
    expect(fs.readFileSync(path.join(outDir, 'zh-hans.html'), 'utf8')).toBe(
      '<html><head></head><body><main><p>正文</p></main></body></html>',
    );
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(
      '<html><head></head><body><main><script src="/returning-reader.js"></script><a href="/zh-hans">简</a></main></body></html>',
    );
    expect(pagesWithScripts).toEqual(new Map([['/', ['/returning-reader.js']]]));
  });

  it('refuses pages it does not understand, naming each, and leaves no export behind', () => {
    writeBuild(
      { '/': 'page', '/_not-found': 'page', '/zh-hans': 'page', '/zh-hant': 'page' },
      {},
      {
        '/zh-hans': '<html><body><main><p>我的<script>alert(1)</script></p></main></body></html>',
        '/zh-hant': '<html><body><script src="https://cdn.example/x.js"></script></body></html>',
      },
    );
    expect(() => exportSite(distDir, outDir, path.join(work, 'public'))).toThrow(
      /2 problem\(s\)[^]*\/zh-hans: inline <script> that Next\.js did not write: alert\(1\)[^]*\/zh-hant: <script src="https:\/\/cdn\.example\/x\.js">/,
    );
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('refuses a page whose site script no file holds, or whose CSP would block it', () => {
    writeBuild(
      { '/': 'page', '/_not-found': 'page', '/zh-hans': 'page' },
      {},
      {
        '/': '<html><body><script src="/missing.js"></script></body></html>',
        '/zh-hans': '<html><body><script src="/returning-reader.js"></script></body></html>',
      },
    );
    expect(() => exportSite(distDir, outDir, path.join(work, 'public'))).toThrow(
      /\/: loads \/missing\.js, which no file of the export holds[^]*\/zh-hans: loads \/returning-reader\.js, but its CSP gives it script-src 'none'/,
    );
  });

  it('keeps what public/ holds, a site script included', () => {
    writeBuild(
      { '/': 'page', '/_not-found': 'page' },
      {},
      { '/': '<html><body><script src="/search.js"></script></body></html>' },
    );
    fs.mkdirSync(path.join(work, 'public'));
    fs.writeFileSync(path.join(work, 'public', 'search.js'), '');
    expect(exportSite(distDir, outDir, path.join(work, 'public')).pagesWithScripts).toEqual(
      new Map([['/', ['/search.js']]]),
    );
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
