import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '@/lib/articles';
import { ContentError } from '@/lib/content';
import { foldTopic, indexTopics, moreOnTopics, parseTopicSlugs, slugFromPinyin, topicsOf } from '@/lib/topics';

function article(slug: string, date: string, script: 'zh-hans' | 'zh-hant', topics: readonly string[]): Article {
  return parseArticle(
    `content/articles/${slug}.md`,
    `---\ntitle: 标题\ndate: ${date}\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: ${script}\ntopics: [${topics.join(', ')}]\n---\n正文。\n`,
  );
}

// Newest first, as getArticles gives them.
const newest = article('newest', '2026-03-01', 'zh-hant', ['數據中心', '軟銀']);
const middle = article('middle', '2026-02-01', 'zh-hans', ['数据中心']);
const older = article('older', '2026-01-01', 'zh-hans', ['软银', '芯片']);
const oldest = article('oldest', '2025-12-01', 'zh-hant', ['芯片']);
const articles = [newest, middle, older, oldest];

describe('topics', () => {
  it('are one topic in both scripts, known by the Simplified name', () => {
    expect(foldTopic('數據中心')).toBe('数据中心');
    expect(foldTopic('数据中心')).toBe('数据中心');
    const index = indexTopics(articles, new Map());
    expect(index.byName.get('数据中心')?.articles.map((a) => a.slug)).toEqual(['newest', 'middle']);
  });

  it('get an ASCII slug from pinyin, the same in both scripts', () => {
    expect(slugFromPinyin('数据中心')).toBe('shu-ju-zhong-xin');
    expect(slugFromPinyin('5G网络')).toBe('5g-wang-luo');
    expect(slugFromPinyin(foldTopic('重慶'))).toBe('chong-qing');
    expect(
      indexTopics(articles, new Map())
        .all.map((topic) => topic.slug)
        .sort(),
    ).toEqual(['ruan-yin', 'shu-ju-zhong-xin', 'xin-pian']);
  });

  it('take the slug an editor chose in topics.yaml, written in either script', () => {
    const overrides = parseTopicSlugs('content/topics.yaml', '數據中心: data-centers\n');
    expect(indexTopics(articles, overrides).byName.get('数据中心')?.slug).toBe('data-centers');
  });

  it('refuse a slug in topics.yaml that is not lowercase ASCII', () => {
    expect(() => parseTopicSlugs('content/topics.yaml', '数据中心: 数据\n')).toThrow(ContentError);
  });

  it('report two topics that would share a URL, naming both', () => {
    const overrides = parseTopicSlugs('content/topics.yaml', '芯片: ruan-yin\n');
    const { problems } = indexTopics(articles, overrides);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('the topics “芯片” and “软银” would share the URL /topics/ruan-yin');
  });

  it('list the topics of an article in its own order', () => {
    expect(topicsOf(newest, indexTopics(articles, new Map())).map((topic) => topic.name)).toEqual(['数据中心', '软银']);
  });

  it('offer up to five newest articles sharing a topic, the article itself left out', () => {
    const index = indexTopics(articles, new Map());
    expect(moreOnTopics(newest, index).map((a) => a.slug)).toEqual(['middle', 'older']);
    expect(moreOnTopics(oldest, index).map((a) => a.slug)).toEqual(['older']);
    expect(moreOnTopics(newest, index, 1).map((a) => a.slug)).toEqual(['middle']);
  });
});
