// What a link-preview card costs, through the site's own modules; prints one JSON line.
// Usage: tsx --conditions=react-server tests/bench/cards.ts <cache dir> [count]
//   Draws `count` article cards (default 40: the archive's articles in both scripts, photos
//   included) into an empty cache (cold: font subset, satori, resvg, the write), then asks for
//   the same cards again (warm: the hash of what each shows, one file read). The first card of
//   the process is timed apart: it loads the WebAssembly of hb-subset and resvg.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { getArticles } from '@/lib/articles';
import { articleCard } from '@/lib/cards';
import { scripts } from '@/lib/script';

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const [cacheDir = '', countArgument = '40'] = process.argv.slice(2);
if (cacheDir === '') {
  console.error('usage: cards.ts <cache dir> [count]');
  process.exit(2);
}

async function main(): Promise<void> {
  // An empty cache of its own: the cold pass draws every card.
  fs.rmSync(cacheDir, { recursive: true, force: true });
  process.env.CARD_CACHE_DIR = cacheDir;
  const count = Number(countArgument);
  const pairs = getArticles()
    .flatMap((article) => scripts.map((script) => ({ article, script })))
    .slice(0, count + 1);
  const [first, ...rest] = pairs;
  if (!first) throw new Error('no published article to draw a card of');
  const timed = async (pair: (typeof pairs)[number]) => {
    const started = performance.now();
    const card = await articleCard(pair.article, pair.script);
    return { ms: performance.now() - started, bytes: card.png.byteLength, cached: card.cached };
  };
  const firstCard = await timed(first);
  const cold = [];
  for (const pair of rest) cold.push(await timed(pair));
  const warm = [];
  for (const pair of rest) warm.push(await timed(pair));
  const sizes = cold.map((card) => card.bytes);
  console.log(
    JSON.stringify({
      cards: rest.length,
      firstMs: firstCard.ms,
      coldMedianMs: median(cold.map((card) => card.ms)),
      coldMeanMs: cold.reduce((sum, card) => sum + card.ms, 0) / Math.max(1, cold.length),
      warmMedianMs: median(warm.map((card) => card.ms)),
      warmMeanMs: warm.reduce((sum, card) => sum + card.ms, 0) / Math.max(1, warm.length),
      coldAllDrawn: cold.every((card) => !card.cached),
      warmAllCached: warm.every((card) => card.cached),
      maxBytes: Math.max(0, ...sizes),
      meanBytes: sizes.reduce((sum, size) => sum + size, 0) / Math.max(1, sizes.length),
    }),
  );
}

void main();
