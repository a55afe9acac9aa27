/**
 * Search terms: the one way text becomes terms, shared by the index (built on
 * the server) and the query (in the reader's browser), so both cut words alike.
 * Pure functions with no imports: lib/search/client.ts bundles this file.
 *
 * Chinese has no spaces, so a run of Han characters is cut into overlapping
 * character pairs (bigrams: 数据中心 → 数据 据中 中心), which find any word of two
 * or more characters without a dictionary; the index also keeps each character
 * alone, for one-character queries. Runs of other letters and digits are words
 * (OpenAI, 5000), lowercase. Text is folded to Simplified first
 * (lib/search/fold-map.ts), so a Traditional query meets a Simplified article.
 */

/** A query is cut to this many characters: enough for any headline, and a 10,000-character URL costs nothing. */
export const maxQueryLength = 64;

/** At most this many distinct terms of a query are looked up; each may cost a download. */
export const maxQueryTerms = 24;

/** The fields of the index, in the order of their ids, each with the weight of a match there. */
export const searchFields = ['title', 'topics', 'author', 'summary', 'body'] as const;
export type SearchField = (typeof searchFields)[number];
export const fieldWeights: Readonly<Record<SearchField, number>> = {
  title: 3,
  topics: 3,
  author: 2,
  summary: 2,
  body: 1,
};

const han = /\p{Script=Han}/u;
const wordChar = /[\p{L}\p{N}]/u;

/**
 * Folds text for search: compatibility forms to plain ones (ＡＢ → ab, full-width digits), lowercase,
 * then Traditional and regional variants to Simplified through the character map, one character at a time.
 * @example foldText('數據中心 OpenAI', map) // => '数据中心 openai'
 */
export function foldText(text: string, map: ReadonlyMap<string, string>): string {
  let out = '';
  for (const char of text.normalize('NFKC').toLowerCase()) out += map.get(char) ?? char;
  return out;
}

/** A run of folded text: Han characters, or letters and digits of any other script. */
export interface Run {
  readonly kind: 'han' | 'word';
  readonly text: string;
}

/**
 * Splits folded text into runs of Han characters and of other letters and digits; everything else separates.
 * @example splitRuns('因openai和软银') // => [{kind:'han',text:'因'},{kind:'word',text:'openai'},{kind:'han',text:'和软银'}]
 */
export function splitRuns(folded: string): Run[] {
  const runs: Run[] = [];
  let kind: Run['kind'] | undefined;
  let text = '';
  const flush = () => {
    if (kind && text) runs.push({ kind, text });
    kind = undefined;
    text = '';
  };
  for (const char of folded) {
    const next = han.test(char) ? 'han' : wordChar.test(char) ? 'word' : undefined;
    if (next !== kind) flush();
    kind = next;
    if (next) text += char;
  }
  flush();
  return runs;
}

function bigrams(chars: readonly string[]): string[] {
  return chars.slice(1).map((char, index) => `${chars[index] ?? ''}${char}`);
}

/**
 * The terms of an indexed text: every Han bigram and every Han character, every other word.
 * @example indexTerms('软银 OpenAI') // => ['软银', '软', '银', 'openai']
 */
export function indexTerms(folded: string): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(folded)) {
    if (run.kind === 'word') terms.push(run.text);
    else {
      const chars = Array.from(run.text);
      terms.push(...bigrams(chars), ...chars);
    }
  }
  return terms;
}

/**
 * The terms a query looks up: bigrams of a Han run (one character alone when that is the run), other words whole.
 * Every term must match (AND); repeats are dropped, and at most maxQueryTerms are kept.
 * @example queryTerms('数据中心 OpenAI') // => ['数据', '据中', '中心', 'openai']
 */
export function queryTerms(folded: string): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(folded)) {
    const chars = Array.from(run.text);
    terms.push(...(run.kind === 'word' || chars.length === 1 ? [run.text] : bigrams(chars)));
  }
  return [...new Set(terms)].slice(0, maxQueryTerms);
}

/**
 * The words of a query, for weighing where each matched and for marking them in results.
 * @example queryWords('孙正义 软银') // => ['孙正义', '软银']
 */
export function queryWords(folded: string): string[] {
  return [...new Set(splitRuns(folded).map((run) => run.text))];
}

/**
 * Cuts a query to maxQueryLength characters and trims it; says whether it was cut.
 * @example boundQuery('  软银  ') // => { query: '软银', cut: false }
 */
export function boundQuery(raw: string): { readonly query: string; readonly cut: boolean } {
  // A 10,000-character value is cut before any work: splitting a string into characters is linear.
  const head = raw.length > maxQueryLength * 4 ? raw.slice(0, maxQueryLength * 4) : raw;
  const chars = Array.from(head.trim());
  return { query: chars.slice(0, maxQueryLength).join('').trim(), cut: chars.length > maxQueryLength };
}

/**
 * The shard a term's postings live in: FNV-1a of its UTF-16 units, modulo the shard count.
 * @example shardOf('软银', 1) // => 0
 */
export function shardOf(term: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  // UTF-16 units, not characters (for-of would step by code point): the index and the browser hash alike.
  for (let index = 0; index < term.length; index += 1) {
    hash ^= term.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shardCount;
}

/**
 * Where the query's words stand in a shown text, as [start, end) offsets of that text, merged and in order.
 * The text is folded character by character, so a Traditional title marks a Simplified query's word.
 * @example markRanges('OpenAI與軟銀', ['软银', 'openai'], map) // => [[0, 6], [7, 9]]
 */
export function markRanges(
  text: string,
  words: readonly string[],
  map: ReadonlyMap<string, string>,
): [number, number][] {
  // Folded text, and for each of its UTF-16 units the offset in `text` of the character it came from.
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldText(char, map);
    folded += piece;
    origin.push(...new Array<number>(piece.length).fill(offset));
    offset += char.length;
  }
  origin.push(text.length);
  const ranges: [number, number][] = [];
  for (const word of words) {
    if (word === '') continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      const end = at + word.length;
      // The original end is where the character after the match starts.
      ranges.push([origin[at] ?? 0, end < origin.length - 1 ? (origin[end] ?? text.length) : text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
