import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { memo } from './memo';

/**
 * The link-preview cards' cache: each card's PNG on disk under the SHA-256 of
 * everything it shows (the card's element tree with its text, colours and
 * photo, the font, the renderer's version), so a build draws only the cards
 * that are new or changed and reads the rest. A card is the same for every
 * build folder and origin, so every build of the project shares one cache:
 * `npm run build`, `npm run export`, the fixture sites and the bench.
 *
 * Bounds: a card not used by any build for CARD_CACHE_MAX_DAYS (30) is
 * removed, and past CARD_CACHE_MAX_MB (2048) the least recently used cards go
 * first; a build touches every card it uses, so its own cards go last. The
 * first card lookup of each build process prunes, once.
 */

export interface CardCacheSettings {
  /** CARD_CACHE_DIR, default `.cache/cards` in the project. */
  readonly dir: string;
  /** CARD_CACHE=off draws every card afresh (the bench's cold runs). */
  readonly enabled: boolean;
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

const day = 24 * 60 * 60 * 1000;

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return number;
}

/** The cache's settings from the environment. */
export function cardCacheSettings(env: Readonly<Record<string, string | undefined>> = process.env): CardCacheSettings {
  const dir = env.CARD_CACHE_DIR?.trim() ?? '';
  return {
    dir: path.resolve(/* turbopackIgnore: true */ process.cwd(), dir === '' ? path.join('.cache', 'cards') : dir),
    enabled: env.CARD_CACHE !== 'off',
    maxBytes: positiveNumber(env.CARD_CACHE_MAX_MB, 2048, 'CARD_CACHE_MAX_MB') * 2 ** 20,
    maxAgeMs: positiveNumber(env.CARD_CACHE_MAX_DAYS, 30, 'CARD_CACHE_MAX_DAYS') * day,
  };
}

/** The key of a card: the SHA-256 of what it shows, in hex. @example cardKey('a').length // => 64 */
export function cardKey(shown: string): string {
  return createHash('sha256').update(shown).digest('hex');
}

/** Where a key's PNG lives: two hex digits of fan-out, so no folder holds 20,000 files. */
function cardFile(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.png`);
}

interface CacheEntry {
  readonly file: string;
  readonly bytes: number;
  readonly usedAt: number;
}

function listEntries(dir: string): CacheEntry[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    const file = path.join(entry.parentPath, entry.name);
    try {
      const stat = fs.statSync(file);
      return [{ file, bytes: stat.size, usedAt: stat.mtimeMs }];
    } catch {
      // Removed meanwhile by another build process pruning the same cache.
      return [];
    }
  });
}

/** What a prune removed and kept. */
export interface PruneResult {
  readonly removed: number;
  readonly kept: number;
  readonly keptBytes: number;
}

/**
 * Removes cards unused for longer than the age bound, leftovers of interrupted
 * writes, then the least recently used cards until the cache fits its size bound.
 */
export function pruneCardCache(settings: CardCacheSettings, now: number = Date.now()): PruneResult {
  let removed = 0;
  const remove = (file: string) => {
    fs.rmSync(file, { force: true });
    removed += 1;
  };
  const live: CacheEntry[] = [];
  for (const entry of listEntries(settings.dir)) {
    const stale = now - entry.usedAt > settings.maxAgeMs;
    const leftover = !entry.file.endsWith('.png') && now - entry.usedAt > 60 * 60 * 1000;
    if (stale || leftover) remove(entry.file);
    else if (entry.file.endsWith('.png')) live.push(entry);
  }
  let bytes = live.reduce((sum, entry) => sum + entry.bytes, 0);
  const byUse = live.toSorted((a, b) => a.usedAt - b.usedAt);
  let kept = byUse.length;
  for (const entry of byUse) {
    if (bytes <= settings.maxBytes) break;
    remove(entry.file);
    bytes -= entry.bytes;
    kept -= 1;
  }
  return { removed, kept, keptBytes: bytes };
}

// Once per process and cache folder: each build worker prunes before its first card.
const pruneOnce = memo('card-cache-pruned', (dir: string, maxBytes: number, maxAgeMs: number): PruneResult =>
  pruneCardCache({ dir, enabled: true, maxBytes, maxAgeMs }),
);

/** Marks a card as used now, for the bounds: a card this build used is pruned last. */
function touch(file: string): void {
  const now = new Date();
  try {
    fs.utimesSync(/* turbopackIgnore: true */ file, now, now);
  } catch {
    // Pruned by another build process since it was read: it is drawn again next time.
  }
}

/** A card's PNG and whether it came from the cache. */
export interface CachedCard {
  readonly png: Buffer;
  readonly cached: boolean;
}

/**
 * The PNG under `key`, from the cache when there, else drawn by `draw` and
 * stored (written to a temporary name and renamed, so a reader in another
 * build process never sees half a file).
 */
export async function cachedCard(
  key: string,
  draw: () => Promise<Buffer>,
  settings: CardCacheSettings = cardCacheSettings(),
): Promise<CachedCard> {
  if (!settings.enabled) return { png: await draw(), cached: false };
  pruneOnce(settings.dir, settings.maxBytes, settings.maxAgeMs);
  const file = cardFile(settings.dir, key);
  try {
    const png = fs.readFileSync(/* turbopackIgnore: true */ file);
    touch(file);
    return { png, cached: true };
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  const png = await draw();
  fs.mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(/* turbopackIgnore: true */ temporary, png);
  fs.renameSync(/* turbopackIgnore: true */ temporary, file);
  return { png, cached: false };
}
