import { expect, test } from '@playwright/test';
import { hostileSlugs } from '../fixtures/hostile/site';
import { searchPath } from '../../lib/paths';
import { exportedPages } from './support/exported-pages';
import { findings, guardPage } from './support/page-guard';
import { sites } from './support/sites';
import { unsafeMarkup } from './support/unsafe-markup';
import { expectHeadersGradedAPlus } from './support/header-grade';

// The hostile site's static export behind nginx with the shipped deploy/nginx.conf: every page
// it holds opened in Chromium, where nothing may run, leak or break the CSP (`script-src 'none'`).

const outDir = sites.hostile.export.outDir;

/** The pages a reader can reach, in both scripts (`/` is nginx's 307; 404.html has no URL of its own). */
function pagesOf(script: string): string[] {
  return exportedPages(outDir).flatMap((page) =>
    page.path === `/${script}` || page.path?.startsWith(`/${script}/`) ? [page.path] : [],
  );
}

for (const script of ['zh-hans', 'zh-hant'] as const) {
  test(`every ${script} page of the export reads without a script, loads nothing from elsewhere and breaks no CSP rule`, async ({
    page,
    baseURL,
  }) => {
    // A crawl, one page after another in one tab: bounded by the pages, not by one page's time.
    test.setTimeout(180_000);
    // The search page, the one page with a script, has its own test below.
    const pages = pagesOf(script).filter((pathname) => pathname !== searchPath(script));
    // Every article, the home page, the topics and their pages: all of the site, not a sample.
    expect(pages.length).toBeGreaterThan(hostileSlugs().length);
    const report = await guardPage(page, new URL(baseURL ?? '').origin);
    for (const pathname of pages) {
      const response = await page.goto(pathname, { waitUntil: 'load' });
      expect(response?.status(), pathname).toBe(200);
      expect(response?.headers()['content-security-policy'], pathname).toContain("script-src 'none';");
      const scripts = await page.evaluate(() =>
        [...document.scripts].filter((s) => s.type !== 'application/ld+json').map((s) => s.outerHTML.slice(0, 120)),
      );
      expect(scripts, pathname).toEqual([]);
      expect(await unsafeMarkup(page), pathname).toEqual([]);
      expect(findings(report), pathname).toEqual({});
      expect(page.url(), pathname).toContain(pathname);
    }
  });

  test(`the ${script} search page lists the hostile articles as text, runs only its own script and breaks no CSP rule`, async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    const report = await guardPage(page, origin);
    // Every hostile title holds "alert(1)": the results are the vectors themselves.
    const response = await page.goto(`${searchPath(script)}?q=alert`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    const results = page.locator('.search-results a');
    await expect(results.first()).toBeVisible();
    expect(await results.count()).toBeGreaterThanOrEqual(5);
    expect(await results.first().textContent()).toContain('alert(1)');
    const scripts = await page.evaluate(() =>
      [...document.scripts].filter((s) => s.type !== 'application/ld+json').map((s) => s.getAttribute('src')),
    );
    expect(scripts).toEqual([expect.stringMatching(/^\/search\/search-[0-9a-f]+\.js$/)]);
    // The page's own "more" button and search script, and nothing that came from the articles.
    expect(await unsafeMarkup(page)).toEqual(['<button> in <main>', `script from ${origin}${scripts[0] ?? ''}`]);
    expect(findings(report)).toEqual({});
  });
}

test('the 404 page of the export, for a hostile URL, runs nothing', async ({ page, baseURL }) => {
  const report = await guardPage(page, new URL(baseURL ?? '').origin);
  const response = await page.goto('/zh-hans/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面 · 找不到這個頁面');
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(findings(report)).toEqual({});
});

test.describe("the export's headers behind nginx, graded by the Observatory's rules", () => {
  for (const [name, pathname, status] of [
    ['an article', `/zh-hant/articles/${hostileSlugs()[0] ?? ''}`, 200],
    ['a home page', '/zh-hans', 200],
    ['the search page', '/zh-hant/search', 200],
    ['the 404 page', '/zh-hans/no-such-page', 404],
  ] as const) {
    test(`${name} scores A+`, async ({ request, baseURL }) => {
      const response = await request.get(pathname);
      expect(response.status()).toBe(status);
      // A first visit to a page of a script gets the script cookie: graded with the rest.
      expect(response.headers()['set-cookie'] === undefined).toBe(status === 404);
      await expectHeadersGradedAPlus(response, baseURL);
    });
  }
});
