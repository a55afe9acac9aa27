import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getFoldMap, serializeFoldMap } from '@/lib/search/fold-map';
import {
  boundQuery,
  foldText,
  indexTerms,
  markRanges,
  maxQueryLength,
  queryTerms,
  queryWords,
  shardOf,
  splitRuns,
} from '@/lib/search/terms';

const map = getFoldMap();
const fold = (text: string) => foldText(text, map);

describe('the fold map', () => {
  it('folds Traditional and the Taiwan and Hong Kong forms to Simplified', () => {
    expect(fold('數據中心')).toBe('数据中心');
    expect(fold('孫正義')).toBe('孙正义');
    expect(fold('軟銀 甲骨文 星際之門')).toBe('软银 甲骨文 星际之门');
    // 裡 and 裏 are Taiwan's and OpenCC's forms of 里; 説 is Hong Kong's 說.
    expect(fold('這裡')).toBe('这里');
    expect(fold('這裏')).toBe('这里');
    expect(fold('説話')).toBe('说话');
    expect(fold('說話')).toBe('说话');
  });

  it('folds 着 and 著 alike, in the query as in the index, whichever a writer chose', () => {
    expect(fold('著')).toBe(fold('着'));
    expect(fold('顯著')).toBe(fold('显着'));
  });

  it('leaves Simplified text as it is', () => {
    expect(fold('孙正义与软银的数据中心')).toBe('孙正义与软银的数据中心');
  });

  it('lowercases Latin letters and makes full-width letters and digits plain', () => {
    expect(fold('OpenAI ＣｈａｔＧＰＴ ５０００')).toBe('openai chatgpt 5000');
  });

  it('is a few thousand pairs, within the 20 KB gzipped a search page may spend on it', () => {
    expect(map.size).toBeGreaterThan(3000);
    expect(gzipSync(serializeFoldMap(map), { level: 9 }).byteLength).toBeLessThanOrEqual(20 * 1024);
  });

  it('holds single characters only, each folding to a single character', () => {
    expect(
      [...map].filter(([source, target]) => Array.from(source).length !== 1 || Array.from(target).length !== 1),
    ).toEqual([]);
  });
});

describe('splitRuns', () => {
  it('cuts Han characters from other letters and digits, and drops punctuation and spaces', () => {
    expect(splitRuns('因openai和软银分歧，5000亿')).toEqual([
      { kind: 'han', text: '因' },
      { kind: 'word', text: 'openai' },
      { kind: 'han', text: '和软银分歧' },
      { kind: 'word', text: '5000' },
      { kind: 'han', text: '亿' },
    ]);
  });
});

describe('indexTerms and queryTerms', () => {
  it('index every Han bigram and every Han character, and Latin words whole', () => {
    expect(indexTerms('软银 openai')).toEqual(['软银', '软', '银', 'openai']);
    expect(indexTerms('数据中心')).toEqual(['数据', '据中', '中心', '数', '据', '中', '心']);
  });

  it('look a word up by its bigrams, and a lone character by itself', () => {
    expect(queryTerms('数据中心')).toEqual(['数据', '据中', '中心']);
    expect(queryTerms('银')).toEqual(['银']);
    expect(queryTerms('openai 5000亿美元')).toEqual(['openai', '5000', '亿美', '美元']);
  });

  it('find every query term among the index terms of a text that holds the query', () => {
    const text = fold('OpenAI與軟銀在多個關鍵合作條款上分歧嚴重，耗資5000億美元');
    const indexed = new Set(indexTerms(text));
    for (const query of ['软银', '關鍵合作', 'openai', '5000億', '分歧嚴重', '银']) {
      for (const term of queryTerms(fold(query))) expect(indexed, `${query}: ${term}`).toContain(term);
    }
  });

  it('drop repeats and keep at most 24 terms of a long query', () => {
    expect(queryTerms('软银 软银')).toEqual(['软银']);
    expect(queryTerms('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄')).toHaveLength(24);
  });
});

describe('queryWords', () => {
  it('gives the words of a query, for weighing and marking', () => {
    expect(queryWords('孙正义 软银，openai')).toEqual(['孙正义', '软银', 'openai']);
  });
});

describe('boundQuery', () => {
  it('trims a query and keeps it whole when it is short', () => {
    expect(boundQuery('  数据中心 ')).toEqual({ query: '数据中心', cut: false });
  });

  it('cuts a 10,000-character query to the first 64 characters at once', () => {
    const started = performance.now();
    const { query, cut } = boundQuery('数'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(50);
    expect(Array.from(query)).toHaveLength(maxQueryLength);
    expect(cut).toBe(true);
  });

  it('counts characters, not UTF-16 units, so an astral character is never cut in half', () => {
    const { query } = boundQuery('𠀀'.repeat(100));
    expect(Array.from(query).every((char) => char === '𠀀')).toBe(true);
  });
});

describe('shardOf', () => {
  it('gives a term the same shard every time, within the shard count', () => {
    expect(shardOf('软银', 64)).toBe(shardOf('软银', 64));
    for (const term of ['软银', 'openai', '数据', '银']) {
      expect(shardOf(term, 64)).toBeGreaterThanOrEqual(0);
      expect(shardOf(term, 64)).toBeLessThan(64);
    }
    expect(shardOf('软银', 1)).toBe(0);
  });
});

describe('markRanges', () => {
  it('marks a Simplified query’s words in a Traditional text', () => {
    const text = 'OpenAI與軟銀在數據中心上分歧';
    const ranges = markRanges(text, queryWords(fold('openai 数据中心')), map);
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['OpenAI', '數據中心']);
  });

  it('merges overlapping matches and finds each occurrence', () => {
    const text = '軟銀，軟銀集團';
    expect(markRanges(text, ['软银', '银集'], map).map(([start, end]) => text.slice(start, end))).toEqual([
      '軟銀',
      '軟銀集',
    ]);
  });

  it('keeps offsets of the shown text when folding changes a character’s length', () => {
    const text = 'ＣｈａｔＧＰＴ產品';
    expect(markRanges(text, ['chatgpt'], map).map(([start, end]) => text.slice(start, end))).toEqual([
      'ＣｈａｔＧＰＴ',
    ]);
  });
});
