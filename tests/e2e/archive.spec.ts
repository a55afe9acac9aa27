import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Converter } from 'opencc-js';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { sites } from './support/sites';

// `next start` on the archive fixture site: 60 generated articles and the seed article (tests/e2e/support/sites.ts).

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const articlesDir = path.join(sites.archive.contentDir, 'articles');
const frontmatterSchema = z.object({
  date: z.union([z.string(), z.date()]),
  draft: z.boolean().optional(),
  topics: z.array(z.string()).optional(),
});

/** Every article file of the generated site, as the build read it: slug, whether it is published, its topics. */
function readArchive() {
  return fs
    .readdirSync(articlesDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const source = fs.readFileSync(path.join(articlesDir, name), 'utf8');
      const frontmatter = frontmatterSchema.parse(parseYaml(source.split(/^---$/m)[1] ?? ''));
      const scheduled = String(frontmatter.date).startsWith('2999');
      return {
        slug: name.slice(0, -'.md'.length),
        published: !frontmatter.draft && !scheduled,
        topics: frontmatter.topics ?? [],
      };
    });
}

const archive = readArchive();
const published = archive.filter((article) => article.published);
const unpublished = archive.filter((article) => !article.published).map((article) => article.slug);

/** The slugs a list page links to, in order. */
async function listedSlugs(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('.article-list h2 a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.split('/').at(-1) ?? '');
}

test('the archive has drafts, scheduled articles and more published articles than a feed holds', () => {
  expect(unpublished.length).toBeGreaterThanOrEqual(2);
  expect(published.length).toBeGreaterThan(50);
});

test.describe('the newest articles, page by page', () => {
  for (const script of ['zh-hans', 'zh-hant'] as const) {
    test(`${script}: the home page and the later pages hold every published article once, 20 a page`, async ({
      page,
    }) => {
      const seen: string[] = [];
      const pages = Math.ceil(published.length / 20);
      for (let number = 1; number <= pages; number += 1) {
        const response = await page.goto(number === 1 ? `/${script}` : `/${script}/page/${number}`);
        expect(response?.status()).toBe(200);
        const slugs = await listedSlugs(page);
        expect(slugs).toHaveLength(number < pages ? 20 : published.length - 20 * (pages - 1));
        seen.push(...slugs);
        const pagination = page.getByRole('navigation', { name: /分页|分頁/ });
        await expect(pagination.locator('[aria-current="page"]')).toHaveText(String(number));
        await expect(pagination.locator('a[rel="prev"]')).toHaveCount(number > 1 ? 1 : 0);
        await expect(pagination.locator('a[rel="next"]')).toHaveCount(number < pages ? 1 : 0);
      }
      expect(new Set(seen).size).toBe(published.length);
      expect(seen.sort()).toEqual(published.map((article) => article.slug).sort());
    });
  }

  test('past the last page, page 1 under /page and anything not a page number are 404s', async ({ request }) => {
    const pages = Math.ceil(published.length / 20);
    for (const path of [
      `/zh-hans/page/${pages + 1}`,
      '/zh-hans/page/1',
      '/zh-hant/page/0',
      '/zh-hans/page/02',
      '/zh-hans/page/x',
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test('a later page has its own title, canonical, hreflang pair and breadcrumb', async ({ page }) => {
    await page.goto('/zh-hant/page/2');
    await expect(page).toHaveTitle(/第2頁/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/zh-hant\/page\/2$/);
    await expect(page.locator('link[rel="alternate"][hreflang="zh-Hans"]')).toHaveAttribute(
      'href',
      /\/zh-hans\/page\/2$/,
    );
    await expect(page.locator('link[rel="alternate"][hreflang="zh-Hant"]')).toHaveAttribute(
      'href',
      /\/zh-hant\/page\/2$/,
    );
    const breadcrumb = page.getByRole('navigation', { name: '當前位置' });
    await expect(breadcrumb.getByRole('link', { name: '首頁' })).toHaveAttribute('href', '/zh-hant');
    await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText('第2頁');
  });
});

test.describe('topics', () => {
  test('an article’s topics link to pages at the same URL in both scripts, named in each script', async ({ page }) => {
    const article = published.find((candidate) => candidate.slug.startsWith('archive-') && candidate.topics.length > 1);
    if (!article) throw new Error('no article with two topics in the archive');
    await page.goto(`/zh-hant/articles/${article.slug}`);
    const traditional = await page
      .locator('.topics a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    await page.goto(`/zh-hans/articles/${article.slug}`);
    const simplified = await page
      .locator('.topics a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(traditional.length).toBe(new Set(article.topics).size);
    expect(traditional.map((href) => href.replace('/zh-hant/', '/'))).toEqual(
      simplified.map((href) => href.replace('/zh-hans/', '/')),
    );
    for (const href of simplified) expect(href).toMatch(/^\/zh-hans\/topics\/[a-z0-9]+(?:-[a-z0-9]+)*$/);

    const topicUrl = simplified[0] ?? '';
    await page.goto(topicUrl);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('话题：');
    expect(await listedSlugs(page)).toContain(article.slug);
    await page.goto(topicUrl.replace('/zh-hans/', '/zh-hant/'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('話題：');
    expect(await listedSlugs(page)).toContain(article.slug);
  });

  test('a topic page lists only its published articles, newest first, and the topics page counts them', async ({
    page,
    request,
  }) => {
    await page.goto('/zh-hans/topics');
    const first = page.locator('.topic-list li').first();
    const href = (await first.getByRole('link').getAttribute('href')) ?? '';
    const count = Number(/\d+/.exec((await first.locator('.topic-count').textContent()) ?? '')?.[0]);
    const slugs: string[] = [];
    for (let number = 1; number <= Math.ceil(count / 20); number += 1) {
      await page.goto(number === 1 ? href : `${href}/page/${number}`);
      slugs.push(...(await listedSlugs(page)));
    }
    expect(slugs).toHaveLength(count);
    for (const slug of unpublished) expect(slugs).not.toContain(slug);
    const dates = await Promise.all(
      slugs.slice(0, 5).map(async (slug) => {
        const html = await (await request.get(`/zh-hans/articles/${slug}`)).text();
        return /<time dateTime="([^"]+)"|<time datetime="([^"]+)"/i.exec(html)?.slice(1).find(Boolean) ?? '';
      }),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await request.get('/zh-hans/topics/no-such-topic')).status()).toBe(404);
  });

  test('an article shows up to five newest articles sharing a topic, itself left out', async ({ page }) => {
    const article = published.find((candidate) => candidate.slug.startsWith('archive-') && candidate.topics.length > 0);
    if (!article) throw new Error('no article with a topic');
    await page.goto(`/zh-hans/articles/${article.slug}`);
    const more = page.locator('.headlines-more');
    await expect(more.getByRole('heading', { level: 2 })).toHaveText('同一话题的更多报道');
    const hrefs = await more
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.length).toBeLessThanOrEqual(5);
    const others = hrefs.map((href) => href.split('/').at(-1) ?? '');
    expect(others).not.toContain(article.slug);
    for (const slug of unpublished) expect(others).not.toContain(slug);
    // One topic in both scripts: compare the names folded to Simplified, as the site does.
    const topics = new Set(article.topics.map(toSimplified));
    for (const slug of others) {
      const other = archive.find((candidate) => candidate.slug === slug);
      expect(
        other?.topics.map(toSimplified).some((topic) => topics.has(topic)),
        `${slug} shares a topic with ${article.slug}`,
      ).toBe(true);
    }
  });
});

test.describe('what search engines and feed readers read', () => {
  const xml = new XMLParser({ ignoreAttributes: false });

  test('the feed holds the newest 50 published articles, no more', async ({ request }) => {
    const feed: unknown = xml.parse(await (await request.get('/zh-hant/feed.xml')).text());
    const entries = z.object({ feed: z.object({ entry: z.array(z.object({ id: z.string() })) }) }).parse(feed)
      .feed.entry;
    expect(entries).toHaveLength(50);
    for (const slug of unpublished) expect(entries.map((entry) => entry.id).join(' ')).not.toContain(`/${slug}`);
  });

  test('the sitemap is an index whose child lists every page and no unpublished article', async ({
    request,
    baseURL,
  }) => {
    const index: unknown = xml.parse(await (await request.get('/sitemap.xml')).text());
    const children = z
      .object({
        sitemapindex: z.object({
          sitemap: z.union([z.object({ loc: z.string() }), z.array(z.object({ loc: z.string() }))]),
        }),
      })
      .parse(index).sitemapindex.sitemap;
    const locs = (Array.isArray(children) ? children : [children]).map((child) => child.loc);
    expect(locs.length).toBeGreaterThan(0);
    const urls: string[] = [];
    for (const loc of locs) {
      const child: unknown = xml.parse(await (await request.get(new URL(loc).pathname)).text());
      const list = z.object({ urlset: z.object({ url: z.array(z.object({ loc: z.string() })) }) }).parse(child)
        .urlset.url;
      urls.push(...list.map((url) => new URL(url.loc).pathname));
    }
    expect(urls).toContain('/zh-hans/page/2');
    expect(urls).toContain('/zh-hant/topics');
    expect(urls.filter((url) => url.startsWith('/zh-hant/topics/')).length).toBeGreaterThan(10);
    expect(urls.filter((url) => url.startsWith('/zh-hans/articles/'))).toHaveLength(published.length);
    for (const slug of unpublished) expect(urls.filter((url) => url.endsWith(`/${slug}`))).toEqual([]);
    expect(baseURL).toBeDefined();
  });
});

test.describe('browsing without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const width of [360, 1280]) {
    test(`at ${width} px: home → page 2 → an article → one of its topics → back`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      const shot = async (name: string) =>
        page.screenshot({ path: testInfo.outputPath(`browse-${width}-${name}.png`), fullPage: false });
      await page.goto('/zh-hant');
      await shot('1-home');
      await page.getByRole('navigation', { name: '分頁' }).getByRole('link', { name: '下一頁' }).click();
      await expect(page).toHaveURL(/\/zh-hant\/page\/2$/);
      await shot('2-page-2');
      await page.locator('.article-list h2 a').first().click();
      await expect(page).toHaveURL(/\/zh-hant\/articles\//);
      const articleUrl = page.url();
      await shot('3-article');
      const topic = page.locator('.topics a').first();
      const topicName = (await topic.textContent()) ?? '';
      await topic.click();
      await expect(page).toHaveURL(/\/zh-hant\/topics\//);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(topicName);
      await shot('4-topic');
      await page.goBack();
      await expect(page).toHaveURL(articleUrl);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
