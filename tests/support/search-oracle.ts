// What a search must find, worked out without the search: an article's text as its Simplified
// page shows it, converted by opencc-js with its phrase tables (not the search's fold map or
// terms), searched for each word of the query as a plain substring. Shared by the recall test
// (tests/unit/search-recall.test.ts) and the engine bench (tests/bench/search-engines.ts).
import { renderArticleBody, viewArticle } from '@/lib/article-view';
import type { Article } from '@/lib/articles';
import { convertText } from '@/lib/convert';
import { visibleText } from '@/lib/html';

export interface SearchOracle {
  /** The slugs of the articles whose text holds every word of the query. */
  readonly truth: (query: string) => Set<string>;
  /** Whether an article holds at least one of the query's Han characters or other words. */
  readonly sharesACharacter: (slug: string, query: string) => boolean;
  /** Where a word stands in an article: 3 in its title or topics, 2 in its author or summary, 1 in its body only, 0 nowhere. */
  readonly weightOf: (slug: string, word: string) => number;
  /** An article's publication instant, for newest-first checks. */
  readonly dateOf: (slug: string) => number;
}

const toSimplified = (text: string) => convertText(text.normalize('NFKC').toLowerCase(), 'zh-hant', 'zh-hans');

/** A query's words, converted: runs of letters and digits of any script. */
export const oracleWords = (query: string): string[] =>
  toSimplified(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The oracle over a list of published articles. */
export function searchOracle(articles: readonly Article[]): SearchOracle {
  const fields = new Map(
    articles.map((article) => {
      const shown = viewArticle(article, 'zh-hans');
      const body = visibleText(renderArticleBody(article, 'zh-hans'));
      return [
        article.slug,
        [shown.title, shown.topics.join(' '), shown.author, shown.summary, body].map(toSimplified),
      ] as const;
    }),
  );
  const texts = new Map([...fields].map(([slug, parts]) => [slug, parts.join('\n')]));
  const dates = new Map(articles.map((article) => [article.slug, article.date.instant.getTime()]));
  return {
    truth: (query) =>
      new Set(
        [...texts].filter(([, text]) => oracleWords(query).every((word) => text.includes(word))).map(([slug]) => slug),
      ),
    sharesACharacter: (slug, query) => {
      const text = texts.get(slug) ?? '';
      return oracleWords(query).some((word) =>
        /\p{Script=Han}/u.test(word) ? Array.from(word).some((char) => text.includes(char)) : text.includes(word),
      );
    },
    weightOf: (slug, word) => {
      const [title = '', topics = '', author = '', summary = '', body = ''] = fields.get(slug) ?? [];
      const converted = toSimplified(word);
      if (title.includes(converted) || topics.includes(converted)) return 3;
      if (author.includes(converted) || summary.includes(converted)) return 2;
      return body.includes(converted) ? 1 : 0;
    },
    dateOf: (slug) => dates.get(slug) ?? 0,
  };
}
