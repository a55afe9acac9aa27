// The search index of one content folder, measured through the site's own modules; prints one JSON line.
//
//   CONTENT_DIR=DIR tsx --conditions=react-server tests/bench/search-index.ts [--write DIR] [--documents FILE] [--recall]
//
// Reads the published articles, builds the index (lib/search/search-index.ts) and the search
// script (lib/search/client-bundle.ts), and answers every query of the query set
// (tests/fixtures/search/queries.ts) with the code the search page runs (lib/search/query.ts),
// counting the files a reader's browser would download for it: the script, the shards of the
// query's terms, and the document files of the first 20 results. Sizes are gzip level 9, as a
// static host precompresses. With --write, the index and the script go to DIR/search/ for a browser;
// --documents writes each article's folded text as JSON lines, for another engine to index;
// --recall adds, per query, what it found and what it must find (tests/support/search-oracle.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderArticleBody, viewArticle } from '@/lib/article-view';
import { getArticles } from '@/lib/articles';
import { visibleText } from '@/lib/html';
import { getClientBundle } from '@/lib/search/client-bundle';
import { getFoldMap, serializeFoldMap } from '@/lib/search/fold-map';
import {
  documentChunksFor,
  documentFileName,
  findArticles,
  isShard,
  parseQuery,
  shardFileName,
  shardsFor,
} from '@/lib/search/query';
import { indexSearchDocuments, toSearchDocument } from '@/lib/search/search-index';
import { searchCases } from '../fixtures/search/queries';
import { searchOracle } from '../support/search-oracle';
import { gz } from './weight';

/** Results the search page shows before "more". */
const firstPage = 20;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { write: { type: 'string' }, documents: { type: 'string' }, recall: { type: 'boolean', default: false } },
  });
  const articles = getArticles();
  const started = performance.now();
  const documents = articles.map(toSearchDocument);
  const prepared = performance.now();
  const index = indexSearchDocuments(documents);
  const indexed = performance.now();
  const bundle = await getClientBundle();

  const gzipOf = new Map<string, number>();
  let rawBytes = 0;
  for (const [name, body] of index.files) {
    rawBytes += Buffer.byteLength(body);
    gzipOf.set(name, gz(Buffer.from(body)));
  }
  const bundleGzip = gz(Buffer.from(bundle.code));
  const foldMap = getFoldMap();
  const loadShard = async (name: string) => {
    const value: unknown = JSON.parse(index.files.get(name) ?? '{}');
    if (!isShard(value)) throw new Error(`${name} is not a shard`);
    return value;
  };
  const oracle = values.recall ? searchOracle(articles) : undefined;
  const queries = [];
  for (const { query } of searchCases) {
    const parsed = parseQuery(query, foldMap);
    const ids = await findArticles(index, parsed, loadShard);
    const files = [
      ...shardsFor(index, parsed.terms).map((n) => shardFileName(index.version, n)),
      ...documentChunksFor(index, ids.slice(0, firstPage)).map((n) => documentFileName(index.version, 'zh-hans', n)),
    ];
    const indexBytes = files.reduce((sum, file) => sum + (gzipOf.get(file) ?? 0), 0);
    const recall = oracle && { found: ids.map((id) => articles[id]?.slug ?? ''), truth: [...oracle.truth(query)] };
    queries.push({ query, results: ids.length, files: files.length + 1, bytes: bundleGzip + indexBytes, ...recall });
  }
  if (values.write) {
    const dir = path.join(values.write, 'search');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, body] of index.files) fs.writeFileSync(path.join(dir, name), body);
    fs.writeFileSync(path.join(dir, bundle.name), bundle.code);
  }
  if (values.documents) {
    // `text` is what the index reads; `written` is the article as its own script shows it, unfolded.
    const lines = documents.map(({ fields, shown }, id) => {
      const article = articles[id];
      const own = article && viewArticle(article, article.script);
      const body = article ? visibleText(renderArticleBody(article, article.script)) : '';
      const written = own ? [own.title, own.topics.join(' '), own.author, own.summary, body].join('\n') : '';
      return JSON.stringify({
        slug: shown['zh-hans'][0],
        title: shown['zh-hans'][1],
        text: Object.values(fields).join('\n'),
        written,
      });
    });
    fs.writeFileSync(values.documents, `${lines.join('\n')}\n`);
  }
  console.log(
    JSON.stringify({
      articles: articles.length,
      prepareMs: prepared - started,
      indexMs: indexed - prepared,
      version: index.version,
      files: index.files.size,
      shards: index.shardCount,
      rawBytes,
      gzipBytes: [...gzipOf.values()].reduce((sum, size) => sum + size, 0),
      bundle: { name: bundle.name, bytes: Buffer.byteLength(bundle.code), gzip: bundleGzip },
      foldMapGzip: gz(Buffer.from(serializeFoldMap(foldMap))),
      queries,
    }),
  );
}

void main();
