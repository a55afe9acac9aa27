import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { searchCases, seedSlug } from '../fixtures/search/queries';
import { writeArchive } from '../support/archive';
import type { SearchOracle } from '../support/search-oracle';

// The query set over the archive fixture site (60 generated articles, seed 1, and the seed
// article), answered by the same code the search page runs (lib/search/query.ts) from an
// index built in this process, the files read from memory instead of fetched.

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-news-search-'));

let answer: (query: string) => Promise<string[]>;
let oracle: SearchOracle;
let loadIndex: () => { readonly version: string };

beforeAll(async () => {
  writeArchive({ count: 60, out: site, seed: 1, publicDir: path.join(site, 'public') });
  fs.copyFileSync(
    path.join('tests', 'fixtures', 'sites', 'reader', 'articles', `${seedSlug}.md`),
    path.join(site, 'articles', `${seedSlug}.md`),
  );
  vi.stubEnv('CONTENT_DIR', site);
  vi.stubEnv('NODE_ENV', 'production');
  vi.resetModules();
  const [{ getArticles }, { buildSearchIndex }, { getFoldMap }, query, { searchOracle }] = await Promise.all([
    import('@/lib/articles'),
    import('@/lib/search/search-index'),
    import('@/lib/search/fold-map'),
    import('@/lib/search/query'),
    import('../support/search-oracle'),
  ]);
  const articles = getArticles();
  const index = buildSearchIndex(articles);
  const loadShard = async (name: string) => {
    const value: unknown = JSON.parse(index.files.get(name) ?? '{}');
    if (!query.isShard(value)) throw new Error(`${name} is not a shard`);
    return value;
  };
  answer = async (raw) =>
    (await query.findArticles(index, query.parseQuery(raw, getFoldMap()), loadShard)).map(
      (id) => articles[id]?.slug ?? '',
    );
  oracle = searchOracle(articles);
  const { loadSearchIndex } = await import('@/lib/search/search-index');
  loadIndex = () => loadSearchIndex(articles);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  fs.rmSync(site, { recursive: true, force: true });
});

describe('the search query set over the archive', () => {
  it('has at least 40 queries', () => {
    expect(searchCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(searchCases.map((searchCase) => [searchCase.query, searchCase] as const))(
    '%s finds what it must',
    async (_query, searchCase) => {
      const found = await answer(searchCase.query);
      if (searchCase.findsNothing) {
        expect(found).toEqual([]);
        expect(oracle.truth(searchCase.query).size).toBe(0);
        return;
      }
      expect(oracle.truth(searchCase.query).size, 'the archive holds the query').toBeGreaterThan(0);
      for (const slug of searchCase.mustFind ?? []) expect(found).toContain(slug);
      expect(
        found.filter((slug) => !oracle.sharesACharacter(slug, searchCase.query)),
        'results without any of the query’s characters',
      ).toEqual([]);
    },
  );

  it('finds at least 95 % of the articles that hold the queries’ words', async () => {
    let expected = 0;
    let found = 0;
    const missed: string[] = [];
    for (const { query } of searchCases) {
      const truth = oracle.truth(query);
      const results = new Set(await answer(query));
      expected += truth.size;
      for (const slug of truth) {
        if (results.has(slug)) found += 1;
        else missed.push(`${query}: ${slug}`);
      }
    }
    expect(expected).toBeGreaterThan(500);
    expect(found / expected, missed.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('lists a match in the title before one in the summary, and that before one in the body only', async () => {
    const found = await answer('星际之门');
    const weights = found.map((slug) => oracle.weightOf(slug, '星际之门'));
    expect(new Set(weights).size).toBeGreaterThan(1);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('lists equal matches newest first', async () => {
    for (const query of ['星际之门', '泽连斯基', '张伟']) {
      const found = await answer(query);
      for (let index = 1; index < found.length; index += 1) {
        const [before = '', after = ''] = [found[index - 1], found[index]];
        if (oracle.weightOf(before, query) === oracle.weightOf(after, query))
          expect(oracle.dateOf(before), `${query}: ${before} before ${after}`).toBeGreaterThanOrEqual(
            oracle.dateOf(after),
          );
      }
    }
  });

  it('finds nothing for an empty query or one of punctuation only', async () => {
    expect(await answer('')).toEqual([]);
    expect(await answer(' ，。！“”')).toEqual([]);
  });

  it('is built once per build: the first process writes it to the build folder, the others read it there', () => {
    const build = path.join(site, 'build');
    vi.stubEnv('NEXT_DIST_DIR', build);
    const first = loadIndex();
    const [file = ''] = fs.readdirSync(path.join(build, 'search-index'));
    expect(file).toMatch(/^[0-9a-f]{16}\.json$/);
    // Another process finds the file and serves what it holds, without building again.
    const saved = path.join(build, 'search-index', file);
    fs.writeFileSync(saved, fs.readFileSync(saved, 'utf8').replace(first.version, 'written-first'));
    expect(loadIndex().version).toBe('written-first');
  });
});
