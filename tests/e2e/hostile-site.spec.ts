import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import type { Script } from '../../lib/script';
import { hostileArticles, hostileTopics } from '../fixtures/hostile/site';
import { findings, guardPage } from './support/page-guard';
import { unsafeMarkup } from './support/unsafe-markup';
import { sites } from './support/sites';
import { expectHeadersGradedAPlus } from './support/header-grade';

// `next start` on the hostile site, written from tests/fixtures/hostile/vectors.json before its build.
const siteDir = sites.hostile.contentDir;
const articles = hostileArticles();
const slugs = articles.map((article) => article.slug);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What an article's page in the converted script must show as text, read from the generated files:
 * the value of its own override table, and the site-wide table's value for the marker it holds.
 */
function overridesShownIn(slug: string, written: Script, converted: Script): string[] {
  const source = fs.readFileSync(path.join(siteDir, 'articles', `${slug}.md`), 'utf8');
  const frontmatter: unknown = parseYaml(source.split(/^---$/m)[1] ?? '');
  const siteTables: unknown = parseYaml(fs.readFileSync(path.join(siteDir, 'conversions.yaml'), 'utf8'));
  if (!isRecord(frontmatter) || !isRecord(frontmatter.conversions) || !isRecord(siteTables))
    throw new Error(`${slug}: no override tables`);
  expect(frontmatter.script, `${slug}: the script it is written in`).toBe(written);
  const siteTable = siteTables[converted];
  if (!isRecord(siteTable)) throw new Error(`no site-wide table for ${converted}`);
  // The longest marker the article holds: site-override-1 is also the start of site-override-11.
  const marker = Object.keys(siteTable)
    .filter((key) => source.includes(key))
    .sort((a, b) => b.length - a.length)[0];
  const values = [...Object.values(frontmatter.conversions), marker === undefined ? undefined : siteTable[marker]];
  return values.map((value) => {
    if (typeof value !== 'string') throw new Error(`${slug}: an override value that is not text: ${String(value)}`);
    return value;
  });
}

async function visitSafely(page: Page, baseURL: string | undefined, pathname: string, status: number) {
  const report = await guardPage(page, new URL(baseURL ?? '').origin);
  const response = await page.goto(pathname);
  expect(response?.status(), pathname).toBe(status);
  await page.waitForLoadState('networkidle');
  // Hydration ran: the client scripts were allowed by the CSP hashes or nonce.
  await expect(page.locator('html')).toHaveAttribute('lang', /zh-Han[st]/);
  expect(await unsafeMarkup(page), `${pathname}: markup`).toEqual([]);
  expect(findings(report), `${pathname}: what ran or leaked`).toEqual({});
  expect(page.url()).toContain(pathname);
}

test.describe('the hostile corpus, built into a site and opened in Chromium', () => {
  test('the corpus has several hundred vectors in its articles', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(15);
  });

  // Each article once as written and once converted: the converted page also shows the override tables' values.
  for (const { slug, script: written } of articles) {
    const converted: Script = written === 'zh-hans' ? 'zh-hant' : 'zh-hans';

    test(`${slug} as written, in ${written}, runs nothing, loads nothing from elsewhere and breaks no CSP rule`, async ({
      page,
      baseURL,
    }) => {
      await visitSafely(page, baseURL, `/${written}/articles/${slug}`, 200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('第');
    });

    test(`${slug} converted to ${converted} runs nothing, loads nothing from elsewhere, breaks no CSP rule and shows its conversion overrides as text`, async ({
      page,
      baseURL,
    }) => {
      const values = overridesShownIn(slug, written, converted);
      await visitSafely(page, baseURL, `/${converted}/articles/${slug}`, 200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('第');
      for (const value of values) await expect(page.locator('.article-body')).toContainText(value);
    });
  }

  for (const script of ['zh-hans', 'zh-hant']) {
    test(`the ${script} list of topics, each named by a hostile string, runs nothing and breaks no CSP rule`, async ({
      page,
      baseURL,
    }) => {
      await visitSafely(page, baseURL, `/${script}/topics`, 200);
      await expect(page.locator('.topic-list a')).toHaveCount(hostileTopics().length);
    });
    // Each hostile name in one script or the other: the two scripts render a topic page alike.
    for (const { slug } of hostileTopics().filter((_, k) => (k % 2 === 0) === (script === 'zh-hans'))) {
      test(`the ${script} page of ${slug} runs nothing, loads nothing from elsewhere and breaks no CSP rule`, async ({
        page,
        baseURL,
      }) => {
        await visitSafely(page, baseURL, `/${script}/topics/${slug}`, 200);
      });
    }
  }

  for (const script of ['zh-hans', 'zh-hant']) {
    test(`the ${script} home page lists every hostile title as text`, async ({ page, baseURL }) => {
      await visitSafely(page, baseURL, `/${script}`, 200);
      await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(slugs.length);
      await expect(page.getByRole('main')).toContainText('</title><script>alert(1)</script>');
    });
  }

  for (const locale of ['zh-CN', 'zh-TW']) {
    test.describe(`the 404 page for a ${locale} reader`, () => {
      test.use({ locale });
      test('runs only its own nonce-marked scripts', async ({ page, baseURL }) => {
        await visitSafely(page, baseURL, '/zh-hans/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E', 404);
      });
    });
  }
});

test.describe("the headers, graded by the Observatory's rules", () => {
  for (const [name, pathname, status] of [
    ['an article', `/zh-hant/articles/${slugs[0]}`, 200],
    ['a home page', '/zh-hans', 200],
    ['the 404 page', '/zh-hans/no-such-page', 404],
  ] as const) {
    test(`${name} scores A+`, async ({ request, baseURL }) => {
      const response = await request.get(pathname);
      expect(response.status()).toBe(status);
      await expectHeadersGradedAPlus(response, baseURL);
    });
  }
});

test('a running server never changes when a content file changes under it', async ({ request }) => {
  const slug = slugs.at(-1) ?? '';
  const file = path.join(siteDir, 'articles', `${slug}.md`);
  const added = path.join(siteDir, 'articles', 'added-later.md');
  const before = await (await request.get(`/zh-hans/articles/${slug}`)).text();
  const original = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, original.replace(/^title: .*$/m, 'title: "改过的标题"'));
    fs.writeFileSync(added, original);
    const after = await request.get(`/zh-hans/articles/${slug}`);
    expect(after.status()).toBe(200);
    const text = await after.text();
    expect(text).not.toContain('改过的标题');
    // The HTML is the prerendered page, byte for byte, script payload included.
    expect(text).toBe(before);
    expect((await request.get('/zh-hans/articles/added-later')).status()).toBe(404);
  } finally {
    fs.writeFileSync(file, original);
    fs.rmSync(added, { force: true });
  }
});
