import 'server-only';
import { from, to } from 'opencc-js/preset/t2cn';
import type { DictGroup } from 'opencc-js/core';
import { memo } from '../memo';

/**
 * The character map that folds text to Simplified for search, made from
 * opencc-js's own tables: Taiwan and Hong Kong variants to OpenCC's standard
 * Traditional (裡 → 裏, 説 → 說, 著 → 着), then Traditional to Simplified
 * (裏 → 里, 說 → 说), each character to its first candidate. It is about 3,500
 * pairs, small enough for the search page (lib/search/client.ts); opencc-js's
 * Simplified-to-Traditional data is a hundred times larger and never leaves the
 * server. Phrases are left out: a character map folds the index and the query
 * alike, and alike is what matching needs.
 */

/** The one-character entries of a table group: `source target…` pairs, first target kept. */
function characterPairs(groups: readonly DictGroup[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const group of groups) {
    for (const dict of group) {
      const entries =
        typeof dict === 'string'
          ? dict.split('|').map((entry) => entry.split(' '))
          : dict.map(([key, value]) => [key, value]);
      for (const [key = '', value = ''] of entries) {
        const target = Array.from(value)[0];
        if (Array.from(key).length === 1 && target !== undefined && !pairs.has(key)) pairs.set(key, target);
      }
    }
  }
  return pairs;
}

/** Every character that folds, to the Simplified character it folds to. */
export const getFoldMap = memo('search-fold-map', (): ReadonlyMap<string, string> => {
  // Taiwan first: the site's Traditional is Taiwan's (lib/convert.ts); Hong Kong adds its own forms.
  const variants = characterPairs([...(from.tw ?? []), ...(from.hk ?? [])]);
  const simplified = characterPairs(to.cn ?? []);
  const map = new Map<string, string>();
  for (const char of new Set([...variants.keys(), ...simplified.keys()])) {
    const standard = variants.get(char) ?? char;
    const folded = simplified.get(standard) ?? standard;
    if (folded !== char) map.set(char, folded);
  }
  return map;
});

/**
 * The map as the browser receives it: source and target characters one after the other, in one string.
 * @example serializeFoldMap(new Map([['萬', '万'], ['裡', '里']])) // => '萬万裡里'
 */
export function serializeFoldMap(map: ReadonlyMap<string, string>): string {
  return [...map].map(([source, target]) => source + target).join('');
}
