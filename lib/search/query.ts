import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import { boundQuery, fieldWeights, foldText, queryTerms, queryWords, searchFields, shardOf } from './terms';

/**
 * Answering a query from the index's files: which shards it needs, the articles
 * that hold every term, in order. Shared by the search page's script (which
 * fetches the files) and the tests and the bench (which read them from memory),
 * so what is measured is what readers run. No DOM, no Node.
 */

/** What a reader of the index needs to know about it: the search page carries it in data-* attributes. */
export interface SearchIndexInfo {
  /** A hash of the index's content, the first part of every file name. */
  readonly version: string;
  readonly documentCount: number;
  readonly shardCount: number;
  /** Articles per document file. */
  readonly chunkSize: number;
}

/**
 * One shard file: term → for each field (searchFields order), the article numbers holding it,
 * ascending, each written as its difference from the one before (the first as itself).
 */
export type Shard = Record<string, number[][]>;

/** One article as a result shows it: [slug, title, summary, ISO date, shown date]. */
export type DocumentEntry = [slug: string, title: string, summary: string, date: string, shownDate: string];

/** The name of shard n. @example shardFileName('ab12', 3) // => 'ab12-s3.json' */
export function shardFileName(version: string, shard: number): string {
  return `${version}-s${shard}.json`;
}

/** The name of the document file holding chunk n in a script. @example documentFileName('ab12', 'zh-hant', 0) // => 'ab12-zh-hant-0.json' */
export function documentFileName(version: string, script: string, chunk: number): string {
  return `${version}-${script}-${chunk}.json`;
}

function isNumberLists(value: unknown): value is number[][] {
  return (
    Array.isArray(value) && value.every((list) => Array.isArray(list) && list.every((item) => typeof item === 'number'))
  );
}

/** Whether parsed JSON is a shard file. */
export function isShard(value: unknown): value is Shard {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isNumberLists)
  );
}

/** Whether parsed JSON is a document file. */
export function isDocumentList(value: unknown): value is DocumentEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => Array.isArray(entry) && entry.length === 5 && entry.every((item) => typeof item === 'string'),
    )
  );
}

/** A query as the index reads it. */
export interface ParsedQuery {
  /** The reader's query, trimmed and cut to maxQueryLength characters. */
  readonly query: string;
  /** Whether it was cut. */
  readonly cut: boolean;
  /** The terms every result must hold. */
  readonly terms: readonly string[];
  /** The query's words, folded: what results mark, and what the ranking weighs one by one. */
  readonly words: readonly string[];
}

/** Bounds, folds and cuts a raw query (the `?q=` value). */
export function parseQuery(raw: string, foldMap: ReadonlyMap<string, string>): ParsedQuery {
  const { query, cut } = boundQuery(raw);
  const folded = foldText(query, foldMap);
  return { query, cut, terms: queryTerms(folded), words: queryWords(folded) };
}

/** The shards a query downloads. */
export function shardsFor(info: SearchIndexInfo, terms: readonly string[]): number[] {
  return [...new Set(terms.map((term) => shardOf(term, info.shardCount)))];
}

/** The document files that hold a list of article numbers, in order of first need. */
export function documentChunksFor(info: SearchIndexInfo, ids: readonly number[]): number[] {
  return [...new Set(ids.map((id) => Math.floor(id / info.chunkSize)))];
}

/** The query's terms as a MiniSearch index holding only them: every other term stays on the server. */
function partialIndex(info: SearchIndexInfo, terms: readonly string[], shards: ReadonlyMap<number, Shard>): MiniSearch {
  const index: AsPlainObject['index'] = [];
  const seen = new Set<number>();
  for (const term of terms) {
    const lists = shards.get(shardOf(term, info.shardCount))?.[term];
    if (!lists) continue;
    const fields: Record<string, Record<string, number>> = {};
    lists.forEach((deltas, fieldId) => {
      if (deltas.length === 0) return;
      const documents: Record<string, number> = {};
      let id = 0;
      for (const delta of deltas) {
        id += delta;
        documents[id] = 1;
        seen.add(id);
      }
      fields[fieldId] = documents;
    });
    index.push([term, fields]);
  }
  // The ranking reads only which field holds each term (see rankResults): lengths and frequencies stay one.
  const ones = searchFields.map(() => 1);
  const ids = [...seen];
  const plain: AsPlainObject = {
    documentCount: info.documentCount,
    nextId: info.documentCount,
    documentIds: Object.fromEntries(ids.map((id) => [id, id])),
    fieldIds: Object.fromEntries(searchFields.map((field, id) => [field, id])),
    fieldLength: Object.fromEntries(ids.map((id) => [id, ones])),
    averageFieldLength: ones,
    storedFields: {},
    index,
    serializationVersion: 2,
  };
  return MiniSearch.loadJS(plain, { fields: [...searchFields] });
}

/**
 * Orders results by how well each word of the query matched (a word counts in the best field
 * that holds all its terms: title and topics 3, author and summary 2, body 1), then newest
 * first, which is the lowest article number.
 */
function rankResults(results: readonly SearchResult[], words: readonly string[]): number[] {
  const wordTerms = words.map((word) => queryTerms(word));
  const score = (result: SearchResult) =>
    wordTerms.reduce((sum, terms) => {
      let best = 0;
      for (const field of searchFields) {
        if (terms.every((term) => result.match[term]?.includes(field))) best = Math.max(best, fieldWeights[field]);
      }
      return sum + best;
    }, 0);
  return results
    .map((result) => ({ id: Number(result.id), score: score(result) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .map((result) => result.id);
}

/**
 * The article numbers that hold every term of the query, best first. `loadShard` fetches or
 * reads a shard file by name; each shard is asked for once.
 */
export async function findArticles(
  info: SearchIndexInfo,
  query: ParsedQuery,
  loadShard: (name: string) => Promise<Shard>,
): Promise<number[]> {
  if (query.terms.length === 0) return [];
  const numbers = shardsFor(info, query.terms);
  const loaded = await Promise.all(numbers.map((n) => loadShard(shardFileName(info.version, n))));
  const shards = new Map(numbers.map((n, index) => [n, loaded[index] ?? {}]));
  const search = partialIndex(info, query.terms, shards);
  // The terms are already folded and cut: MiniSearch splits them back on spaces and leaves them be.
  const results = search.search(query.terms.join(' '), {
    combineWith: 'AND',
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
  });
  return rankResults(results, query.words);
}
