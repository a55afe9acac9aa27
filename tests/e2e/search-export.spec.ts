import { expect, test } from '@playwright/test';
import { readerSite } from '../fixtures/sites/reader/expected';
import { findings, guardPage } from './support/page-guard';

// Search in the reader fixture site's static export behind nginx with deploy/nginx.conf: the
// page, its script and the index are plain files, and `?q=` never reaches anything but a file.

const { seedArticle } = readerSite;

for (const [script, query, title] of [
  ['zh-hant', '数据中心', seedArticle.title['zh-hant']],
  ['zh-hans', '孫正義', seedArticle.title['zh-hans']],
] as const) {
  test(`${query} on /${script}/search lists the seed article in the page’s script, with no CSP violation`, async ({
    page,
    baseURL,
  }) => {
    const guard = await guardPage(page, baseURL ?? '');
    await page.goto(`/${script}/search`);
    await page.getByRole('search').getByRole('searchbox').fill(query);
    await page.getByRole('search').getByRole('searchbox').press('Enter');
    const link = page.locator(`.search-results a[href="/${script}/articles/${seedArticle.slug}"]`);
    await expect(link).toHaveText(title);
    expect(findings(guard)).toEqual({});
  });
}

test('the search page works without anything from Next.js’s runtime', async ({ page, baseURL }) => {
  const guard = await guardPage(page, baseURL ?? '');
  // As the export without the framework's scripts will be: only the site's own script runs.
  await page.route('**/_next/**', (route) => route.abort());
  await page.goto(`/zh-hant/search?q=${encodeURIComponent(seedArticle.name['zh-hans'])}`);
  await expect(page.locator(`.search-results a[href="/zh-hant/articles/${seedArticle.slug}"]`)).toBeVisible();
  expect(findings(guard).violations ?? []).toEqual([]);
  expect(findings(guard).pageErrors ?? []).toEqual([]);
});

test('?q= is a request for the same static page: the same bytes whatever the query', async ({ request }) => {
  const plain = await request.get('/zh-hans/search');
  const withQuery = await request.get(`/zh-hans/search?q=${encodeURIComponent('<script>')}&x=${'y'.repeat(2000)}`);
  expect(withQuery.status()).toBe(200);
  expect(await withQuery.text()).toBe(await plain.text());
});

test('the search script and index files are served gzipped with their types and cached for good', async ({
  page,
  request,
}) => {
  await page.goto('/zh-hans/search');
  const src = (await page.locator('script[src^="/search/"]').getAttribute('src')) ?? '';
  const files = [
    src,
    ...(await page
      .locator('#search')
      .evaluate((root) => [`${root.dataset.base ?? ''}${root.dataset.version ?? ''}-s0.json`])),
  ];
  for (const file of files) {
    const response = await request.get(file, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toMatch(
      file.endsWith('.js') ? /^application\/javascript/ : /^application\/json/,
    );
    expect(response.headers()['cache-control'], file).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['content-encoding'], file).toBe('gzip');
  }
  expect((await request.get('/search/no-such-file.json')).status()).toBe(404);
});

test('search engines may follow the search page’s links but are asked not to index it', async ({ page }) => {
  for (const script of ['zh-hans', 'zh-hant']) {
    await page.goto(`/${script}/search`);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');
  }
  // Every other page may be indexed, its card shown large.
  await page.goto(`/zh-hans/articles/${seedArticle.slug}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /^index, follow/);
});
