import 'server-only';
import { type Article, type PublicationState, publicationState } from './articles';
import { getSiteConversions, mergeOverrides } from './conversions';
import { textConverter, type Overrides } from './convert';
import { imageSources, visibleText } from './html';
import { renderMarkdown } from './markdown';
import { memo } from './memo';
import { estimateReadingMinutes } from './reading-time';
import type { Script } from './script';
import { absoluteUrl } from './site';

/** Viewing articles: how an article reads in each script, its body as HTML, its reading time and photo. */

/** An article's text as readers of one script see it. */
export interface ArticleView {
  readonly article: Article;
  readonly script: Script;
  readonly title: string;
  readonly summary: string;
  readonly author: string;
  readonly source: string;
  readonly editor?: string;
  readonly topics: readonly string[];
  /** The section search engines file the article under: its first topic. */
  readonly section?: string;
  readonly copyright?: string;
  /** Drafts and scheduled articles only ever show in `next dev`, with a badge. */
  readonly state: PublicationState;
}

/** Converts an article's visible text (everything but the body) into a script. */
export const viewArticle = memo('article-view', (article: Article, script: Script): ArticleView => {
  const convert = articleConverter(article, script);
  return {
    article,
    script,
    title: convert(article.title),
    summary: convert(article.summary),
    author: convert(article.author),
    source: convert(article.source),
    editor: article.editor === undefined ? undefined : convert(article.editor),
    topics: article.topics.map(convert),
    section: article.topics[0] === undefined ? undefined : convert(article.topics[0]),
    copyright: article.copyright === undefined ? undefined : convert(article.copyright),
    state: publicationState(article),
  };
});

/**
 * The article body as sanitized HTML in a script: markdown, sanitizing and conversion in one pass;
 * with `linkBase`, links and photos absolute for a feed reader. Not remembered: a page renders its
 * body once, and 20,000 bodies would sit in every build worker's memory.
 */
export function renderArticleBody(article: Article, script: Script, linkBase?: URL): string {
  return renderMarkdown(article.body, articleConverter(article, script), { linkBase });
}

// Per article and script, the merged override table is made once, so its trie is built once.
const articleOverrides = memo('article-overrides', (article: Article, script: Script): Overrides =>
  mergeOverrides(getSiteConversions()[script], article.conversions),
);

/** Converts an article's text into a script with the site's and the article's override tables. */
export function articleConverter(article: Article, script: Script): (text: string) => string {
  return textConverter(article.script, script, articleOverrides(article, script));
}

/** What a page shows about the body besides the body itself; the same in both scripts. */
interface BodyFacts {
  readonly readingMinutes: number;
  /** The site path of the first photo. */
  readonly firstImage?: string;
}

// Conversion changes neither the characters read nor any `src`: the body as written, without conversion, is enough.
const bodyFacts = memo('article-body-facts', (article: Article): BodyFacts => {
  const html = renderMarkdown(article.body);
  return { readingMinutes: estimateReadingMinutes(visibleText(html)), firstImage: imageSources(html)[0] };
});

/** The absolute URL of the article's first photo, for link previews and structured data; undefined when it has none. */
export function findArticleImage(article: Article): string | undefined {
  const { firstImage } = bodyFacts(article);
  return firstImage === undefined ? undefined : absoluteUrl(firstImage);
}

/** Minutes a reader needs for the article body, the same in both scripts. */
export function getReadingMinutes(article: Article): number {
  return bodyFacts(article).readingMinutes;
}
