import { Converter } from 'opencc-js';
import { expect, test, type Page } from '@playwright/test';
import { rootRedirectCases } from './support/redirect-cases';

const slug = 'stargate-openai-softbank-rift';
const articlePath = (script: string) => `/${script}/articles/${slug}`;

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** The page's visible text, leaving out elements marked as another language (the 繁 switch). */
async function textInPageScript(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script').forEach((node) => node.remove());
    body.querySelectorAll('[lang]').forEach((node) => {
      if (node.getAttribute('lang') !== pageLang) node.remove();
    });
    return [document.title, document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '', body.textContent ?? ''].join('\n');
  });
}

for (const [script, lang, title, credit, editor, readingTime] of [
  ['zh-hant', 'zh-Hant', '“因OpenAI和軟銀分歧，5000億美元的星際之門項目受挫”', '視覺中國', '賴家琪', '預計閱讀4分鐘'],
  ['zh-hans', 'zh-Hans', '“因OpenAI和软银分歧，5000亿美元的星际之门项目受挫”', '视觉中国', '赖家琪', '预计阅读4分钟'],
] as const) {
  test(`the article reads complete in ${lang}`, async ({ page }) => {
    const response = await page.goto(articlePath(script));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(new RegExp(`^${title}`));

    const article = page.getByRole('article');
    await expect(article.locator('.article-body > p')).toHaveCount(20);
    await expect(article.locator('time').first()).toHaveAttribute('datetime', '2025-07-23');
    await expect(article.locator('time').first()).toHaveText('2025年7月23日');
    await expect(article.getByText(readingTime, { exact: true })).toBeVisible();
    await expect(article.locator('figure figcaption .credit')).toHaveText(credit);
    await expect(article.getByText(editor)).toBeVisible();
    await expect(article.locator('.copyright')).toBeVisible();

    const sidebar = page.getByRole('complementary');
    await expect(sidebar.getByRole('heading', { level: 2 })).toHaveCount(2);
    await expect(sidebar.getByRole('list').nth(0).getByRole('listitem')).toHaveCount(20);
    await expect(sidebar.getByRole('list').nth(1).getByRole('listitem')).toHaveCount(16);
    await expect(sidebar.locator('time').first()).toHaveAttribute('datetime', '2025-07-23T16:01:00+08:00');
    // The hot list holds this very article, linked in the page's own script.
    await expect(sidebar.locator(`a[href="${articlePath(script)}"]`)).toHaveCount(1);
    // Headlines without a target are text, never dead links.
    await expect(sidebar.locator('a:not([href])')).toHaveCount(0);
  });
}

test('the Simplified page is Simplified throughout, sidebar and title included', async ({ page }) => {
  await page.goto(articlePath('zh-hans'));
  const text = await textInPageScript(page);
  expect(text).toContain('孙正义');
  expect(toSimplified(text)).toBe(text);
});

test('the switch keeps the article, flips lang and is remembered for /', async ({ page, context }) => {
  await page.goto(articlePath('zh-hans'));
  // Named in the page's script, with the target's name in its own script; the visible label stays 繁.
  const toTraditional = page.getByRole('link', { name: '切换至繁體中文', exact: true });
  await expect(toTraditional).toHaveAttribute('hreflang', 'zh-Hant');
  await expect(toTraditional).toHaveText(/^繁/);
  await expect(toTraditional.getByText('繁', { exact: true })).toHaveAttribute('lang', 'zh-Hant');
  await expect(toTraditional.getByText('繁體中文', { exact: true })).toHaveAttribute('lang', 'zh-Hant');
  await toTraditional.click();
  await expect(page).toHaveURL(articlePath('zh-hant'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('軟銀');

  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'script')?.value).toBe('zh-hant');
  await page.goto('/');
  await expect(page).toHaveURL('/zh-hant');
});

test('the switch works with JavaScript turned off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(articlePath('zh-hant'));
  await page.getByRole('link', { name: '切換至简体中文', exact: true }).click();
  await expect(page).toHaveURL(articlePath('zh-hans'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('article').locator('.article-body > p')).toHaveCount(20);
  await context.close();
});

test('each home page lists the article with its date and summary, linking in its own script', async ({ page }) => {
  await page.goto('/zh-hant');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  const item = page.getByRole('main').getByRole('listitem').first();
  await expect(item.getByRole('link')).toHaveAttribute('href', articlePath('zh-hant'));
  await expect(item.locator('time')).toHaveText('2025年7月23日');
  await expect(item).toContainText('星際之門');
});

for (const [acceptLanguage, cookie, target] of rootRedirectCases) {
  test(`/ answers 307 to ${target} for Accept-Language ${acceptLanguage}${cookie ? ` and cookie ${cookie}` : ''}`, async ({ request }) => {
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
    `/zh-hant/articles/${slug}/extra`,
    `/zh-tw/articles/${slug}`,
    '/en',
    '/zh-hans/%2e%2e/%2e%2e/etc/passwd',
    `/articles/${slug}`,
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
  await page.goto(articlePath('zh-hans'));
  await page.goto('/zh-hant');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  for (const body of scripts) {
    // Entries of opencc-js's phrase dictionary and its loader.
    expect(body).not.toContain('一擲千金');
    expect(body).not.toContain('Invalid dictionary entry');
  }
});
