import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { renderArticleBody } from '@/lib/article-view';
import { parseHeadlines } from '@/lib/headlines';

/*
 * The one test that reads content/: the newsroom's Stargate article, checked for
 * the repairs of the scraped page it was made from (no pinyin, no mojibake,
 * full-width punctuation, the source's byline and words). It pins nothing an
 * editor may change: not how many paragraphs or headlines there are, nor the
 * title or the summary. Counts are the fixture sites' business (tests/fixtures/sites/).
 */
const articleFile = 'content/articles/stargate-openai-softbank-rift.md';
const article = parseArticle(articleFile, fs.readFileSync(articleFile, 'utf8'));
const seed = fs.readFileSync('tests/fixtures/seeds/000_adbbf3d7297cd76b.txt', 'utf8').split('\n');

const html = renderArticleBody(article, 'zh-hant');
const bodyText = html.replace(/<figure[\s\S]*?<\/figure>/g, '').replace(/<[^>]+>/g, '');
const visibleText = [article.title, article.summary, article.copyright ?? '', html.replace(/<[^>]+>/g, '')].join('\n');

// The scrape's damage: pinyin after characters, and "。”" read in the wrong encoding.
const pinyin = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const pinyinAfterHan = /\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u;
const mojibake = /[睂�]|\?!/u;
const halfWidthInChinese = /(?<=[\p{Script=Han}“”‘’《》，。])[,:;?!]|[,:;?!](?=[\p{Script=Han}“”‘’《》])/u;

/** Han characters, Latin letters and digits only: what must survive the repair unchanged. */
function words(text: string): string {
  return text.replace(/[^\p{Script=Han}A-Za-z0-9.]/gu, '');
}

/** The source's body: from the byline to the copyright line, without the photo credit, its damage undone by hand. */
function seedBody(): string {
  const start = seed.findIndex((line) => line.startsWith('【文/觀察者網'));
  const end = seed.findIndex((line) => line.startsWith('本文系'));
  return seed
    .slice(start, end)
    .filter((line) => !line.includes('視覺中國'))
    .map((line) => line.replace('【文/觀察者網(wǎng) 王一】', '').replace(pinyin, '').replace('?!睂O', '。”孫'))
    .join('\n');
}

describe('the Stargate article in content/', () => {
  it('carries the byline, source, editor and date of the scraped page', () => {
    expect(article).toMatchObject({ author: '王一', source: '觀察者網', editor: '賴家琪', script: 'zh-hant' });
    expect(article.date.iso).toBe('2025-07-23');
  });

  it('has the words of the source’s body, in order, however the paragraphs are split', () => {
    expect(words(bodyText)).toBe(words(seedBody()));
  });

  it('has no pinyin after characters, no mojibake and no half-width punctuation inside Chinese text', () => {
    expect(visibleText).not.toMatch(pinyinAfterHan);
    expect(visibleText).not.toMatch(mojibake);
    expect(visibleText).not.toMatch(halfWidthInChinese);
  });

  it('closes the three quotes the encoding damaged with 。”', () => {
    expect(html).toContain('開始了。”孫正義');
    expect(html).toContain('尚未形成。”');
    expect(html).toContain('確實沒錢。”');
  });

  it('leaves numbers and Latin names in parentheses as they are', () => {
    for (const kept of ['4.5吉瓦', '5000億美元', '(OpenAI)', '(CoreWeave)', 'ChatGPT']) expect(html).toContain(kept);
  });

  it('keeps the photo caption apart from the body, with its credit marked', () => {
    expect(html).toMatch(
      /<figure class="caption-only">\n<figcaption>[^<]+<span class="credit">視覺中國<\/span><\/figcaption>\n<\/figure>/,
    );
    expect(bodyText).not.toContain('視覺中國');
  });
});

describe('content/headlines.yaml', () => {
  const slugs = new Set(
    fs
      .readdirSync('content/articles')
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.basename(name, '.md')),
  );
  const headlines = parseHeadlines('content/headlines.yaml', fs.readFileSync('content/headlines.yaml', 'utf8'), slugs);
  const titles = [...headlines.related.items, ...headlines.hot.items].map((headline) => headline.title);

  it('parses, and links only to articles that exist', () => {
    expect(titles.length).toBeGreaterThan(0);
  });

  it('carries none of the scrape’s damage', () => {
    for (const title of titles) {
      expect(title).not.toMatch(pinyinAfterHan);
      expect(title).not.toMatch(mojibake);
      expect(title).not.toMatch(halfWidthInChinese);
    }
  });
});
