import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readerSite } from '../fixtures/sites/reader/expected';
import { findings, guardPage } from './support/page-guard';

// `next start` on the archive fixture site: 60 generated articles and, beside them, the reader
// site's seed article (the scraped story of tests/fixtures/sites/reader), written in Traditional. The query set's recall is a unit test
// (tests/unit/search-recall.test.ts); here is what needs a browser.

const { seedArticle } = readerSite;
const seed = `/articles/${seedArticle.slug}`;

function searchUrl(script: 'zh-hans' | 'zh-hant', query: string): string {
  return `/${script}/search?q=${encodeURIComponent(query)}`;
}

/** Types a query into the header's search box and submits it, as a reader does. */
async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.getByRole('search');
  await box.getByRole('searchbox').fill(query);
  await box.getByRole('searchbox').press('Enter');
}

const results = (page: Page) => page.locator('.search-results > li');

/** The result linking to a path, pressing "more" until it shows or the list ends. */
async function resultFor(page: Page, href: string) {
  const result = results(page).filter({ has: page.locator(`a[href="${href}"]`) });
  await expect(page.getByRole('status')).toHaveText(/\d+/);
  const more = page.locator('.search-more');
  while ((await result.count()) === 0 && (await more.isVisible())) {
    const before = await results(page).count();
    await more.click();
    await expect(results(page)).not.toHaveCount(before);
  }
  return result;
}
const status = (page: Page) => page.getByRole('status');

test('数据中心 typed on /zh-hant/search lists the seed article in Traditional, its words marked', async ({
  page,
  baseURL,
}) => {
  const guard = await guardPage(page, baseURL ?? '');
  await page.goto('/zh-hant/search');
  await expect(status(page)).toHaveText(/輸入詞語/);
  await searchFor(page, '数据中心');
  await expect(page).toHaveURL(/\/zh-hant\/search\?q=%E6%95%B0%E6%8D%AE%E4%B8%AD%E5%BF%83$/);
  await expect(status(page)).toHaveText(/^找到\d+篇與“数据中心”相關的文章$/);
  const seedResult = await resultFor(page, `/zh-hant${seed}`);
  await expect(seedResult).toHaveCount(1);
  await expect(seedResult.getByRole('link')).toContainText(seedArticle.title['zh-hant']);
  await expect(seedResult.locator('mark').first()).toHaveText('數據中心');
  // The query stays in the box, ready to be changed.
  await expect(page.getByRole('search').getByRole('searchbox')).toHaveValue('数据中心');
  expect(findings(guard)).toEqual({});
});

test('孫正義 typed on /zh-hans/search lists the seed article in Simplified', async ({ page, baseURL }) => {
  const guard = await guardPage(page, baseURL ?? '');
  await page.goto('/zh-hans/search');
  await searchFor(page, '孫正義');
  // Newer articles quoting 孫正義 in their summaries come first; the seed article has him in its body only.
  const seedResult = await resultFor(page, `/zh-hans${seed}`);
  await expect(seedResult.getByRole('link')).toContainText(seedArticle.title['zh-hans']);
  await expect(seedResult.locator('p').last()).toContainText('软银');
  await expect(page.locator('.search-results mark').first()).toHaveText('孙正义');
  expect(findings(guard)).toEqual({});
});

test('results come 20 at a time; "more" adds the next 20 and moves the focus to the first of them', async ({
  page,
}) => {
  await page.goto(searchUrl('zh-hans', 'OpenAI'));
  await expect(status(page)).toHaveText(/^找到(\d+)篇/);
  const total = Number(/\d+/.exec((await status(page).textContent()) ?? '')?.[0]);
  expect(total).toBeGreaterThan(40);
  await expect(results(page)).toHaveCount(20);
  const more = page.getByRole('button', { name: '显示更多结果' });
  await more.click();
  await expect(results(page)).toHaveCount(40);
  await expect(results(page).nth(20).getByRole('link')).toBeFocused();
  await more.click();
  await expect(results(page)).toHaveCount(total);
  await expect(more).toBeHidden();
});

test('a query that finds nothing says so and offers the topics', async ({ page }) => {
  await page.goto(searchUrl('zh-hant', '量子糾纏'));
  await expect(status(page)).toHaveText('沒有找到與“量子糾纏”相關的文章。換一個詞試試，或者按話題瀏覽：');
  await expect(results(page)).toHaveCount(0);
  const topics = page.locator('.search-empty');
  await expect(topics).toBeVisible();
  await expect(topics.getByRole('link', { name: '全部話題' })).toHaveAttribute('href', '/zh-hant/topics');
  expect(await topics.locator('.topic-list a').count()).toBeGreaterThan(5);
});

test('a query is text: markup in it is shown as typed and nothing runs', async ({ page, baseURL }) => {
  const guard = await guardPage(page, baseURL ?? '');
  const hostile = '<img src=x onerror=alert(1)>';
  await page.goto(searchUrl('zh-hans', hostile));
  await expect(status(page)).toContainText(`“${hostile}”`);
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.getByRole('search').getByRole('searchbox')).toHaveValue(hostile);
  expect(findings(guard)).toEqual({});
});

test('a 10,000-character query is cut to 64 characters and answered at once', async ({ page }) => {
  // Typed or pasted: the box stops at 64 characters.
  await page.goto('/zh-hans/search');
  const box = page.getByRole('search').getByRole('searchbox');
  await box.focus();
  await page.keyboard.insertText('软银'.repeat(5000));
  await expect(box).toHaveValue('软银'.repeat(32));
  // In the address: a URL a server still answers (10,000 ASCII characters; 10,000 Han characters are
  // 90 KB of percent-encoding, which next start and nginx refuse before any page), cut on the page.
  await page.goto(searchUrl('zh-hans', 'x'.repeat(10_000)));
  await expect(status(page)).toContainText('搜索词太长，只搜索了前64个字。', { timeout: 5000 });
  await expect(box).toHaveValue('x'.repeat(64));
});

test('each search is an address: the back button returns to the previous one', async ({ page }) => {
  await page.goto(searchUrl('zh-hans', '甲骨文'));
  await expect(status(page)).toHaveText(/“甲骨文”/);
  await searchFor(page, 'CoreWeave');
  await expect(status(page)).toHaveText(/“CoreWeave”/);
  await page.goBack();
  await expect(page).toHaveURL(/q=%E7%94%B2%E9%AA%A8%E6%96%87$/);
  await expect(status(page)).toHaveText(/“甲骨文”/);
  await expect(page.getByRole('search').getByRole('searchbox')).toHaveValue('甲骨文');
});

test('only the search page loads the search script, and no other page gains a script', async ({ page, request }) => {
  for (const path of ['/zh-hans', `/zh-hans${seed}`, '/zh-hant/topics']) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toMatch(/<script[^>]+src="\/search\//);
  }
  await page.goto('/zh-hans/search');
  const sources = await page
    .locator('script[src^="/search/"]')
    .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')));
  expect(sources).toHaveLength(1);
  expect(sources[0]).toMatch(/^\/search\/search-[0-9a-f]{10}\.js$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links the topics and the newest articles', async ({
    page,
  }) => {
    await page.goto('/zh-hans');
    await searchFor(page, '软银');
    await expect(page).toHaveURL(/\/zh-hans\/search\?q=%E8%BD%AF%E9%93%B6$/);
    await expect(page.getByText('搜索需要 JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: '全部话题' }).first()).toHaveAttribute('href', '/zh-hans/topics');
    await expect(page.locator('.search-fallback .article-list li')).toHaveCount(10);
  });
});

test.describe('the search box in every page’s header', () => {
  for (const width of [360, 1280]) {
    test(`at ${width} px: a labelled GET form whose box and button are 44 px targets, with no overflow`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/zh-hant', `/zh-hant${seed}`, '/zh-hant/topics', '/zh-hant/search']) {
        await page.goto(path);
        const form = page.getByRole('banner').getByRole('search');
        await expect(form).toHaveAttribute('action', '/zh-hant/search');
        await expect(form).toHaveAttribute('method', 'get');
        const box = form.getByRole('searchbox', { name: '搜索文章' });
        await expect(box).toHaveAttribute('name', 'q');
        for (const target of [box, form.getByRole('button', { name: '搜索' })]) {
          const size = await target.boundingBox();
          expect(size?.height, path).toBeGreaterThanOrEqual(44);
          expect(size?.width, path).toBeGreaterThanOrEqual(44);
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });
  }
});

for (const [script, lang, locale, query] of [
  ['zh-hans', 'zh-Hans', 'zh-CN', seedArticle.name['zh-hans']],
  ['zh-hant', 'zh-Hant', 'zh-TW', seedArticle.name['zh-hant']],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${lang}, ${colorScheme} theme`, () => {
      test.use({ colorScheme, locale });

      test('the search page with results and marked words has no axe-core violations', async ({ page }) => {
        await page.goto(searchUrl(script, query));
        await expect(page.locator('.search-results mark').first()).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        // Every rule axe-core runs by default: WCAG 2.0–2.2 A and AA, and its best practices.
        const axe = await new AxeBuilder({ page }).analyze();
        expect(
          axe.violations.map(
            (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
        expect(axe.incomplete.filter((result) => result.id === 'color-contrast')).toEqual([]);
      });
    });
  }
}
