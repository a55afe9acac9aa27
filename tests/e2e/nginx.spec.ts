import { expect, test, type APIResponse } from '@playwright/test';
import type { Script } from '../../lib/script';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';
import { findings, guardPage } from './support/page-guard';
import { offSiteRedirectProbes, rootRedirectCases, staysOnSite } from './support/redirect-cases';

// The reader fixture site's static export behind nginx with the shipped deploy/nginx.conf.

const { seedArticle } = readerSite;
const seedPath = (script: Script) => articlePath(seedArticle.slug, script);

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"])
    expect(csp).toContain(directive);
  // The same policy as `next start`: scripts from the site, inline ones only by their hash.
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')* ?;/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
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
    expectSecurityHeaders(response);
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

for (const path of [seedPath('zh-hans'), seedPath('zh-hant'), '/zh-hant', '/no-such-page']) {
  test(`${path} runs under the export's hash-based CSP without a violation`, async ({ page, baseURL }) => {
    const report = await guardPage(page, new URL(baseURL ?? '').origin);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Next's client scripts ran: the inline payload passed the CSP.
    expect(await page.evaluate(() => '__next_f' in window && typeof window.__next_f === 'object')).toBe(true);
    expect(findings(report)).toEqual({});
  });
}
