import { expect, test, type Page } from '@playwright/test';
import type { Script } from '../../lib/script';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';

// `next start` on the reader fixture site: the long seed article, and a short one whose body links out.
const { seedArticle, linkingArticle } = readerSite;
const seedPath = (script: Script) => articlePath(seedArticle.slug, script);
const widths = [360, 768, 1280] as const;

/** How far the page scrolls sideways: 0 when everything fits the viewport's width. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const width of widths) {
  test(`at ${width} px nothing scrolls sideways and the sidebar sits ${width >= 1024 ? 'beside' : 'after'} the article`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [seedPath('zh-hans'), seedPath('zh-hant'), '/zh-hant', '/no-such-page']) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBe(0);
    }

    await page.goto(seedPath('zh-hans'));
    const article = await page.getByRole('article').boundingBox();
    const aside = await page.getByRole('complementary').boundingBox();
    if (!article || !aside) throw new Error('article or sidebar not rendered');
    if (width >= 1024) {
      expect(aside.x).toBeGreaterThanOrEqual(article.x + article.width);
      expect(aside.y).toBeLessThan(article.y + 200);
    } else {
      expect(aside.y).toBeGreaterThanOrEqual(article.y + article.height);
    }
    // The switch is in the header at the top of the page, within the viewport, on every width.
    await expect(page.getByRole('banner').getByRole('link', { name: '切换至繁體中文' })).toBeInViewport({ ratio: 1 });
  });
}

test('body text runs about 35 to 40 characters a line on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(seedPath('zh-hans'));
  const perLine = await page
    .locator('.article-body > p')
    .first()
    .evaluate((paragraph) => {
      const style = getComputedStyle(paragraph);
      // CJK glyphs are one em wide.
      return paragraph.clientWidth / parseFloat(style.fontSize);
    });
  expect(perLine).toBeGreaterThanOrEqual(35);
  expect(perLine).toBeLessThanOrEqual(40);
});

for (const script of ['zh-hans', 'zh-hant'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshots of the ${script} article in the ${colorScheme} theme at ${widths.join(', ')} px`, async ({
      page,
    }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(seedPath(script));
        const name = `article-${script}-${colorScheme}-${width}.png`;
        const file = testInfo.outputPath(name);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      }
    });
  }
}

test('printed, the article stands alone on A4 and outside links show where they lead', async ({ page }, testInfo) => {
  await page.goto(articlePath(linkingArticle.slug, 'zh-hant'));
  // A reader in dark mode still prints black on white.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });

  await expect(page.getByRole('article')).toBeVisible();
  for (const role of ['banner', 'contentinfo', 'complementary', 'navigation'] as const) {
    const landmarks = page.getByRole(role, { includeHidden: true });
    expect(await landmarks.count(), role).toBeGreaterThan(0);
    for (const landmark of await landmarks.all()) await expect(landmark).toBeHidden();
  }
  const after = (name: string) =>
    page.getByRole('link', { name }).evaluate((link) => getComputedStyle(link, '::after').content);
  expect(await after(linkingArticle.outsideLink.name)).toContain(linkingArticle.outsideLink.href);
  await expect(page.getByRole('link', { name: linkingArticle.insideLink.name })).toHaveAttribute(
    'href',
    linkingArticle.insideLink.href,
  );
  expect(await after(linkingArticle.insideLink.name)).toBe('none');
  const colors = await page
    .getByRole('heading', { level: 1 })
    .evaluate((heading) => [getComputedStyle(heading).color, getComputedStyle(document.body).backgroundColor]);
  expect(colors).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);

  const pdf = testInfo.outputPath('article-zh-hant-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  await testInfo.attach('article-zh-hant-print.pdf', { path: pdf, contentType: 'application/pdf' });
});
