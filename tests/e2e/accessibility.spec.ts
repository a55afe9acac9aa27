import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';

// `next start` on the reader fixture site.
const { seedArticle } = readerSite;

const scripts = [
  { script: 'zh-hans', lang: 'zh-Hans', locale: 'zh-CN' },
  { script: 'zh-hant', lang: 'zh-Hant', locale: 'zh-TW' },
] as const;

type Script = (typeof scripts)[number]['script'];

// Every page type in both scripts. The 404 page's script follows the reader's browser language.
const pages = [
  { name: 'article', path: (script: Script) => articlePath(seedArticle.slug, script) },
  { name: 'home page', path: (script: Script) => `/${script}` },
  { name: '404 page', path: () => '/no-such-page' },
] as const;

for (const { script, lang, locale } of scripts) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${lang}, ${colorScheme} theme`, () => {
      test.use({ colorScheme, locale });

      for (const { name, path } of pages) {
        test(`the ${name} has no axe-core violations`, async ({ page }) => {
          await page.goto(path(script));
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          // Every rule axe-core runs by default: WCAG 2.0–2.2 A and AA, and its best practices.
          const results = await new AxeBuilder({ page }).analyze();
          const summary = results.violations.map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
          }));
          expect(summary).toEqual([]);
          // A rule that cannot run (say, contrast over an image) is not a pass either.
          expect(results.incomplete.filter((result) => result.id === 'color-contrast')).toEqual([]);
        });
      }
    });
  }
}

test('the article page has one h1 and every landmark, each named in the page’s script', async ({ page }) => {
  await page.goto(articlePath(seedArticle.slug, 'zh-hant'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: '網站導航' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '當前位置' })).toBeVisible();
  const sidebar = page.getByRole('complementary', { name: '新聞列表' });
  await expect(sidebar).toBeVisible();
  // The sidebar's lists are lists, each under its heading.
  for (const section of await sidebar.getByRole('region').all()) {
    await expect(section.getByRole('heading', { level: 2 })).toHaveCount(1);
    await expect(section.getByRole('list')).toHaveCount(1);
  }
  await expect(sidebar.getByRole('region')).toHaveCount(2);
});

test('the breadcrumb leads home in the page’s script and marks the article as the current page', async ({ page }) => {
  await page.goto(articlePath(seedArticle.slug, 'zh-hant'));
  const breadcrumb = page.getByRole('navigation', { name: '當前位置' });
  await expect(breadcrumb.getByRole('listitem')).toHaveText(['首頁', seedArticle.title['zh-hant']]);
  await expect(breadcrumb.getByRole('link', { name: '首頁' })).toHaveAttribute('href', '/zh-hant');
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText(seedArticle.title['zh-hant']);
});

test('the first Tab shows the skip link with a visible focus ring, and it moves on to the article', async ({
  page,
}) => {
  await page.goto(articlePath(seedArticle.slug, 'zh-hans'));
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  const outline = await skip.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  // The next Tab lands inside main, not back in the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
});

test('every link outside running text is at least 44 px square on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [articlePath(seedArticle.slug, 'zh-hans'), '/zh-hans', '/no-such-page']) {
    await page.goto(path);
    // Links inside the article's sentences are exempt (WCAG 2.5.8 "inline"); every other one is a tap target.
    const small = await page.locator('a:not(.article-body a)').evaluateAll((links) =>
      links
        .map((link) => ({ text: link.textContent, box: link.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small, path).toEqual([]);
  }
});
