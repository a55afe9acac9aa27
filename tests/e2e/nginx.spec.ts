import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { scriptCookieMaxAge, type Script } from '../../lib/script';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';
import { exportedFiles, exportedPages, scriptsOf } from './support/exported-pages';
import { findings, guardPage } from './support/page-guard';
import { offSiteRedirectProbes, rootRedirectCases, staysOnSite } from './support/redirect-cases';
import { sites } from './support/sites';

// The reader fixture site's static export behind nginx with the shipped deploy/nginx.conf.

const { seedArticle } = readerSite;
const seedPath = (script: Script) => articlePath(seedArticle.slug, script);
const outDir = sites.reader.export.outDir;

/** The page CSP's script-src: no script runs on a page of the export but on `/` (answered with a 307 here). */
function expectSecurityHeaders(response: APIResponse, scriptSrc: "'none'" | "'self'" = "'none'") {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"])
    expect(csp).toContain(directive);
  // One policy for every page, no hashes: the export holds no inline script.
  expect(csp).toContain(`script-src ${scriptSrc};`);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|sha256-|nonce-/);
  // No version in the Server header.
  expect(headers.server ?? '').toBe('nginx');
  expect(headers).not.toHaveProperty('x-powered-by');
}

for (const [acceptLanguage, cookie, target] of rootRedirectCases) {
  test(`/ answers 307 to ${target} for Accept-Language ${acceptLanguage}${cookie ? ` and cookie ${cookie}` : ''}`, async ({
    request,
  }) => {
    const response = await request.get('/', {
      maxRedirects: 0,
      headers: { 'Accept-Language': acceptLanguage, ...(cookie ? { Cookie: `script=${cookie}` } : {}) },
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(target);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(response.headers().vary).toContain('Accept-Language');
    expectSecurityHeaders(response, "'self'");
  });
}

for (const [script, lang] of [
  ['zh-hans', 'zh-Hans'],
  ['zh-hant', 'zh-Hant'],
] as const) {
  test(`the ${lang} article is served at its clean URL, cacheable briefly and revalidated in the background`, async ({
    page,
    request,
  }) => {
    const response = await request.get(seedPath(script));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400');
    expectSecurityHeaders(response);

    await page.goto(seedPath(script));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('article').locator('.article-body > p')).toHaveCount(seedArticle.paragraphs);
  });
}

test('hashed assets are immutable for a year', async ({ page, request }) => {
  await page.goto('/zh-hans');
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  expect(stylesheet).toMatch(/^\/_next\/static\//);
  const response = await request.get(stylesheet ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expectSecurityHeaders(response);
});

test('an unknown URL answers 404 with the site’s page', async ({ page, request }) => {
  const response = await request.get('/zh-hans/articles/no-such-article');
  expect(response.status()).toBe(404);
  expectSecurityHeaders(response);
  await page.goto('/zh-hans/articles/no-such-article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面 · 找不到這個頁面');
});

test('the .html files behind clean URLs are not URLs of their own, and a trailing slash redirects', async ({
  request,
}) => {
  expect((await request.get(`${seedPath('zh-hans')}.html`)).status()).toBe(404);
  expect((await request.get('/index.html')).status()).toBe(404);
  const slash = await request.get(`${seedPath('zh-hant')}/`, { maxRedirects: 0 });
  expect(slash.status()).toBe(308);
  expect(slash.headers().location).toBe(seedPath('zh-hant'));
});

for (const probe of offSiteRedirectProbes) {
  test(`${probe} never redirects off the site`, async ({ request, baseURL }) => {
    // Absolute, so `//host/` is sent to the site as a path, not read as another host by the client.
    const response = await request.get(`${baseURL ?? ''}${probe}`, { maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
    expect(staysOnSite(response.headers().location, `${baseURL ?? ''}${probe}`), response.headers().location).toBe(
      true,
    );
  });
}

test('feeds are served as Atom', async ({ request }) => {
  for (const script of ['zh-hans', 'zh-hant']) {
    const response = await request.get(`/${script}/feed.xml`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  }
});

test('no page of the export carries Next.js’s client runtime, and no file of it is in the export', () => {
  const pages = exportedPages(outDir);
  expect(pages.length).toBeGreaterThanOrEqual(20);
  const withScripts = Object.fromEntries(
    pages.flatMap(({ file }) => {
      const scripts = scriptsOf(fs.readFileSync(path.join(outDir, file), 'utf8'));
      return scripts.length > 0 ? [[file, scripts]] : [];
    }),
  );
  // Only `/` (which a plain static host serves) and the search pages load a script, each the site's own file.
  const searchScript = expect.stringMatching(/^<script src="\/search\/search-[0-9a-f]+\.js">$/);
  expect(withScripts).toEqual({
    'index.html': ['<script src="/returning-reader.js">'],
    'zh-hans/search.html': [searchScript],
    'zh-hant/search.html': [searchScript],
  });
  // No chunk, RSC payload or build manifest: JavaScript and data that nothing would fetch. The search
  // page's script and index are the site's own files, under search/.
  const dataAndCode = exportedFiles(outDir).filter((file) => /\.(?:m?js|rsc|txt|json|map)$|\.segments\//.test(file));
  expect(dataAndCode.filter((file) => !file.startsWith('search/'))).toEqual(['returning-reader.js', 'robots.txt']);
  expect(dataAndCode.filter((file) => file.startsWith('search/') && file.endsWith('.js'))).toHaveLength(1);
});

test('link-preview cards are served as PNG, cacheable like the pages', async ({ request }) => {
  for (const path of [
    `${seedPath('zh-hans')}/opengraph-image`,
    `${seedPath('zh-hant')}/opengraph-image`,
    '/zh-hans/opengraph-image',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect((await response.body()).subarray(1, 4).toString('latin1')).toBe('PNG');
  }
});

for (const pathname of [seedPath('zh-hans'), seedPath('zh-hant'), '/zh-hant', '/zh-hans/topics', '/no-such-page']) {
  test(`${pathname} reads without a script and breaks no CSP rule`, async ({ page, baseURL }) => {
    const report = await guardPage(page, new URL(baseURL ?? '').origin);
    await page.goto(pathname);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const scripts = await page.evaluate(() =>
      [...document.scripts].map((script) => script.type || script.src || 'inline'),
    );
    expect(
      scripts.every((type) => type === 'application/ld+json'),
      scripts.join(', '),
    ).toBe(true);
    expect(await page.evaluate(() => '__next_f' in window)).toBe(false);
    expect(findings(report)).toEqual({});
  });
}

test('the switch flips the script, and nginx remembers the script read last for /', async ({ page, context }) => {
  const scriptCookie = async () => (await context.cookies()).find((cookie) => cookie.name === 'script');
  await page.goto(seedPath('zh-hans'));
  expect(await scriptCookie()).toMatchObject({
    value: 'zh-hans',
    path: '/',
    secure: true,
    httpOnly: false,
    sameSite: 'Lax',
  });
  await page.getByRole('link', { name: '切换至繁體中文', exact: true }).click();
  await expect(page).toHaveURL(seedPath('zh-hant'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedArticle.title['zh-hant']);
  await expect(page.getByRole('article').locator('.article-body > p')).toHaveCount(seedArticle.paragraphs);
  expect((await scriptCookie())?.value).toBe('zh-hant');
  await page.goto('/');
  await expect(page).toHaveURL('/zh-hant');
});

test('a page sets the script cookie only when the reader’s names another script, and nothing else sets it', async ({
  baseURL,
}) => {
  // Plain fetch: no cookie jar, so each request carries exactly the cookie written here.
  const setCookie = async (pathname: string, cookie?: string) =>
    (
      await fetch(`${baseURL ?? ''}${pathname}`, {
        redirect: 'manual',
        headers: cookie ? { Cookie: `script=${cookie}` } : {},
      })
    ).headers.get('set-cookie');
  const remembered = (script: Script) =>
    `script=${script}; Path=/; Max-Age=${scriptCookieMaxAge}; SameSite=Lax; Secure`;
  expect(await setCookie(seedPath('zh-hans'))).toBe(remembered('zh-hans'));
  expect(await setCookie(seedPath('zh-hans'), 'zh-hant')).toBe(remembered('zh-hans'));
  expect(await setCookie('/zh-hant', 'nonsense')).toBe(remembered('zh-hant'));
  expect(await setCookie(seedPath('zh-hans'), 'zh-hans')).toBeNull();
  for (const pathname of ['/', '/zh-hans/feed.xml', '/zh-hans/no-such-page', '/robots.txt', '/returning-reader.js']) {
    expect(await setCookie(pathname), pathname).toBeNull();
  }
});
