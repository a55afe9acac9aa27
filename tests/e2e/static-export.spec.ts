import { expect, test } from '@playwright/test';
import { absoluteUrl } from '../../lib/site';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';

// The reader fixture site's static export behind a plain static file server: no redirects, no headers, just files.

const { seedArticle, sidebar } = readerSite;

test('/ is a page offering both scripts, marked as the x-default', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  const normal = (href: string | null) => new URL(href ?? '').href;
  expect(normal(await page.locator('link[rel="canonical"]').getAttribute('href'))).toBe(absoluteUrl('/'));
  expect(normal(await page.locator('link[rel="alternate"][hreflang="x-default"]').getAttribute('href'))).toBe(
    absoluteUrl('/'),
  );
  expect(normal(await page.locator('link[rel="alternate"][hreflang="zh-Hant"]').getAttribute('href'))).toBe(
    absoluteUrl('/zh-hant'),
  );
  const simplified = page.getByRole('link', { name: '简体中文' });
  await expect(simplified).toHaveAttribute('href', '/zh-hans');
  await expect(simplified).toHaveAttribute('hreflang', 'zh-Hans');
  await expect(page.getByRole('link', { name: '繁體中文' })).toHaveAttribute('href', '/zh-hant');
  await page.getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL('/zh-hant');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
});

test('/ forwards a returning reader to the script they chose', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'script', value: 'zh-hant', url: baseURL ?? '' }]);
  await page.goto('/');
  await expect(page).toHaveURL('/zh-hant');
});

test('/ without JavaScript still offers both links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: '简体中文' })).toBeVisible();
  await expect(page.getByRole('link', { name: '繁體中文' })).toBeVisible();
  await context.close();
});

for (const [script, lang] of [
  ['zh-hans', 'zh-Hans'],
  ['zh-hant', 'zh-Hant'],
] as const) {
  test(`the ${lang} article reads complete from plain files, at the same URL as next start`, async ({ page }) => {
    const response = await page.goto(articlePath(seedArticle.slug, script));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedArticle.title[script]);
    await expect(page.getByRole('article').locator('.article-body > p')).toHaveCount(seedArticle.paragraphs);
    await expect(page.getByRole('complementary').getByRole('list').nth(0).getByRole('listitem')).toHaveCount(
      sidebar.related.count,
    );
  });
}

test('the switch leads to the same article in the other script', async ({ page }) => {
  await page.goto(articlePath(seedArticle.slug, 'zh-hans'));
  await page.getByRole('link', { name: '切换至繁體中文', exact: true }).click();
  await expect(page).toHaveURL(articlePath(seedArticle.slug, 'zh-hant'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedArticle.title['zh-hant']);
});

test('drafts and scheduled articles are not in the export', async ({ request }) => {
  for (const slug of readerSite.unpublished)
    expect((await request.get(articlePath(slug, 'zh-hans'))).status()).toBe(404);
});

test('an unknown URL gets the 404 page in both scripts, with status 404', async ({ page }) => {
  const response = await page.goto('/zh-hant/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面 · 找不到這個頁面');
  await expect(page.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/zh-hans');
  await expect(page.getByRole('link', { name: '返回首頁' })).toHaveAttribute('href', '/zh-hant');
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
});
