import { Converter } from 'opencc-js';
import { expect, test, type Page } from '@playwright/test';
import type { Script } from '../../lib/script';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';
import { rootRedirectCases } from './support/redirect-cases';

// `next start` on the reader fixture site (tests/fixtures/sites/reader).

const { seedArticle, simplifiedArticle, sidebar } = readerSite;
const seedPath = (script: Script) => articlePath(seedArticle.slug, script);

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** The page's visible text, leaving out elements marked as another language (the 繁 switch). */
async function textInPageScript(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const body = document.body.cloneNode(true);
    if (!(body instanceof HTMLElement)) return '';
    body.querySelectorAll('script').forEach((node) => node.remove());
    body.querySelectorAll('[lang]').forEach((node) => {
      if (node.getAttribute('lang') !== pageLang) node.remove();
    });
    return [
      document.title,
      document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
      body.textContent,
    ].join('\n');
  });
}

for (const [script, lang] of [
  ['zh-hant', 'zh-Hant'],
  ['zh-hans', 'zh-Hans'],
] as const) {
  test(`the seed article reads complete in ${lang}, with its byline, credit and sidebar`, async ({ page }) => {
    const response = await page.goto(seedPath(script));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedArticle.title[script]);
    await expect(page).toHaveTitle(new RegExp(`^${seedArticle.title[script]}`));

    const article = page.getByRole('article');
    await expect(article.locator('.article-body > p')).toHaveCount(seedArticle.paragraphs);
    await expect(article.locator('time').first()).toHaveAttribute('datetime', seedArticle.date.datetime);
    await expect(article.locator('time').first()).toHaveText(seedArticle.date.label);
    await expect(article.getByText(seedArticle.readingTime[script], { exact: true })).toBeVisible();
    await expect(article.locator('figure figcaption .credit')).toHaveText(seedArticle.credit[script]);
    await expect(article.getByText(seedArticle.editor[script])).toBeVisible();
    await expect(article.locator('.copyright')).toBeVisible();

    const aside = page.getByRole('complementary');
    await expect(aside.getByRole('heading', { level: 2 })).toHaveCount(2);
    await expect(aside.getByRole('list').nth(0).getByRole('listitem')).toHaveCount(sidebar.related.count);
    await expect(aside.getByRole('list').nth(1).getByRole('listitem')).toHaveCount(sidebar.hot.count);
    await expect(aside.locator('time').first()).toHaveAttribute('datetime', sidebar.related.firstTime);
    // The hot list holds this very article, linked in the page's own script.
    await expect(aside.getByRole('link', { name: sidebar.toSeedArticle.title[script] })).toHaveAttribute(
      'href',
      seedPath(script),
    );
    // A headline elsewhere leaves the site without giving it the page as opener.
    const external = aside.getByRole('link', { name: sidebar.external.title[script] });
    await expect(external).toHaveAttribute('href', sidebar.external.href);
    await expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    // Headlines without a target, and one pointing at a draft, are text, never dead links.
    await expect(aside.getByText(sidebar.plain.title[script], { exact: true })).toBeVisible();
    await expect(aside.getByRole('link', { name: sidebar.plain.title[script] })).toHaveCount(0);
    await expect(aside.locator('a:not([href])')).toHaveCount(0);
    for (const slug of readerSite.unpublished) await expect(aside.locator(`a[href*="${slug}"]`)).toHaveCount(0);
  });
}

test('the Simplified page of an article written in Traditional is Simplified throughout, sidebar and title included', async ({
  page,
}) => {
  await page.goto(seedPath('zh-hans'));
  const text = await textInPageScript(page);
  expect(text).toContain(seedArticle.name['zh-hans']);
  expect(toSimplified(text)).toBe(text);
});

test('an article written in Simplified reads in Traditional, with the site’s conversion table applied', async ({
  page,
}) => {
  await page.goto(articlePath(simplifiedArticle.slug, 'zh-hant'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(simplifiedArticle.title['zh-hant']);
});

test('the switch keeps the article, flips lang and is remembered for /', async ({ page, context }) => {
  await page.goto(seedPath('zh-hans'));
  // Named in the page's script, with the target's name in its own script; the visible label stays 繁.
  const toTraditional = page.getByRole('link', { name: '切换至繁體中文', exact: true });
  await expect(toTraditional).toHaveAttribute('hreflang', 'zh-Hant');
  await expect(toTraditional).toHaveText(/^繁/);
  await expect(toTraditional.getByText('繁', { exact: true })).toHaveAttribute('lang', 'zh-Hant');
  await expect(toTraditional.getByText('繁體中文', { exact: true })).toHaveAttribute('lang', 'zh-Hant');
  await toTraditional.click();
  await expect(page).toHaveURL(seedPath('zh-hant'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedArticle.title['zh-hant']);

  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'script')?.value).toBe('zh-hant');
  await page.goto('/');
  await expect(page).toHaveURL('/zh-hant');
});

test('the switch works with JavaScript turned off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(seedPath('zh-hant'));
  await page.getByRole('link', { name: '切換至简体中文', exact: true }).click();
  await expect(page).toHaveURL(seedPath('zh-hans'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('article').locator('.article-body > p')).toHaveCount(seedArticle.paragraphs);
  await context.close();
});

for (const script of ['zh-hans', 'zh-hant'] as const) {
  test(`the ${script} home page lists every published article newest first, with its date and summary, linking in its own script`, async ({
    page,
  }) => {
    await page.goto(`/${script}`);
    const items = page.getByRole('main').getByRole('listitem');
    await expect(items.getByRole('link')).toHaveText(readerSite.published.map((article) => article.title[script]));
    for (const [index, article] of readerSite.published.entries()) {
      await expect(items.nth(index).getByRole('link')).toHaveAttribute('href', articlePath(article.slug, script));
    }
    const simplified = items.filter({ has: page.getByRole('link', { name: simplifiedArticle.title[script] }) });
    await expect(simplified.locator('time')).toHaveAttribute('datetime', simplifiedArticle.date.datetime);
    await expect(simplified.locator('time')).toHaveText(simplifiedArticle.date.label);
    await expect(simplified.getByText(simplifiedArticle.summary[script], { exact: true })).toBeVisible();
  });
}

for (const slug of readerSite.unpublished) {
  test(`${slug} is in the content folder but not on the site`, async ({ page, request }) => {
    for (const script of ['zh-hans', 'zh-hant'] as const) {
      expect((await request.get(articlePath(slug, script))).status()).toBe(404);
    }
    await page.goto('/zh-hans');
    await expect(page.locator(`a[href*="${slug}"]`)).toHaveCount(0);
  });
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
    expect(new URL(response.headers().location ?? '', 'http://x').pathname).toBe(target);
  });
}

test.describe('unknown paths, for a reader whose browser asks for zh-TW', () => {
  test.use({ locale: 'zh-TW' });

  for (const path of [
    '/zh-hans/articles/no-such-article',
    `${seedPath('zh-hant')}/extra`,
    `/zh-tw/articles/${seedArticle.slug}`,
    '/en',
    '/zh-hans/%2e%2e/%2e%2e/etc/passwd',
    `/articles/${seedArticle.slug}`,
  ]) {
    test(`${path} answers 404 with a page in Traditional`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到這個頁面');
      await expect(page.getByRole('link', { name: '返回首頁' })).toHaveAttribute('href', '/zh-hant');
    });
  }
});

test.describe('unknown paths, for a reader whose browser asks for zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('the 404 page is in Simplified', async ({ page }) => {
    const response = await page.goto('/zh-hant/articles/no-such-article');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  });
});

test('no request loads a conversion dictionary', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text());
  });
  await page.goto(seedPath('zh-hans'));
  await page.goto('/zh-hant');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  for (const body of scripts) {
    // Entries of opencc-js's phrase dictionary and its loader.
    expect(body).not.toContain('一擲千金');
    expect(body).not.toContain('Invalid dictionary entry');
  }
});
