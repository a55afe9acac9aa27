import { describe, expect, it } from 'vitest';
import { charactersPerMinute, countReadingUnits, estimateReadingMinutes } from '@/lib/reading-time';

describe('countReadingUnits', () => {
  it('counts each Chinese character, in either script', () => {
    expect(countReadingUnits('软件')).toBe(2);
    expect(countReadingUnits('軟體與數據')).toBe(5);
  });

  it('counts a run of Latin letters or digits as one, decimals and thousands included', () => {
    expect(countReadingUnits('OpenAI与软银')).toBe(4);
    expect(countReadingUnits('建设4.5吉瓦、1,000座')).toBe(7);
    expect(countReadingUnits('the Stargate project')).toBe(3);
  });

  it('does not count punctuation, quotes or spaces', () => {
    expect(countReadingUnits('“星际之门”，。！？《》 —— …')).toBe(4);
    expect(countReadingUnits('')).toBe(0);
    expect(countReadingUnits(' \n\t，。')).toBe(0);
  });

  it('counts kana and Hangul by the character as well', () => {
    expect(countReadingUnits('ソフトバンク와')).toBe(7);
  });
});

describe('estimateReadingMinutes', () => {
  it(`reads ${charactersPerMinute} characters a minute, rounded to whole minutes`, () => {
    expect(estimateReadingMinutes('字'.repeat(charactersPerMinute * 5))).toBe(5);
    expect(estimateReadingMinutes('字'.repeat(charactersPerMinute * 2.4))).toBe(2);
    expect(estimateReadingMinutes('字'.repeat(charactersPerMinute * 2.6))).toBe(3);
  });

  it('never says less than a minute, even for an empty text', () => {
    expect(estimateReadingMinutes('短讯。')).toBe(1);
    expect(estimateReadingMinutes('')).toBe(1);
  });

  it('takes a word count, not a letter count, for English in the text', () => {
    const english = 'word '.repeat(charactersPerMinute * 3);
    expect(estimateReadingMinutes(english)).toBe(3);
  });
});
