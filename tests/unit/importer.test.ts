import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { parseHeadlines } from '@/lib/headlines';
import {
  fullWidthPunctuation,
  inferDate,
  parseScrapedPage,
  removePinyin,
  renderImportedArticle,
  renderImportedHeadlines,
  repairMojibake,
} from '@/lib/editor/importer';

const seed = fs.readFileSync('tests/fixtures/seeds/000_adbbf3d7297cd76b.txt', 'utf8');
// The importer's output as committed to the reader fixture site, and the headline lists it must find:
// fixtures, so an editor's work in content/ never fails these tests.
const committedFile = 'tests/fixtures/sites/reader/articles/seed-article.md';
const committed = fs.readFileSync(committedFile, 'utf8');
const expectedHeadlinesFile = 'tests/fixtures/seeds/000_adbbf3d7297cd76b.headlines.yaml';
const bodyOf = (file: string) => file.slice(file.indexOf('\n---\n', 4) + 5);

describe('repairing a scraped page', () => {
  it('removes pinyin after characters and keeps Latin names in parentheses', () => {
    expect(removePinyin('觀察者網(wǎng)與開放人工智能研究中心(OpenAI)(AI)')).toEqual({
      text: '觀察者網與開放人工智能研究中心(OpenAI)(AI)',
      removed: ['wǎng'],
    });
  });

  it('restores 。” where a one-byte GBK slip left ?! and shifted the next character', () => {
    expect(repairMojibake('“這標志著我們的黃金時代開始了?!睂O正義在白宮說道。').text).toBe(
      '“這標志著我們的黃金時代開始了。”孫正義在白宮說道。',
    );
    expect(repairMojibake('“他們確實沒錢?!?').text).toBe('“他們確實沒錢。”');
  });

  it('flags a ?! it cannot decode instead of guessing', () => {
    expect(repairMojibake('奇怪?!的句子')).toMatchObject({ unrepaired: true, repaired: 0 });
  });

  it('makes punctuation full-width inside Chinese text and leaves numbers and Latin text alone', () => {
    expect(fullWidthPunctuation('比如,OpenAI提到了4.5吉瓦,算上A,B兩家:“好!”').text).toBe(
      '比如，OpenAI提到了4.5吉瓦，算上A,B兩家：“好！”',
    );
  });
});

describe('importing the Stargate seed', () => {
  const page = parseScrapedPage(seed);
  const imported = renderImportedArticle(page, { date: inferDate(page) ?? '' });

  it('reproduces the body of the fixture’s copy exactly', () => {
    expect(bodyOf(imported)).toBe(bodyOf(committed));
  });

  it('finds the headline, byline, editor and copyright, and takes the date from the lists', () => {
    const article = parseArticle('content/articles/imported.md', imported);
    const original = parseArticle(committedFile, committed);
    expect(article).toMatchObject({
      title: original.title,
      author: '王一',
      source: '觀察者網',
      editor: '賴家琪',
      copyright: original.copyright,
      script: 'zh-hant',
      draft: true,
    });
    expect(article.date.iso).toBe('2025-07-23');
  });

  it('finds the related and hot headline lists of the page, in order', () => {
    const headlines = parseHeadlines('imported.yaml', renderImportedHeadlines(page, 'zh-hant'), new Set());
    const expected = parseHeadlines(expectedHeadlinesFile, fs.readFileSync(expectedHeadlinesFile, 'utf8'), new Set());
    expect(headlines).toEqual(expected);
  });

  it('reports its repairs and places every line', () => {
    expect(page.repairs.filter((repair) => repair.kind === 'mojibake').map((repair) => repair.line)).toEqual([
      18, 21, 23,
    ]);
    expect(page.repairs.filter((repair) => repair.kind === 'pinyin').length).toBeGreaterThan(90);
    expect(page.unplaced).toEqual([]);
    expect(page.unrepaired).toEqual([]);
  });

  it('reports a line it cannot place', () => {
    const odd = parseScrapedPage(seed.replace('最新聞 Hot', '一行不屬於任何列表的文字\n最新聞 Hot'));
    expect(odd.unplaced.map((line) => line.text)).toEqual(['一行不屬於任何列表的文字']);
    expect(odd.unplaced[0]?.line).toBeGreaterThan(0);
  });
});
