import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { sitemapEntries } from '@/lib/sitemap';

const story = parseArticle(
  'content/articles/chip-story.md',
  '---\ntitle: 芯片\ndate: 2025-07-22\nupdated: 2025-07-24T09:30:00+08:00\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n正文。\n',
);
const older = parseArticle(
  'content/articles/older-story.md',
  '---\ntitle: 旧闻\ndate: 2025-07-01\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n正文。\n',
);

describe('sitemapEntries', () => {
  const entries = sitemapEntries([story, older]);

  it('lists both home pages and every article in both scripts, with absolute URLs', () => {
    expect(entries.map((entry) => entry.url)).toEqual([
      'https://news.example.com/zh-hans',
      'https://news.example.com/zh-hant',
      'https://news.example.com/zh-hans/articles/chip-story',
      'https://news.example.com/zh-hant/articles/chip-story',
      'https://news.example.com/zh-hans/articles/older-story',
      'https://news.example.com/zh-hant/articles/older-story',
    ]);
  });

  it('gives each page the same alternates its head lists, itself included', () => {
    expect(entries[3]?.alternates?.languages).toEqual({
      'zh-Hans': 'https://news.example.com/zh-hans/articles/chip-story',
      'zh-Hant': 'https://news.example.com/zh-hant/articles/chip-story',
      'x-default': 'https://news.example.com/',
    });
  });

  it('dates an article by its last update, and a home page by the newest change on the site', () => {
    expect(entries.map((entry) => entry.lastModified)).toEqual([
      '2025-07-24T09:30:00+08:00',
      '2025-07-24T09:30:00+08:00',
      '2025-07-24T09:30:00+08:00',
      '2025-07-24T09:30:00+08:00',
      '2025-07-01',
      '2025-07-01',
    ]);
  });

  it('still lists the home pages of a site with no article yet', () => {
    expect(sitemapEntries([]).map((entry) => [entry.url, entry.lastModified])).toEqual([
      ['https://news.example.com/zh-hans', undefined],
      ['https://news.example.com/zh-hant', undefined],
    ]);
  });
});

describe('the sitemap of the fixture site', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('lists both home pages and each published article in both scripts, and leaves the draft and the scheduled article out', async () => {
    vi.stubEnv('CONTENT_DIR', 'tests/fixtures/sites/reader');
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    const [{ getArticles }, sitemap] = await Promise.all([import('@/lib/articles'), import('@/lib/sitemap')]);
    const urls = sitemap.sitemapEntries(getArticles()).map((entry) => entry.url);
    expect(urls).toHaveLength(8);
    expect(urls).toContain('https://news.example.com/zh-hant/articles/published-story');
    expect(urls.filter((url) => /draft-story|scheduled-story/.test(url))).toEqual([]);
  });
});
