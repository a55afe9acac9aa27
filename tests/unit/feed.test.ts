import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseArticle } from '@/lib/articles';
import { escapeXml, renderFeed } from '@/lib/feed';
import { isWellFormedXml } from '../support/xml';

// The content check refuses control characters; the feed still drops any that get past it, so XML stays well-formed.
const photoStory = {
  ...parseArticle(
    'content/articles/photo-story.md',
    `---
title: 软件 & "芯片" <发布会>
date: 2025-07-22
updated: 2025-07-24T09:30:00+08:00
author: 记者甲
source: 测试通讯社
summary: 摘要里有控制字符。
topics: [科技]
script: zh-hans
copyright: 版权所有。
---

第一段，[详见首页](/zh-hans)。

![发布会现场](/images/launch.jpg)

<script>alert(1)</script>
`,
  ),
  summary: '摘要\u0007里有控制字符。',
};

const olderStory = parseArticle(
  'content/articles/older-story.md',
  '---\ntitle: 舊聞\ndate: 2025-07-01\nauthor: 乙\nsource: 丙\nsummary: 舊。\nscript: zh-hant\n---\n\n正文。\n',
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

const link = z.object({ '@rel': z.string(), '@type': z.string(), '@href': z.string() });
const entrySchema = z.object({
  id: z.string(),
  title: z.string(),
  link: z.array(link),
  published: z.string(),
  updated: z.string(),
  author: z.object({ name: z.string() }),
  category: z.array(z.object({ '@term': z.string() })).optional(),
  summary: z.string(),
  content: z.object({ '@type': z.string(), '#text': z.string() }),
  rights: z.string().optional(),
});
const feedSchema = z.object({
  feed: z.object({
    '@xmlns': z.string(),
    '@xml:lang': z.string(),
    title: z.string(),
    id: z.string(),
    updated: z.string(),
    link: z.array(link),
    entry: z.array(entrySchema).optional(),
  }),
});

/** The feed as data: well-formed XML, in the shape Atom gives it. */
function parseFeed(xml: string) {
  expect(isWellFormedXml(xml)).toBe(true);
  return feedSchema.parse(parser.parse(xml)).feed;
}

/** The feed's entries; a feed with none fails the test that expected some. */
function entriesOf(xml: string) {
  const entries = parseFeed(xml).entry;
  if (!entries) throw new Error('the feed has no entry');
  return entries;
}

describe('renderFeed', () => {
  it('is well-formed Atom in the script’s language, with absolute self and home links', () => {
    const feed = parseFeed(renderFeed([photoStory, olderStory], 'zh-hant'));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('zh-Hant');
    expect(feed.title).toBe('同文新聞');
    expect(feed.id).toBe('https://news.example.com/zh-hant');
    expect(feed.link).toEqual([
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': 'https://news.example.com/zh-hant/feed.xml' },
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://news.example.com/zh-hant' },
    ]);
  });

  it('is dated by its most recent change, in RFC 3339 with Beijing’s offset', () => {
    const feed = parseFeed(renderFeed([photoStory, olderStory], 'zh-hans'));
    expect(feed.updated).toBe('2025-07-24T09:30:00+08:00');
    expect(feed.entry?.[0]?.published).toBe('2025-07-22T00:00:00+08:00');
    expect(feed.entry?.[1]?.updated).toBe('2025-07-01T00:00:00+08:00');
  });

  it('gives each entry its page’s URL, title, author, topics and summary in the feed’s script', () => {
    const [entry] = entriesOf(renderFeed([photoStory], 'zh-hant'));
    expect(entry?.id).toBe('https://news.example.com/zh-hant/articles/photo-story');
    expect(entry?.link).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://news.example.com/zh-hant/articles/photo-story' },
    ]);
    expect(entry?.title).toBe('軟件 & "芯片" <發佈會>');
    expect(entry?.author.name).toBe('記者甲');
    expect(entry?.category).toEqual([{ '@term': '科技' }]);
    expect(entry?.summary).toBe('摘要裡有控制字符。');
    expect(entry?.rights).toBe('版權所有。');
  });

  it('carries the full sanitized, converted body with absolute links and image sources, and credits the source', () => {
    const [entry] = entriesOf(renderFeed([photoStory], 'zh-hant'));
    expect(entry?.content['@type']).toBe('html');
    const html = entry?.content['#text'] ?? '';
    expect(html).toContain('<a href="https://news.example.com/zh-hans">詳見首頁</a>');
    expect(html).toContain('<img src="https://news.example.com/images/launch.jpg" alt="發佈會現場" />');
    expect(html).not.toContain('<script');
    expect(html).toContain('<p>來源：測試通訊社</p>');
  });

  it('keeps only the newest fifty articles', () => {
    const many = Array.from({ length: 60 }, () => olderStory);
    expect(entriesOf(renderFeed(many, 'zh-hant'))).toHaveLength(50);
  });

  it('is still valid with no article, dated now', () => {
    const feed = parseFeed(renderFeed([], 'zh-hans', new Date('2025-08-01T00:00:00Z')));
    expect(feed.updated).toBe('2025-08-01T08:00:00+08:00');
    expect(feed.entry).toBeUndefined();
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml('<a href="x">&\'\u0000\uFFFF')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('the feeds of the fixture site', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('list published articles only, never a draft or a scheduled one', async () => {
    vi.stubEnv('CONTENT_DIR', 'tests/fixtures/sites/reader');
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    const [{ getArticles }, feed] = await Promise.all([import('@/lib/articles'), import('@/lib/feed')]);
    const ids = entriesOf(feed.renderFeed(getArticles(), 'zh-hans')).map((entry) => entry.id);
    expect(ids).toEqual([
      'https://news.example.com/zh-hans/articles/newer-story',
      'https://news.example.com/zh-hans/articles/seed-article',
      'https://news.example.com/zh-hans/articles/published-story',
    ]);
  });
});
