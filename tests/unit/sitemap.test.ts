import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '@/lib/articles';
import {
  childSitemapFiles,
  childSitemapPath,
  renderChildSitemap,
  renderSitemapIndex,
  sitemapCount,
  sitemapEntries,
  sitemapPages,
} from '@/lib/sitemap';
import { indexTopics } from '@/lib/topics';

const story = parseArticle(
  'content/articles/chip-story.md',
  '---\ntitle: 芯片\ndate: 2025-07-22\nupdated: 2025-07-24T09:30:00+08:00\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\ntopics: [芯片]\n---\n\n正文。\n',
);
const older = parseArticle(
  'content/articles/older-story.md',
  '---\ntitle: 旧闻\ndate: 2025-07-01\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n正文。\n',
);
const articles = [story, older];
const pages = sitemapPages(articles, indexTopics(articles, new Map()));

describe('sitemapPages', () => {
  it('lists the latest list, the topics, each topic and every article, once each', () => {
    expect(pages.map((page) => page.path)).toEqual([
      '',
      '/topics',
      '/topics/xin-pian',
      '/articles/chip-story',
      '/articles/older-story',
    ]);
  });

  it('dates an article by its last update, and a list by the newest change in it', () => {
    expect(pages.map((page) => page.lastModified?.iso)).toEqual([
      '2025-07-24T09:30:00+08:00',
      '2025-07-24T09:30:00+08:00',
      '2025-07-24T09:30:00+08:00',
      '2025-07-24T09:30:00+08:00',
      '2025-07-01',
    ]);
  });

  it('lists every page of a long list, each dated by its own articles', () => {
    const many = Array.from({ length: 45 }, (_, index) =>
      parseArticle(
        `content/articles/a-${index}.md`,
        `---\ntitle: 题\ndate: 2025-${String(12 - Math.floor(index / 4)).padStart(2, '0')}-01\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n正文。\n`,
      ),
    );
    const lists = sitemapPages(many, indexTopics(many, new Map())).filter(
      (page) => !page.path.startsWith('/articles') && page.path !== '/topics',
    );
    expect(lists.map((page) => [page.path, page.lastModified?.iso])).toEqual([
      ['', '2025-12-01'],
      ['/page/2', '2025-07-01'],
      ['/page/3', '2025-02-01'],
    ]);
  });

  it('still lists the home pages of a site with no article yet', () => {
    expect(sitemapPages([], indexTopics([], new Map())).map((page) => page.path)).toEqual(['', '/topics']);
  });
});

describe('sitemapEntries', () => {
  const entries = sitemapEntries(pages);

  it('lists each page in both scripts, with absolute URLs', () => {
    expect(entries.slice(0, 2).map((entry) => entry.url)).toEqual([
      'https://news.example.com/zh-hans',
      'https://news.example.com/zh-hant',
    ]);
    expect(entries).toHaveLength(pages.length * 2);
  });

  it('gives each page the same alternates its head lists, itself included', () => {
    expect(entries[7]?.alternates?.languages).toEqual({
      'zh-Hans': 'https://news.example.com/zh-hans/articles/chip-story',
      'zh-Hant': 'https://news.example.com/zh-hant/articles/chip-story',
      'x-default': 'https://news.example.com/',
    });
  });
});

describe('the sitemap index', () => {
  it('needs one child per 50,000 URLs, and one for an empty site', () => {
    expect(sitemapCount(0)).toBe(1);
    expect(sitemapCount(50_000)).toBe(1);
    expect(sitemapCount(50_001)).toBe(2);
    expect(sitemapCount(7, 3)).toBe(3);
  });

  it('points at each child sitemap with an absolute URL', () => {
    expect(childSitemapPath('1.xml')).toBe('/sitemap/1.xml');
    const xml = renderSitemapIndex(childSitemapFiles(7, 5), story.updated);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(
      '<sitemap><loc>https://news.example.com/sitemap/0.xml</loc><lastmod>2025-07-24T09:30:00+08:00</lastmod></sitemap>',
    );
    expect(xml).toContain('<loc>https://news.example.com/sitemap/1.xml</loc>');
  });
});

describe('a child sitemap', () => {
  const entries = sitemapEntries(pages);

  it('holds its share of the URLs, with their alternates, escaped', () => {
    const first = renderChildSitemap(entries, '0.xml', 4) ?? '';
    expect(first.match(/<url>/g)).toHaveLength(4);
    expect(first).toContain(
      '<url><loc>https://news.example.com/zh-hans</loc><xhtml:link rel="alternate" hreflang="zh-Hans" href="https://news.example.com/zh-hans"/>',
    );
    expect(renderChildSitemap(entries, '2.xml', 4)?.match(/<url>/g)).toHaveLength(2);
  });

  it('does not exist past the last child, or under another name', () => {
    for (const file of ['3.xml', '01.xml', 'x.xml', '0.json', '-1.xml'])
      expect(renderChildSitemap(entries, file, 4), file).toBeUndefined();
  });
});

describe('the sitemap of the fixture site', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('lists each published article in both scripts, and leaves the draft and the scheduled article out', async () => {
    vi.stubEnv('CONTENT_DIR', 'tests/fixtures/sites/reader');
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    const [{ getArticles }, sitemap, { getTopics }] = await Promise.all([
      import('@/lib/articles'),
      import('@/lib/sitemap'),
      import('@/lib/lists'),
    ]);
    const urls = sitemap.sitemapEntries(sitemap.sitemapPages(getArticles(), getTopics())).map((entry) => entry.url);
    expect(urls).toContain('https://news.example.com/zh-hant/articles/published-story');
    expect(urls.filter((url) => /draft-story|scheduled-story/.test(url))).toEqual([]);
  });
});
