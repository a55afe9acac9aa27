import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { articleConverter, renderArticleBody, viewArticle } from '@/lib/article-view';
import { convertText } from '@/lib/convert';

function article(script: 'zh-hans' | 'zh-hant', fields: string, body: string) {
  return parseArticle(
    `content/articles/${script}-story.md`,
    `---\n${fields.includes('title:') ? '' : 'title: 标题\n'}date: 2025-07-23\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: ${script}\n${fields}---\n\n${body}\n`,
  );
}

describe('what opencc-js gets wrong on its own', () => {
  it('reads the surname 于 as the preposition 於, and 发 in a song title as 發', () => {
    expect(convertText('于小姐唱《发如雪》', 'zh-hans', 'zh-hant')).toBe('於小姐唱《發如雪》');
  });

  it('turns the surname 於 into the preposition 于 when going to Simplified', () => {
    expect(convertText('於老師說', 'zh-hant', 'zh-hans')).toBe('于老师说');
  });
});

describe('{{…}} keeps a span exactly as written in both scripts', () => {
  it('in Simplified to Traditional, and without showing the braces', () => {
    expect(convertText('{{于}}小姐的头发', 'zh-hans', 'zh-hant')).toBe('于小姐的頭髮');
  });

  it('in Traditional to Simplified', () => {
    expect(convertText('{{於梨華}}的小說', 'zh-hant', 'zh-hans')).toBe('於梨華的小说');
  });

  it('on a page in the article’s own script too', () => {
    expect(convertText('{{于}}小姐', 'zh-hans', 'zh-hans')).toBe('于小姐');
  });

  it('in the title and in the body', () => {
    const story = article('zh-hans', 'title: "{{于}}小姐的新歌"\n', '{{于}}小姐在台上。');
    expect(viewArticle(story, 'zh-hant').title).toBe('于小姐的新歌');
    expect(renderArticleBody(story, 'zh-hant')).toBe('<p>于小姐在臺上。</p>\n');
    expect(renderArticleBody(story, 'zh-hans')).toBe('<p>于小姐在台上。</p>\n');
  });
});

describe('an article’s conversions table forces its entries before opencc-js', () => {
  it('from Simplified, in title and body', () => {
    const story = article(
      'zh-hans',
      'title: 于小姐唱发如雪\nconversions:\n  于小姐: 于小姐\n  发如雪: 髮如雪\n',
      '于小姐唱《发如雪》，后来出了新专辑。',
    );
    expect(viewArticle(story, 'zh-hant').title).toBe('于小姐唱髮如雪');
    expect(renderArticleBody(story, 'zh-hant')).toBe('<p>于小姐唱《髮如雪》，後來出了新專輯。</p>\n');
  });

  it('from Traditional', () => {
    const story = article('zh-hant', 'title: 於老師的小說\nconversions:\n  於老師: 於老师\n', '於老師於是寫了一本書。');
    expect(viewArticle(story, 'zh-hans').title).toBe('於老师的小说');
    expect(renderArticleBody(story, 'zh-hans')).toBe('<p>於老师于是写了一本书。</p>\n');
  });

  it('does not touch the page in the article’s own script', () => {
    const story = article('zh-hans', 'conversions:\n  发: 髮\n', '头发');
    expect(articleConverter(story, 'zh-hans')('头发')).toBe('头发');
  });
});
