// The search page's script: lib/search/client-bundle.ts bundles it (with MiniSearch and the fold map)
// into one file that the page loads with <script src defer>. It needs nothing from React or Next.js:
// the page works the same from `next start` and from plain files. Without it, the page's own
// HTML says that search needs JavaScript and links the topics and the newest articles.
//
// The query comes from ?q= (the header's GET form), so a search is a URL: shared, bookmarked,
// and the back button works. It is text throughout: results are built with DOM nodes and
// textContent, never HTML.
import {
  documentChunksFor,
  documentFileName,
  findArticles,
  isDocumentList,
  isShard,
  parseQuery,
  type DocumentEntry,
  type SearchIndexInfo,
} from './query';
import { markRanges, maxQueryLength } from './terms';

/** The fold map, inlined by the bundler: source and target characters one after the other. */
declare const SEARCH_FOLD_MAP: string;

/** Results shown at first and per press of "more". */
const pageSize = 20;

const labelNames = ['prompt', 'loading', 'count', 'none', 'failed', 'cut', 'more'] as const;

interface Config extends SearchIndexInfo {
  /** Where the index's files are: /search/. */
  readonly base: string;
  readonly script: string;
  readonly labels: Readonly<Record<(typeof labelNames)[number], string>>;
}

function readFoldMap(): Map<string, string> {
  const chars = Array.from(SEARCH_FOLD_MAP);
  const map = new Map<string, string>();
  for (let index = 0; index + 1 < chars.length; index += 2) map.set(chars[index] ?? '', chars[index + 1] ?? '');
  return map;
}

function wholeNumber(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** The page's settings, from the data-* attributes the server wrote; undefined when any is missing. */
function readConfig(root: HTMLElement): Config | undefined {
  const data = root.dataset;
  const documentCount = wholeNumber(data.documents);
  const shardCount = wholeNumber(data.shards);
  const chunkSize = wholeNumber(data.chunk);
  if (!data.base || !data.version || !data.script || documentCount === undefined || !shardCount || !chunkSize)
    return undefined;
  const labels = Object.fromEntries(
    labelNames.map((name) => [name, data[`label${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`] ?? ''] as const),
  );
  return {
    base: data.base,
    version: data.version,
    script: data.script,
    documentCount,
    shardCount,
    chunkSize,
    labels: { ...emptyLabels, ...labels },
  };
}

const emptyLabels: Config['labels'] = { prompt: '', loading: '', count: '', none: '', failed: '', cut: '', more: '' };

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

async function fetchJson<T>(url: string, guard: (value: unknown) => value is T): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const value: unknown = await response.json();
  if (!guard(value)) throw new Error(`${url}: not a search file`);
  return value;
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

/** One result, as the article lists show an article: its title as a link, its date, its summary. */
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

/** The status line, the results and the "more" button, made inside the element the page leaves to this script. */
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

  const map = readFoldMap();
  const query = parseQuery(new URLSearchParams(location.search).get('q') ?? '', map);
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="q"]')) input.value = query.query;
  const say = (text: string) => {
    status.textContent = text + (query.cut ? ` ${fill(config.labels.cut, { count: maxQueryLength })}` : '');
  };
  if (query.query === '') {
    say(config.labels.prompt);
    return;
  }
  fallback.hidden = true;
  say(fill(config.labels.loading, { query: query.query }));

  const ids = await findArticles(config, query, (name) => fetchJson(config.base + name, isShard));
  if (ids.length === 0) {
    say(fill(config.labels.none, { query: query.query }));
    empty.hidden = false;
    return;
  }

  const chunks = new Map<number, Promise<DocumentEntry[]>>();
  const chunk = (n: number) => {
    let loading = chunks.get(n);
    if (!loading) {
      loading = fetchJson(config.base + documentFileName(config.version, config.script, n), isDocumentList);
      chunks.set(n, loading);
    }
    return loading;
  };
  let shown = 0;
  const showMore = async () => {
    const next = ids.slice(shown, shown + pageSize);
    await Promise.all(documentChunksFor(config, next).map(chunk));
    for (const id of next) {
      const entry = (await chunk(Math.floor(id / config.chunkSize)))[id % config.chunkSize];
      if (entry) list.append(resultItem(config, entry, query.words, map));
    }
    shown += next.length;
    more.hidden = shown >= ids.length;
  };
  await showMore();
  say(fill(config.labels.count, { count: ids.length, query: query.query }));
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
