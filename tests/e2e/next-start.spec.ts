import { expect, test } from '@playwright/test';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';

// `next start` on the reader fixture site, as behind a CDN: what its cache headers let shared caches do.

const pages = (['zh-hans', 'zh-hant'] as const).flatMap((script) => [
  `/${script}`,
  ...readerSite.published.map((article) => articlePath(article.slug, script)),
]);

for (const path of pages) {
  test(`${path} is prerendered HTML that shared caches may keep`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const cacheControl = response.headers()['cache-control'] ?? '';
    expect(cacheControl).toMatch(/s-maxage=\d+/);
    expect(cacheControl).not.toMatch(/private|no-store|no-cache/);
  });
}

test('hashed assets are immutable for a year', async ({ page, request }) => {
  await page.goto('/zh-hant');
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  expect(stylesheet).toMatch(/^\/_next\/static\//);
  expect((await request.get(stylesheet ?? '')).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('the redirect of / depends on the reader, so no shared cache keeps it', async ({ request }) => {
  const response = await request.get('/', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  expect(response.headers().vary).toContain('Accept-Language');
});

test('feeds are served as Atom, cacheable by shared caches', async ({ request }) => {
  for (const script of ['zh-hans', 'zh-hant']) {
    const response = await request.get(`/${script}/feed.xml`);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+/);
  }
});
