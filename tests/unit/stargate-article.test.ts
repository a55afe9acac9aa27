import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { getReadingMinutes, renderArticleBody } from '@/lib/article-view';
import { parseHeadlines } from '@/lib/headlines';

// The committed Stargate article, checked against the scraped page it was made from.
const articleFile = 'content/articles/stargate-openai-softbank-rift.md';
const article = parseArticle(articleFile, fs.readFileSync(articleFile, 'utf8'));
const headlines = parseHeadlines('content/headlines.yaml', fs.readFileSync('content/headlines.yaml', 'utf8'), new Set([article.slug]));
const seed = fs.readFileSync('tests/fixtures/seeds/000_adbbf3d7297cd76b.txt', 'utf8').split('\n');

const html = renderArticleBody(article, 'zh-hant');
const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1] ?? '');
const visibleText = [
  article.title,
  article.summary,
  article.copyright ?? '',
  html.replace(/<[^>]+>/g, ''),
  ...headlines.related.items.map((headline) => headline.title),
  ...headlines.hot.items.map((headline) => headline.title),
].join('\n');

// The scrape's damage: pinyin after characters, and "。”" read in the wrong encoding.
const pinyinAfterHan = /\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u;
const halfWidthInChinese = /(?<=[\p{Script=Han}“”‘’《》，。])[,:;?!]|[,:;?!](?=[\p{Script=Han}“”‘’《》])/u;

/** Han characters, Latin letters and digits only: what must survive the repair unchanged. */
function words(text: string): string {
  return text.replace(/[^\p{Script=Han}A-Za-z0-9.]/gu, '');
}

describe('the Stargate article', () => {
  it('carries the byline, date and editor of the source', () => {
    expect(article).toMatchObject({ author: '王一', source: '觀察者網', editor: '賴家琪', script: 'zh-hant', draft: false });
    expect(article.date.iso).toBe('2025-07-23');
    expect(article.title).toBe('“因OpenAI和軟銀分歧，5000億美元的星際之門項目受挫”');
  });

  it('has every one of the 20 body paragraphs of the source, word for word', () => {
    const start = seed.findIndex((line) => line.startsWith('【文/觀察者網'));
    const end = seed.findIndex((line) => line.startsWith('本文系'));
    const sourceParagraphs = seed
      .slice(start, end)
      .filter((line) => !line.includes('視覺中國'))
      .map((line) =>
        line
          .replace('【文/觀察者網(wǎng) 王一】', '')
          .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '')
          .replace('?!睂O', '。”孫'),
      );
    expect(paragraphs).toHaveLength(20);
    expect(paragraphs.map(words)).toEqual(sourceParagraphs.map(words));
  });

  it('keeps the photo caption apart from the body, with its credit marked', () => {
    expect(html).toContain(
      '<figure class="caption-only">\n<figcaption>今年2月，孫正義與奧爾特曼共同出席記者會。<span class="credit">視覺中國</span></figcaption>\n</figure>',
    );
    expect(paragraphs.some((paragraph) => paragraph.includes('視覺中國'))).toBe(false);
  });

  it('keeps the copyright line', () => {
    expect(article.copyright).toBe('本文系觀察者網獨家稿件，未經授權，不得轉載。');
  });

  it('has no pinyin after characters, no mojibake, no half-width punctuation inside Chinese text', () => {
    expect(visibleText).not.toMatch(pinyinAfterHan);
    expect(visibleText).not.toMatch(/[睂�]|\?!/u);
    expect(visibleText).not.toMatch(halfWidthInChinese);
  });

  it('closes the three damaged quotes with 。”', () => {
    expect(html).toContain('“這標志著我們的黃金時代開始了。”孫正義在白宮說道。');
    expect(html).toContain('“‘星際之門’尚未形成。”');
    expect(html).toContain('“他們確實沒錢。”');
  });

  it('leaves numbers and Latin names as they are', () => {
    for (const kept of ['4.5吉瓦', '5000億美元', '(OpenAI)', '(CoreWeave)', 'ChatGPT', 'WeWork', 'Katerra', 'MGX', 'Arm']) {
      expect(html).toContain(kept);
    }
  });
});

describe('the Stargate article’s reading time', () => {
  it('is four minutes for its roughly 1,500 characters, the same in both scripts', () => {
    expect(getReadingMinutes(article)).toBe(4);
  });
});

describe('the Stargate headlines', () => {
  it('lists the 20 related headlines, each with its Beijing time, and topics where the source gives one', () => {
    expect(headlines.related.items).toHaveLength(20);
    expect(headlines.related.items.every((headline) => headline.time?.endsWith('+08:00'))).toBe(true);
    expect(headlines.related.items[0]).toEqual({
      title: '阿塞拜疆總統喊話烏克蘭，克宮回應',
      time: '2025-07-23T16:01:00+08:00',
      topic: '俄羅斯之聲',
    });
    expect(headlines.related.items.filter((headline) => headline.topic === undefined)).toHaveLength(4);
  });

  it('lists the 16 hot headlines, one of them this article under another title', () => {
    expect(headlines.hot.items).toHaveLength(16);
    expect(headlines.hot.items.filter((headline) => headline.article === article.slug)).toEqual([
      { title: '兩大投資方打架，特朗普5000億美元的“星際之門”不妙了', article: article.slug },
    ]);
  });
});
