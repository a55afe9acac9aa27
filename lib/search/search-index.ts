import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { renderArticleBody, viewArticle } from '../article-view';
import type { Article } from '../articles';
import { contentChanges } from '../content';
import { getSiteConversions } from '../conversions';
import { formatChineseDate } from '../dates';
import { visibleText } from '../html';
import { memo } from '../memo';
import { scripts, type Script } from '../script';
import { distDir } from '../site';
import { getFoldMap } from './fold-map';
import { documentFileName, shardFileName, type DocumentEntry, type SearchIndexInfo, type Shard } from './query';
import { foldText, indexTerms, searchFields, shardOf, type SearchField } from './terms';

/**
 * The search index, built at build time from what readers see: each published
 * article's title, topics, author, summary and body text (sanitized, as the page
 * shows it), in its Simplified view, folded (lib/search/terms.ts). One index
 * serves both scripts. It is cut into files a query downloads only some of:
 *
 * - shards: each term's postings (the articles holding it, per field) in the
 *   shard its hash names, so a query fetches one shard per term;
 * - documents: what a result shows (title, summary, date) per script, 20
 *   articles a file, fetched only for the results on screen.
 *
 * Articles are numbered newest first, so "newest first among equal matches" is
 * "lowest number first", and the first results of a query sit in few files.
 * Every file name starts with the index's version (a hash of its content):
 * a file never changes under its name, so it can be cached for good.
 */

/** Articles per document file. */
export const documentChunkSize = 20;

/** About this many bytes of JSON per shard, before gzip; the shard count is a power of two. */
const shardTargetBytes = 24 * 1024;
const maxShards = 4096;

export interface SearchIndex extends SearchIndexInfo {
  /** Every file of the index by its name under /search/: JSON text. */
  readonly files: ReadonlyMap<string, string>;
}

/** The folded text of each field of an article, as its Simplified page shows it. */
export function searchableFields(article: Article): Record<SearchField, string> {
  const view = viewArticle(article, 'zh-hans');
  const map = getFoldMap();
  const fields: Record<SearchField, string> = {
    title: view.title,
    topics: view.topics.join(' '),
    author: view.author,
    summary: view.summary,
    body: visibleText(renderArticleBody(article, 'zh-hans')),
  };
  for (const field of searchFields) fields[field] = foldText(fields[field], map);
  return fields;
}

function deltas(ids: readonly number[]): number[] {
  return ids.map((id, index) => id - (index === 0 ? 0 : (ids[index - 1] ?? 0)));
}

function powerOfTwoAtLeast(value: number): number {
  let power = 1;
  while (power < value && power < maxShards) power *= 2;
  return power;
}

/** One article as the index takes it: its folded fields, and what a result shows in each script. */
export interface SearchDocument {
  readonly fields: Readonly<Record<SearchField, string>>;
  readonly shown: Readonly<Record<Script, DocumentEntry>>;
}

/** What the index needs of an article; the costly part of building the index (the body is rendered again). */
export function toSearchDocument(article: Article): SearchDocument {
  const shown = (script: Script): DocumentEntry => {
    const view = viewArticle(article, script);
    return [article.slug, view.title, view.summary, article.date.iso, formatChineseDate(article.date)];
  };
  return { fields: searchableFields(article), shown: { 'zh-hans': shown('zh-hans'), 'zh-hant': shown('zh-hant') } };
}

/** Builds the index of published articles, newest first (as getArticles gives them). */
export function buildSearchIndex(articles: readonly Article[]): SearchIndex {
  return indexSearchDocuments(articles.map(toSearchDocument));
}

/** Builds the index of documents already read, newest first. */
export function indexSearchDocuments(documents: readonly SearchDocument[]): SearchIndex {
  const postings = new Map<string, number[][]>();
  documents.forEach(({ fields }, id) => {
    searchFields.forEach((field, fieldId) => {
      for (const term of new Set(indexTerms(fields[field]))) {
        let lists = postings.get(term);
        if (!lists) {
          lists = searchFields.map(() => []);
          postings.set(term, lists);
        }
        lists[fieldId]?.push(id);
      }
    });
  });

  const entries = [...postings].map(([term, lists]) => ({ term, lists: lists.map(deltas) }));
  const totalBytes = entries.reduce(
    (sum, entry) => sum + entry.term.length * 3 + JSON.stringify(entry.lists).length + 4,
    0,
  );
  const shardCount = powerOfTwoAtLeast(Math.ceil(totalBytes / shardTargetBytes));
  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
  for (const { term, lists } of entries) {
    const shard = shards[shardOf(term, shardCount)];
    if (shard) shard[term] = lists;
  }

  // Named by content: the version hashes every body, so bodies are made before their names.
  const bodies: [(version: string) => string, string][] = shards.map((shard, n) => [
    (version) => shardFileName(version, n),
    JSON.stringify(shard),
  ]);
  for (const script of scripts) {
    for (let chunk = 0; chunk * documentChunkSize < documents.length; chunk += 1) {
      const entries = documents
        .slice(chunk * documentChunkSize, (chunk + 1) * documentChunkSize)
        .map((document) => document.shown[script]);
      bodies.push([(version) => documentFileName(version, script, chunk), JSON.stringify(entries)]);
    }
  }
  const hash = createHash('sha256');
  for (const [name, body] of bodies) hash.update(`${name('')}\n${body}\n`);
  const version = hash.digest('hex').slice(0, 12);
  return {
    version,
    documentCount: documents.length,
    shardCount,
    chunkSize: documentChunkSize,
    files: new Map(bodies.map(([name, body]) => [name(version), body])),
  };
}

const savedIndex = z.strictObject({
  version: z.string(),
  documentCount: z.number(),
  shardCount: z.number(),
  chunkSize: z.number(),
  files: z.array(z.tuple([z.string(), z.string()])),
});

/** A hash of everything the index is made from: the articles as read, and the site's conversion tables. */
function fingerprint(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(getSiteConversions()));
  for (const article of articles) hash.update(JSON.stringify(article));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The index of a list of articles, built once per build. A build's processes (the one that
 * collects the routes' parameters and each prerendering worker) would each build it again,
 * reading and rendering every article: the first writes it to the build folder, the others
 * read it there. `next build` empties that folder when it starts, so a build only reads what
 * it wrote, and the file is named by what the index is made from. `next dev` keeps it in memory.
 */
export function loadSearchIndex(articles: readonly Article[]): SearchIndex {
  if (contentChanges) return buildSearchIndex(articles);
  const file = path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    distDir(),
    'search-index',
    `${fingerprint(articles)}.json`,
  );
  if (fs.existsSync(file)) {
    const saved = savedIndex.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return { ...saved, files: new Map(saved.files) };
  }
  const index = buildSearchIndex(articles);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole, then renamed: a process reading at the same moment never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify({ ...index, files: [...index.files] }));
  fs.renameSync(partial, file);
  return index;
}

/** The index of a list of articles, once per list and process (see lib/memo.ts) and once per build. */
export const getSearchIndex = memo('search-index', loadSearchIndex);
