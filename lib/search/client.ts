// The search page's script: lib/search/client-bundle.ts bundles it (with MiniSearch and the fold map)
// into one file that the page loads with <script src defer>. It needs nothing from React or Next.js:
// the page works the same from `next start` and from plain files. Without it, the page's own
// HTML says that search needs JavaScript and links the topics and the newest articles.
//
// The query comes from ?q= (the header's GET form), so a search is a URL: shared, bookmarked,
// and the back button works. It is text throughout: results are built with DOM nodes and
// textContent, never HTML.
import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import {
  boundQuery,
  fieldWeights,
  foldText,
  markRanges,
  maxQueryLength,
  queryTerms,
  queryWords,
  searchFields,
  shardOf,
} from './terms';

/** The fold map, inlined by the bundler: source and target characters one after the other. */
declare const SEARCH_FOLD_MAP: string;

/** Results shown at first and per press of "more". */
const pageSize = 20;

interface Config {
  readonly base: string;
  readonly version: string;
  readonly script: string;
  readonly documentCount: number;
  readonly shardCount: number;
  readonly chunkSize: number;
  readonly labels: Readonly<Record<'count' | 'none' | 'loading' | 'failed' | 'cut' | 'more' | 'prompt', string>>;
}

type Shard = Record<string, number[][]>;
type DocumentEntry = [slug: string, title: string, summary: string, date: string, shownDate: string];

function readFoldMap(): Map<string, string> {
  const chars = Array.from(SEARCH_FOLD_MAP);
  const map = new Map<string, string>();
  for (let index = 0; index + 1 < chars.length; index += 2) map.set(chars[index] ?? '', chars[index + 1] ?? '');
  return map;
}

function positiveInteger(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** The page's settings, from data-* attributes the server wrote; undefined when any is missing. */
function readConfig(root: HTMLElement): Config | undefined {
  const data = root.dataset;
  const documentCount = positiveInteger(data.documents);
  const shardCount = positiveInteger(data.shards);
  const chunkSize = positiveInteger(data.chunk);
  if (!data.base || !data.version || !data.script || documentCount === undefined || !shardCount || !chunkSize)
    return undefined;
  const label = (name: string) => data[`label${name}`] ?? '';
  return {
    base: data.base,
    version: data.version,
    script: data.script,
    documentCount,
    shardCount,
    chunkSize,
    labels: {
      count: label('Count'),
      none: label('None'),
      loading: label('Loading'),
      failed: label('Failed'),
      cut: label('Cut'),
      more: label('More'),
      prompt: label('Prompt'),
    },
  };
}

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

function isNumberLists(value: unknown): value is number[][] {
  return (
    Array.isArray(value) && value.every((list) => Array.isArray(list) && list.every((item) => typeof item === 'number'))
  );
}

function isShard(value: unknown): value is Shard {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isNumberLists)
  );
}

function isDocumentList(value: unknown): value is DocumentEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => Array.isArray(entry) && entry.length === 5 && entry.every((item) => typeof item === 'string'),
    )
  );
}

async function fetchJson<T>(url: string, guard: (value: unknown) => value is T): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const value: unknown = await response.json();
  if (!guard(value)) throw new Error(`${url}: not a search file`);
  return value;
}

/**
 * The query's terms looked up in their shards, as a MiniSearch index holding only those
 * terms: every other term of the index stays on the server.
 */
async function loadTerms(config: Config, terms: readonly string[]): Promise<MiniSearch> {
  const shardNumbers = [...new Set(terms.map((term) => shardOf(term, config.shardCount)))];
  const shards = await Promise.all(
    shardNumbers.map((n) => fetchJson(`${config.base}${config.version}-s${n}.json`, isShard)),
  );
  const index: AsPlainObject['index'] = [];
  const seen = new Set<number>();
  for (const term of terms) {
    const lists = shards[shardNumbers.indexOf(shardOf(term, config.shardCount))]?.[term];
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
  // Where each term is is all the ranking reads (see rank); lengths and frequencies are left at one.
  const ones = searchFields.map(() => 1);
  const plain: AsPlainObject = {
    documentCount: config.documentCount,
    nextId: config.documentCount,
    documentIds: Object.fromEntries([...seen].map((id) => [id, id])),
    fieldIds: Object.fromEntries(searchFields.map((field, id) => [field, id])),
    fieldLength: Object.fromEntries([...seen].map((id) => [id, ones])),
    averageFieldLength: ones,
    storedFields: {},
    index,
    serializationVersion: 2,
  };
  return MiniSearch.loadJS(plain, { fields: [...searchFields] });
}

/**
 * Orders the results: by how well each word of the query matched (a word counts in the
 * best field that holds all its terms: title and topics 3, author and summary 2, body 1),
 * then newest first, which is the lowest article number.
 */
function rank(results: readonly SearchResult[], words: readonly (readonly string[])[]): number[] {
  const score = (result: SearchResult) =>
    words.reduce((sum, terms) => {
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

/** Text with the query's words in <mark>, built as nodes. */
function markedText(text: string, words: readonly string[], map: ReadonlyMap<string, string>): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const [start, end] of markRanges(text, words, map)) {
    fragment.append(text.slice(last, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    last = end;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function resultItem(
  config: Config,
  entry: DocumentEntry,
  words: readonly string[],
  map: ReadonlyMap<string, string>,
): HTMLLIElement {
  const [slug, title, summary, date, shownDate] = entry;
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `/${config.script}/articles/${encodeURIComponent(slug)}`;
  link.append(markedText(title, words, map));
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'article-list-meta';
  const time = document.createElement('time');
  time.dateTime = date;
  time.textContent = shownDate;
  meta.append(time);
  const text = document.createElement('p');
  text.append(markedText(summary, words, map));
  item.append(heading, meta, text);
  return item;
}

/** The status line, the results and the "more" button, made inside the region the page leaves to this script. */
function makeLiveRegion(live: HTMLElement): { status: HTMLElement; list: HTMLOListElement; more: HTMLButtonElement } {
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'article-list search-results';
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.hidden = true;
  live.append(status, list, more);
  return { status, list, more };
}

async function run(root: HTMLElement, config: Config): Promise<void> {
  const live = root.querySelector<HTMLElement>('.search-live');
  const empty = root.querySelector<HTMLElement>('.search-empty');
  const fallback = root.querySelector<HTMLElement>('.search-fallback');
  const notice = root.querySelector<HTMLElement>('.search-needs-js');
  if (!live || !empty || !fallback || !notice) return;
  notice.hidden = true;
  const { status, list, more } = makeLiveRegion(live);

  const { query, cut } = boundQuery(new URLSearchParams(location.search).get('q') ?? '');
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="q"]')) input.value = query;
  const say = (text: string) => {
    status.textContent = text + (cut ? ` ${fill(config.labels.cut, { count: maxQueryLength })}` : '');
  };
  if (query === '') {
    say(config.labels.prompt);
    return;
  }
  document.title = `${query} - ${document.title}`;
  fallback.hidden = true;
  say(fill(config.labels.loading, { query }));

  const map = readFoldMap();
  const folded = foldText(query, map);
  const terms = queryTerms(folded);
  const words = queryWords(folded);
  let ids: number[] = [];
  if (terms.length > 0) {
    const search = await loadTerms(config, terms);
    const results = search.search(terms.join(' '), {
      combineWith: 'AND',
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    });
    ids = rank(
      results,
      words.map((word) => queryTerms(word)),
    );
  }
  if (ids.length === 0) {
    say(fill(config.labels.none, { query }));
    empty.hidden = false;
    return;
  }

  const chunks = new Map<number, Promise<DocumentEntry[]>>();
  const chunk = (n: number) => {
    let loading = chunks.get(n);
    if (!loading) {
      loading = fetchJson(`${config.base}${config.version}-${config.script}-${n}.json`, isDocumentList);
      chunks.set(n, loading);
    }
    return loading;
  };
  let shown = 0;
  const showMore = async () => {
    const next = ids.slice(shown, shown + pageSize);
    const entries = await Promise.all(
      next.map(async (id) => (await chunk(Math.floor(id / config.chunkSize)))[id % config.chunkSize]),
    );
    for (const entry of entries) if (entry) list.append(resultItem(config, entry, words, map));
    shown += next.length;
    more.hidden = shown >= ids.length;
  };
  await showMore();
  say(fill(config.labels.count, { count: ids.length, query }));
  more.textContent = config.labels.more;
  more.addEventListener('click', () => {
    const before = list.children.length;
    void showMore()
      .then(() => {
        // The first new result takes the focus, so a keyboard reader goes on from where the list grew.
        list.children[before]?.querySelector('a')?.focus();
      })
      .catch(() => {
        say(config.labels.failed);
      });
  });
}

const root = document.getElementById('search');
const config = root && readConfig(root);
if (root && config) {
  run(root, config).catch(() => {
    const status = root.querySelector('.search-status');
    if (status) status.textContent = config.labels.failed;
  });
}
