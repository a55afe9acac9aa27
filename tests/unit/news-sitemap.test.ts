import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArticle } from '@/lib/articles';
import { recentArticles, renderNewsSitemap } from '@/lib/news-sitemap';

const now = new Date('2025-07-24T12:00:00+08:00');
const hoursBefore = (hours: number) =>
  new Date(now.getTime() - hours * 60 * 60 * 1000).toISOString().replace(/\.000Z$/, 'Z');

function article(slug: string, date: string, title = '软件发布会') {
  return parseArticle(
    `content/articles/${slug}.md`,
    `---\ntitle: ${title}\ndate: ${date}\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n正文。\n`,
  );
}

// Newest first, as getArticles() lists them.
const fresh = article('fresh', hoursBefore(1));
const inside = article('inside', hoursBefore(47));
const outside = article('outside', hoursBefore(49));
const articles = [fresh, inside, outside];

const newsSitemap = z.object({
  // An empty <urlset> parses as text.
  urlset: z.union([
    z.string(),
    z.object({
      url: z.array(
        z.object({
          loc: z.string(),
          'news:news': z.object({
            'news:publication': z.object({ 'news:name': z.string(), 'news:language': z.string() }),
            'news:publication_date': z.string(),
            'news:title': z.string(),
          }),
        }),
      ),
    }),
  ]),
});

function parse(xml: string) {
  const { urlset } = newsSitemap.parse(new XMLParser({ isArray: (name) => name === 'url' }).parse(xml));
  return typeof urlset === 'string' ? [] : urlset.url;
}

describe('the news sitemap', () => {
  it('takes an article 47 hours old and leaves one 49 hours old out', () => {
    expect(recentArticles(articles, now).map((a) => a.slug)).toEqual(['fresh', 'inside']);
  });

  it('leaves out an article dated after the build (scheduled)', () => {
    expect(recentArticles([article('later', new Date(now.getTime() + 60_000).toISOString())], now)).toEqual([]);
  });

  it('lists each recent article in both scripts, with the publication named and its language as Google News writes it', () => {
    const urls = parse(renderNewsSitemap(articles, now));
    expect(urls.map((url) => url.loc)).toEqual([
      'https://news.example.com/zh-hans/articles/fresh',
      'https://news.example.com/zh-hant/articles/fresh',
      'https://news.example.com/zh-hans/articles/inside',
      'https://news.example.com/zh-hant/articles/inside',
    ]);
    expect(urls[0]?.['news:news']).toEqual({
      'news:publication': { 'news:name': '同文新闻', 'news:language': 'zh-cn' },
      'news:publication_date': fresh.date.iso,
      'news:title': '软件发布会',
    });
    expect(urls[1]?.['news:news']).toMatchObject({
      'news:publication': { 'news:name': '同文新聞', 'news:language': 'zh-tw' },
      'news:title': '軟件發佈會',
    });
  });

  it('escapes titles', () => {
    const xml = renderNewsSitemap([article('amp', hoursBefore(2), '"A & B <C>"')], now);
    expect(xml).toContain('<news:title>A &amp; B &lt;C&gt;</news:title>');
  });

  it('is a valid empty sitemap when nothing is recent', () => {
    expect(parse(renderNewsSitemap([outside], now))).toEqual([]);
  });
});
