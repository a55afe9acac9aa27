import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentError } from '@/lib/content';
import { parseArticle } from '@/lib/articles';

const valid = `---
title: 标题
date: 2025-07-23
author: 王一
source: 观察者网
summary: 摘要。
script: zh-hans
---

正文。
`;

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error.message.split('\n').slice(1);
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('parseArticle', () => {
  it('reads a valid file with its slug taken from the file name', () => {
    const article = parseArticle('content/articles/my-story.md', valid);
    expect(article.slug).toBe('my-story');
    expect(article.title).toBe('标题');
    expect(article.date.iso).toBe('2025-07-23');
    expect(article.date.instant.toISOString()).toBe('2025-07-22T16:00:00.000Z');
    expect(article.draft).toBe(false);
  });

  it('names the file and every bad field at once', () => {
    const bad = valid
      .replace('title: 标题\n', '')
      .replace('date: 2025-07-23', 'date: 2025-13-45')
      .replace('script: zh-hans', 'script: zh-cn\ndata: 1');
    const problems = problemsOf(() => parseArticle('content/articles/bad.md', bad));
    expect(problems).toEqual(
      expect.arrayContaining([
        'content/articles/bad.md:1 — title: required (expected text)',
        expect.stringMatching(/^content\/articles\/bad\.md:2 — date: "2025-13-45" is not a date/),
        expect.stringMatching(/^content\/articles\/bad\.md:6 — script: expected zh-hans or zh-hant/),
        'content/articles/bad.md:7 — data: unknown field (did you mean `date`?)',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('refuses impossible calendar dates that Date would roll over', () => {
    const problems = problemsOf(() => parseArticle('a.md', valid.replace('2025-07-23', '2025-02-30')));
    expect(problems).toEqual([expect.stringContaining('date: "2025-02-30" is not a date')]);
  });

  it('accepts a date-time with an offset and refuses one without', () => {
    expect(
      parseArticle('a.md', valid.replace('2025-07-23', '2025-07-23T16:01:00+08:00')).date.instant.toISOString(),
    ).toBe('2025-07-23T08:01:00.000Z');
    expect(problemsOf(() => parseArticle('a.md', valid.replace('2025-07-23', '2025-07-23T16:01:00')))).toEqual([
      expect.stringContaining('date:'),
    ]);
  });

  it('reports a file without a closing frontmatter line', () => {
    expect(problemsOf(() => parseArticle('a.md', valid.replace(/\n---\n\n/, '\n\n')))).toEqual([
      'a.md:1 — unterminated frontmatter (expected a closing "---" line)',
    ]);
  });

  it('reports broken YAML with its line in the file', () => {
    expect(problemsOf(() => parseArticle('a.md', valid.replace('author: 王一', 'author: [王一')))).toEqual([
      expect.stringMatching(/^a\.md:\d+ — invalid YAML/),
    ]);
  });

  it('refuses an empty body and a file name that is not a slug', () => {
    const problems = problemsOf(() => parseArticle('content/articles/My Story.md', valid.replace('正文。', '')));
    expect(problems).toEqual([
      expect.stringContaining('slug: file name "My Story" is not a slug'),
      expect.stringContaining('body: the article has no body'),
    ]);
  });
});

describe('getArticles', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function loadArticles(nodeEnv: string) {
    vi.stubEnv('CONTENT_DIR', 'tests/fixtures/sites/reader');
    vi.stubEnv('NODE_ENV', nodeEnv);
    vi.resetModules();
    return { ...(await import('@/lib/articles')), ...(await import('@/lib/article-view')) };
  }

  it('lists published articles newest first and leaves drafts and scheduled articles out of a production build', async () => {
    const { getArticles, getArticle } = await loadArticles('production');
    expect(getArticles().map((article) => article.slug)).toEqual(['newer-story', 'seed-article', 'published-story']);
    expect(getArticle('draft-story')).toBeUndefined();
    expect(getArticle('scheduled-story')).toBeUndefined();
  });

  it('shows drafts and scheduled articles in development', async () => {
    const { getArticles } = await loadArticles('development');
    expect(getArticles().map((article) => article.slug)).toEqual(
      expect.arrayContaining(['draft-story', 'scheduled-story']),
    );
  });

  it('applies the site-wide conversions table, and lets an article’s own table win over it', async () => {
    const { getArticle, viewArticle, parseArticle } = await loadArticles('production');
    const story = getArticle('published-story');
    if (!story) throw new Error('fixture missing');
    expect(viewArticle(story, 'zh-hant').title).toBe('軟體發佈會');
    const own = parseArticle(
      'content/articles/own-table.md',
      '---\ntitle: 软件\ndate: 2025-07-23\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\nconversions:\n  软件: 軟件\n---\n正文。\n',
    );
    expect(viewArticle(own, 'zh-hant').title).toBe('軟件');
  });

  it('shows an article in its own script as written and converts it to the other', async () => {
    const { getArticle, viewArticle, renderArticleBody } = await loadArticles('production');
    const article = getArticle('published-story');
    if (!article) throw new Error('fixture missing');
    expect(viewArticle(article, 'zh-hans').title).toBe('软件发布会');
    expect(viewArticle(article, 'zh-hant').title).toBe('軟體發佈會');
    expect(renderArticleBody(article, 'zh-hant')).toBe('<p>正文第一段。</p>\n');
  });
});
