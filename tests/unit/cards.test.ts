import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cachedCard, cardCacheSettings, pruneCardCache } from '@/lib/card-cache';
import { drawableText, fontCovers } from '@/lib/card-font';
import {
  articleCardElement,
  cardMargin,
  cardSize,
  cardText,
  headlineFit,
  renderCard,
  type ArticleCardContent,
} from '@/lib/cards';

// Cards drawn here go to a cache of their own, emptied after; every test reads the pixels, not the markup.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-news-cards-'));
beforeAll(() => {
  vi.stubEnv('CARD_CACHE_DIR', cacheDir);
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

/** Sixty characters: the longest headline the newsroom writes, which must still fit whole. */
const sixty = {
  'zh-hans':
    '“因OpenAI和软银分歧，5000亿美元的星际之门项目受挫”，知情人士称两家公司在选址与电力上分歧严重至今未达成协议。',
  'zh-hant':
    '“因OpenAI和軟銀分歧，5000億美元的星際之門項目受挫”，知情人士稱兩家公司在選址與電力上分歧嚴重至今未達成協議。',
} as const;

function content(script: 'zh-hans' | 'zh-hant', headline: string): ArticleCardContent {
  return { script, headline, siteName: script === 'zh-hans' ? '同文新闻' : '同文新聞', date: '2025年7月23日' };
}

async function draw(card: ArticleCardContent): Promise<{ readonly bytes: number; readonly png: PNG }> {
  const { png } = await renderCard(card.script, articleCardElement(card));
  return { bytes: png.byteLength, png: PNG.sync.read(png) };
}

const paper = [0xfb, 0xf9, 0xf4] as const;

/** The pixels within the margins that are not the card's paper: text or anything else drawn outside the safe area. */
function inkOutsideSafeArea(png: PNG): number {
  let count = 0;
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const inside =
        x >= cardMargin.x && x < png.width - cardMargin.x && y >= cardMargin.y && y < png.height - cardMargin.y;
      if (inside) continue;
      const at = 4 * (y * png.width + x);
      if (paper.some((value, channel) => Math.abs((png.data[at + channel] ?? 0) - value) > 8)) count += 1;
    }
  }
  return count;
}

/** Dark pixels (headline ink) in a band of rows. */
function inkRows(png: PNG, fromY: number, toY: number): number {
  let count = 0;
  for (let y = fromY; y < toY; y += 1) {
    for (let x = 0; x < png.width; x += 1) if ((png.data[4 * (y * png.width + x)] ?? 255) < 80) count += 1;
  }
  return count;
}

describe('an article’s card', () => {
  it('is a PNG of 1200 × 630 under 100 KB, with a 60-character headline drawn whole inside the margins, in both scripts', async () => {
    for (const script of ['zh-hans', 'zh-hant'] as const) {
      expect(Array.from(sixty[script])).toHaveLength(60);
      const { bytes, png } = await draw(content(script, sixty[script]));
      expect([png.width, png.height]).toEqual([cardSize.width, cardSize.height]);
      expect(bytes).toBeLessThanOrEqual(100 * 1024);
      expect(inkOutsideSafeArea(png), script).toBe(0);
      // Whole at a size of its own, not cut at the smallest, and drawn across the lines it needs.
      expect(headlineFit(sixty[script], 340).fontSize).toBeGreaterThanOrEqual(56);
      expect(inkRows(png, 200, 500)).toBeGreaterThan(10_000);
    }
  });

  it('keeps a headline too long for any size inside the card, cut at its last line', async () => {
    const { png } = await draw(content('zh-hans', sixty['zh-hans'].repeat(3)));
    expect(inkOutsideSafeArea(png)).toBe(0);
  });

  it('differs between the Simplified and the Traditional page of one article', async () => {
    const hans = await draw(content('zh-hans', '“因OpenAI和软银分歧，5000亿美元的星际之门项目受挫”'));
    const hant = await draw(content('zh-hant', '“因OpenAI和軟銀分歧，5000億美元的星際之門項目受挫”'));
    expect(Buffer.compare(hans.png.data, hant.png.data)).not.toBe(0);
  });

  it('asks no one for a font or an emoji: what the font cannot draw is left out', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no font request may leave the site'));
    try {
      const headline = cardText('zh-hans', '发布会🎉开幕 👩‍💻 © 𓀀字');
      expect(headline).toBe('发布会开幕 字');
      await draw(content('zh-hans', headline));
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      fetch.mockRestore();
    }
  });
});

describe('the card font', () => {
  it('draws both scripts’ characters and knows what it lacks', () => {
    expect(fontCovers('zh-hant', '軟')).toBe(true);
    expect(fontCovers('zh-hans', '软')).toBe(true);
    expect(fontCovers('zh-hans', '🎉')).toBe(false);
    expect(drawableText('zh-hans', '软件🎉')).toBe('软件');
  });
});

describe('the card cache', () => {
  it('draws a card once: asked again for the same content, it reads the file', async () => {
    const card = articleCardElement(content('zh-hant', '快取測試'));
    const first = await renderCard('zh-hant', card);
    const again = await renderCard('zh-hant', card);
    expect(again.cached).toBe(true);
    expect(Buffer.compare(first.png, again.png)).toBe(0);
    const changed = await renderCard('zh-hant', articleCardElement(content('zh-hant', '快取測試二')));
    expect(changed.cached).toBe(false);
  });

  it('removes cards unused past the age bound, then the least recently used past the size bound', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-news-prune-'));
    const settings = {
      ...cardCacheSettings({ CARD_CACHE_DIR: dir }),
      maxBytes: 2500,
      maxAgeMs: 10 * 24 * 60 * 60 * 1000,
    };
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const store = async (key: string, usedDaysAgo: number) => {
      await cachedCard(key.padEnd(64, '0'), async () => Buffer.alloc(1000), settings);
      const file = path.join(dir, key.slice(0, 2), `${key.padEnd(64, '0')}.png`);
      fs.utimesSync(file, new Date(now - usedDaysAgo * day), new Date(now - usedDaysAgo * day));
      return file;
    };
    const stale = await store('aa1', 11);
    const oldest = await store('bb1', 3);
    const older = await store('cc1', 2);
    const newest = await store('dd1', 0);
    expect(pruneCardCache(settings, now)).toEqual({ removed: 2, kept: 2, keptBytes: 2000 });
    expect([stale, oldest, older, newest].map((file) => fs.existsSync(file))).toEqual([false, false, true, true]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
