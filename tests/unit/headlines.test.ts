import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { ContentError } from '@/lib/content';
import { parseHeadlines, viewHeadlines, type HeadlinesData } from '@/lib/headlines';

const file = `script: zh-hant
related:
  title: 相關推薦
  items:
    - title: 連到本站文章
      time: 2025-07-23T16:01:00+08:00
      topic: 軟件
      article: our-story
    - title: 連到草稿
      article: draft-story
hot:
  title: 最新聞
  items:
    - title: 外站報道
      url: https://example.com/news/1
    - title: 沒有連結的標題
`;

const published = [
  parseArticle(
    'content/articles/our-story.md',
    '---\ntitle: 標題\ndate: 2025-07-23\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hant\n---\n正文。\n',
  ),
];

function parse(text: string, slugs = ['our-story', 'draft-story']): HeadlinesData {
  return parseHeadlines('content/headlines.yaml', text, new Set(slugs));
}

describe('headlines', () => {
  it('suggests the field a misspelt one was meant to be, among those allowed beside it', () => {
    const misspelt = file
      .replace('  title: 最新聞', '  titel: 最新聞')
      .replace('      url: https', '      link: https')
      .replace('      topic: 軟件', '      topc: 軟件');
    let messages: string[] = [];
    try {
      parse(misspelt);
    } catch (error) {
      if (error instanceof ContentError)
        messages = error.problems.map((problem) => `${problem.field ?? ''}: ${problem.message}`);
    }
    expect(messages).toEqual(
      expect.arrayContaining([
        'related.items.0.topc: unknown field (did you mean `topic`?)',
        'hot.titel: unknown field (did you mean `title`?)',
        'hot.items.0.link: unknown field',
      ]),
    );
  });

  it('links a headline to its article in the page’s script', () => {
    const [related] = viewHeadlines(parse(file), published, 'zh-hans');
    expect(related?.items[0]).toEqual({
      title: '连到本站文章',
      topic: '软件',
      datetime: '2025-07-23T16:01:00+08:00',
      timeLabel: '7月23日 16:01',
      href: '/zh-hans/articles/our-story',
      external: false,
    });
  });

  it('shows a headline whose article is not published as plain text, not a dead link', () => {
    const [related] = viewHeadlines(parse(file), published, 'zh-hant');
    expect(related?.items[1]?.href).toBeUndefined();
  });

  it('keeps external URLs as they are and marks them external', () => {
    const [, hot] = viewHeadlines(parse(file), published, 'zh-hans');
    expect(hot?.items[0]).toMatchObject({ title: '外站报道', href: 'https://example.com/news/1', external: true });
    expect(hot?.items[1]).toMatchObject({ title: '没有连结的标题', href: undefined });
  });

  it('refuses a headline pointing at a slug no article has, naming the field', () => {
    expect(() => parse(file, ['our-story'])).toThrow(
      'content/headlines.yaml:10 — related.items.1.article: no article has the slug "draft-story"',
    );
  });

  it('refuses a headline with both an article and a url, and a url that is not http(s)', () => {
    const bad = file
      .replace('      article: draft-story', '      article: draft-story\n      url: https://example.com/')
      .replace('https://example.com/news/1', 'javascript:alert(1)');
    try {
      parse(bad);
      throw new Error('expected a ContentError');
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      const fields = error.problems.map((problem) => problem.field);
      expect(fields).toEqual(['related.items.1', 'hot.items.0.url']);
    }
  });

  it('refuses a time without an offset', () => {
    expect(() => parse(file.replace('16:01:00+08:00', '16:01:00'))).toThrow('related.items.0.time');
  });
});
