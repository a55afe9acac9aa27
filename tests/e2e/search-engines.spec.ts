import { XMLParser } from 'fast-xml-parser';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { absoluteUrl } from '../../lib/site';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';
import { isWellFormedXml } from '../support/xml';

// Runs against `next start` and against the static export of the reader fixture site: both must tell search engines the same.

const slug = readerSite.seedArticle.slug;
const scripts = [
  { script: 'zh-hans', lang: 'zh-Hans', ogLocale: 'zh_CN', otherLocale: 'zh_TW' },
  { script: 'zh-hant', lang: 'zh-Hant', ogLocale: 'zh_TW', otherLocale: 'zh_CN' },
] as const;
const pageKinds = [
  { kind: 'home', rest: '' },
  { kind: 'article', rest: `/articles/${slug}` },
] as const;
/** Every page a search engine may list: both home pages and each published article in both scripts. */
const publishedPages = scripts.flatMap(({ script }) => [
  `/${script}`,
  ...readerSite.published.map((article) => articlePath(article.slug, script)),
]);

/** Normalizes an absolute URL, so `https://x.com` and `https://x.com/` compare equal. */
const normal = (value: string | null | undefined) => new URL(value ?? '').href;

/** What the page's head tells search engines. */
async function readHead(page: Page) {
  return page.evaluate(() => {
    const attr = (selector: string, name: string) => document.head.querySelector(selector)?.getAttribute(name) ?? null;
    const all = (selector: string, name: string) =>
      [...document.head.querySelectorAll(selector)].map((node) => node.getAttribute(name) ?? '');
    return {
      canonical: attr('link[rel="canonical"]', 'href'),
      hreflang: Object.fromEntries(
        [...document.head.querySelectorAll('link[rel="alternate"][hreflang]')].map((node) => [
          node.getAttribute('hreflang') ?? '',
          node.getAttribute('href') ?? '',
        ]),
      ),
      hreflangCount: document.head.querySelectorAll('link[rel="alternate"][hreflang]').length,
      feeds: all('link[rel="alternate"][type="application/atom+xml"]', 'href'),
      description: attr('meta[name="description"]', 'content'),
      robots: attr('meta[name="robots"]', 'content'),
      ogType: attr('meta[property="og:type"]', 'content'),
      ogUrl: attr('meta[property="og:url"]', 'content'),
      ogTitle: attr('meta[property="og:title"]', 'content'),
      ogLocale: attr('meta[property="og:locale"]', 'content'),
      ogLocaleAlternate: all('meta[property="og:locale:alternate"]', 'content'),
      ogSiteName: attr('meta[property="og:site_name"]', 'content'),
      published: attr('meta[property="article:published_time"]', 'content'),
      section: attr('meta[property="article:section"]', 'content'),
      tags: all('meta[property="article:tag"]', 'content'),
      twitterCard: attr('meta[name="twitter:card"]', 'content'),
    };
  });
}

// The shapes these tests read fields from; every other field is compared as it comes.
const jsonLdObject = z.looseObject({ '@type': z.string() });
const newsArticle = z.looseObject({
  author: z.looseObject({ name: z.string() }),
  sourceOrganization: z.looseObject({ '@type': z.string(), name: z.string() }),
});
const atomFeed = z.object({
  feed: z.object({
    '@xml:lang': z.string(),
    entry: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        link: z.object({ '@href': z.string() }),
        content: z.object({ '#text': z.string() }),
      }),
    ),
  }),
});
const sitemapIndex = z.object({ sitemapindex: z.object({ sitemap: z.array(z.object({ loc: z.string() })) }) });
const sitemap = z.object({
  urlset: z.object({
    url: z.array(
      z.object({
        loc: z.string(),
        lastmod: z.string(),
        'xhtml:link': z.array(z.object({ '@hreflang': z.string(), '@href': z.string() })),
      }),
    ),
  }),
});

/** The JSON-LD objects in the HTML as served, before any script runs. */
async function readJsonLd(request: APIRequestContext, path: string): Promise<z.output<typeof jsonLdObject>[]> {
  const html = await (await request.get(path)).text();
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) =>
    jsonLdObject.parse(JSON.parse(match[1] ?? '')),
  );
}

/** The one object of a type among a page's JSON-LD. */
function byType(objects: readonly z.output<typeof jsonLdObject>[], type: string): z.output<typeof jsonLdObject> {
  const found = objects.filter((object) => object['@type'] === type);
  expect(found, `one ${type}`).toHaveLength(1);
  const [only] = found;
  if (!only) throw new Error(`no ${type} JSON-LD`);
  return only;
}

for (const { script, lang, ogLocale, otherLocale } of scripts) {
  for (const { kind, rest } of pageKinds) {
    const path = `/${script}${rest}`;

    test(`the ${kind} page in ${lang} carries canonical, reciprocal hreflang, feed and Open Graph tags`, async ({
      page,
    }) => {
      await page.goto(path);
      const head = await readHead(page);
      expect(head.canonical).toBe(absoluteUrl(path));
      expect(head.hreflangCount).toBe(3);
      expect(normal(head.hreflang['zh-Hans'])).toBe(absoluteUrl(`/zh-hans${rest}`));
      expect(normal(head.hreflang['zh-Hant'])).toBe(absoluteUrl(`/zh-hant${rest}`));
      expect(normal(head.hreflang['x-default'])).toBe(absoluteUrl('/'));
      expect(head.feeds).toEqual([absoluteUrl(`/${script}/feed.xml`)]);
      expect(head.description).toBeTruthy();
      expect(head.robots ?? '').not.toContain('noindex');

      expect(head.ogUrl).toBe(head.canonical);
      expect(head.ogLocale).toBe(ogLocale);
      expect(head.ogLocaleAlternate).toEqual([otherLocale]);
      expect(head.ogSiteName).toBe(await page.locator('.site-name').textContent());
      expect(head.twitterCard).toBe('summary');

      if (kind === 'article') {
        const article = page.getByRole('article');
        expect(head.ogType).toBe('article');
        expect(head.ogTitle).toBe(await page.getByRole('heading', { level: 1 }).textContent());
        expect(head.published).toBe(await article.locator('header time').first().getAttribute('datetime'));
        const topics = await article.locator('.topic').allTextContents();
        expect(topics.length).toBeGreaterThan(0);
        expect(head.tags).toEqual(topics);
        expect(head.section).toBe(topics[0]);
      } else {
        expect(head.ogType).toBe('website');
      }
    });
  }

  test(`the article in ${lang} carries NewsArticle and BreadcrumbList JSON-LD that match the page`, async ({
    page,
    request,
  }) => {
    const path = `/${script}/articles/${slug}`;
    const data = await readJsonLd(request, path);
    await page.goto(path);
    const article = page.getByRole('article');
    const h1 = await page.getByRole('heading', { level: 1 }).textContent();
    const news = newsArticle.parse(byType(data, 'NewsArticle'));

    expect(news['@context']).toBe('https://schema.org');
    expect(news.headline).toBe(h1);
    expect(news.description).toBe(await page.locator('meta[name="description"]').getAttribute('content'));
    expect(news.datePublished).toBe(await article.locator('header time').first().getAttribute('datetime'));
    expect(news.dateModified).toBe(await article.locator('header time').last().getAttribute('datetime'));
    expect(news.author).toEqual({ '@type': 'Person', name: expect.any(String) });
    await expect(article.locator('.author')).toHaveText(new RegExp(`：${news.author.name}$`));
    expect(news.sourceOrganization['@type']).toBe('Organization');
    await expect(article.locator('.source')).toHaveText(new RegExp(`：${news.sourceOrganization.name}$`));
    expect(news.publisher).toEqual({
      '@type': 'Organization',
      name: await page.locator('.site-name').textContent(),
      url: absoluteUrl((await page.locator('.site-name').getAttribute('href')) ?? ''),
    });
    expect(news.inLanguage).toBe(lang);
    expect(news.inLanguage).toBe(await page.locator('html').getAttribute('lang'));
    expect(news.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': absoluteUrl(path) });
    expect(news.isAccessibleForFree).toBe(true);
    const topics = await article.locator('.topic').allTextContents();
    expect(news.keywords).toEqual(topics);
    expect(news.articleSection).toBe(topics[0]);
    expect(news.copyrightNotice).toBe(await article.locator('.copyright').textContent());
    // The article's only picture is a caption without a photo: no image to claim.
    expect(news).not.toHaveProperty('image');

    const home = page.getByRole('navigation').getByRole('link').first();
    expect(byType(data, 'BreadcrumbList').itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: await home.textContent(),
        item: absoluteUrl((await home.getAttribute('href')) ?? ''),
      },
      { '@type': 'ListItem', position: 2, name: h1, item: absoluteUrl(path) },
    ]);
  });

  test(`the home page in ${lang} carries WebSite JSON-LD naming the site as shown`, async ({ page, request }) => {
    const data = await readJsonLd(request, `/${script}`);
    await page.goto(`/${script}`);
    expect(byType(data, 'WebSite')).toMatchObject({
      name: await page.locator('.site-name').textContent(),
      url: absoluteUrl(`/${script}`),
      inLanguage: lang,
    });
  });

  test(`the ${lang} feed is valid Atom with every published article in full and absolute URLs`, async ({
    page,
    request,
  }) => {
    const response = await request.get(`/${script}/feed.xml`);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(isWellFormedXml(xml)).toBe(true);
    const { feed } = atomFeed.parse(
      new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' }).parse(
        xml,
      ),
    );
    expect(feed['@xml:lang']).toBe(lang);
    expect(feed.entry.map((entry) => entry.id)).toEqual(
      readerSite.published.map((article) => absoluteUrl(articlePath(article.slug, script))),
    );

    for (const entry of feed.entry) {
      await page.goto(new URL(entry.link['@href']).pathname);
      expect(entry.title).toBe(await page.getByRole('heading', { level: 1 }).textContent());
      const html = entry.content['#text'];
      const text = html.replace(/<[^>]+>/g, '');
      for (const paragraph of await page.locator('.article-body > p').allTextContents())
        expect(text).toContain(paragraph);
      expect(html).not.toMatch(/(href|src)="(?!https?:|mailto:)/);
    }
  });
}

test('the sitemap index leads to every page in both scripts, each with alternates and lastmod and answering 200', async ({
  request,
}) => {
  const index = await request.get('/sitemap.xml');
  expect(index.status()).toBe(200);
  const indexXml = await index.text();
  expect(isWellFormedXml(indexXml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['sitemap', 'url', 'xhtml:link'].includes(name),
  });
  const children = sitemapIndex.parse(parser.parse(indexXml)).sitemapindex.sitemap.map((child) => child.loc);
  expect(children).toEqual([absoluteUrl('/sitemap/0.xml')]);
  const urls: z.output<typeof sitemap>['urlset']['url'] = [];
  for (const child of children) {
    const xml = await (await request.get(new URL(child).pathname)).text();
    expect(isWellFormedXml(xml)).toBe(true);
    urls.push(...sitemap.parse(parser.parse(xml)).urlset.url);
  }
  const locs = urls.map((url) => url.loc);
  // Every published article and both home pages; the lists of topics and each topic's page besides.
  expect(locs.filter((loc) => !new URL(loc).pathname.includes('/topics')).sort()).toEqual(
    publishedPages.map((path) => absoluteUrl(path)).sort(),
  );
  for (const { script } of scripts) {
    expect(locs).toContain(absoluteUrl(`/${script}/topics`));
    expect(locs.filter((loc) => loc.startsWith(absoluteUrl(`/${script}/topics/`))).length).toBeGreaterThan(0);
  }
  for (const url of urls) {
    const rest = new URL(url.loc).pathname.replace(/^\/zh-han[st]/, '');
    expect(Object.fromEntries(url['xhtml:link'].map((link) => [link['@hreflang'], normal(link['@href'])]))).toEqual({
      'zh-Hans': absoluteUrl(`/zh-hans${rest}`),
      'zh-Hant': absoluteUrl(`/zh-hant${rest}`),
      'x-default': absoluteUrl('/'),
    });
    expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect((await request.get(new URL(url.loc).pathname)).status()).toBe(200);
  }
});

test('robots.txt allows crawling and names the sitemap', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split('\n').map((line) => line.trim());
  expect(lines).toEqual(
    expect.arrayContaining(['User-Agent: *', 'Allow: /', `Sitemap: ${absoluteUrl('/sitemap.xml')}`]),
  );
  expect(lines.filter((line) => /^Disallow:\s*\S/i.test(line))).toEqual([]);
});

for (const { script } of scripts) {
  test(`a 404 under /${script} answers 404 and asks not to be indexed`, async ({ page }) => {
    const response = await page.goto(`/${script}/articles/no-such-article`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
    await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  });
}
