import 'server-only';
import {
  listArticleFiles,
  publicationState,
  readArticleFile,
  sameArticles,
  type Article,
  type PublicationState,
} from '../articles';
import { ContentError, contentPath, displayPath, type ContentProblem } from '../content';
import { getSiteConversions } from '../conversions';
import { readHeadlines } from '../headlines';
import { memo } from '../memo';
import { site } from '../site';
import { getTopicIndex, getTopicSlugOverrides } from '../topics';
import { findImageProblems } from './photos';

/**
 * The whole content check, in one place: what `npm run check` prints and what
 * stops `next build`, so nothing half-built is ever published.
 */

export interface ContentReport {
  readonly problems: readonly ContentProblem[];
  readonly articles: readonly { readonly slug: string; readonly state: PublicationState; readonly date: string }[];
  /** Article files left alone for their names (_template.md, .#x.md), as the editor sees their paths. */
  readonly skipped: readonly string[];
}

/** Checks every article, the headlines file and the conversions table; collects every problem. */
export function checkContent(now: Date = new Date(), publicDir?: string): ContentReport {
  const problems: ContentProblem[] = [];
  function attempt<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  }
  const listing = listArticleFiles();
  problems.push(...listing.problems);
  const articles = listing.files.flatMap((file): Article[] => {
    const article = attempt(() => readArticleFile(file));
    return article ? [article] : [];
  });
  if (site.checkPhotos) {
    for (const article of articles) problems.push(...findImageProblems(article, publicDir));
  }
  attempt(readHeadlines);
  attempt(getSiteConversions);
  // Drafts too: a topic that would take another's URL is found before it is published.
  const overrides = attempt(getTopicSlugOverrides);
  // The same list object while no file changed, so `next dev` indexes topics again only after an edit.
  if (overrides) problems.push(...getTopicIndex(sameArticles(...articles), overrides).problems);
  return {
    problems,
    articles: articles.map((article) => ({
      slug: article.slug,
      state: publicationState(article, now),
      date: article.date.iso,
    })),
    skipped: listing.skipped.map(displayPath),
  };
}

/**
 * The line `npm run check` ends its count with: what was read, and what was skipped and why.
 * @example formatCheckSummary(report) // => '2 article file(s) read: 2 published, 0 draft(s), 0 scheduled; 1 skipped (names starting with _ . or #): content/articles/_template.md.'
 */
export function formatCheckSummary(report: ContentReport): string {
  const count = (state: PublicationState) => report.articles.filter((article) => article.state === state);
  const scheduled = count('scheduled').map((article) => `${article.slug} (${article.date})`);
  const skipped =
    report.skipped.length > 0
      ? `; ${report.skipped.length} skipped (names starting with _ . or #): ${report.skipped.join(', ')}`
      : '';
  return (
    `${report.articles.length} article file(s) read: ${count('published').length} published, ${count('draft').length} draft(s), ` +
    `${scheduled.length} scheduled${scheduled.length ? `: ${scheduled.join(', ')}` : ''}${skipped}.`
  );
}

/**
 * Stops the build with every content problem at once. A build checks once per
 * process; `next dev` checks on every request, which costs little because every
 * file's result is remembered until the file changes.
 */
export function assertValidContent(): void {
  if (site.showDrafts) throwProblems(contentPath());
  else checkOnce(contentPath());
}

function throwProblems(_contentDir: string): true {
  const { problems } = checkContent();
  if (problems.length > 0) throw new ContentError(problems);
  return true;
}

// Keyed by the content folder; a build that finds problems throws, and nothing is remembered.
const checkOnce = memo('content-check', throwProblems);
