import 'server-only';
import { listArticleFiles, parseArticle, publicationState, type Article, type PublicationState } from './articles';
import { ContentError, readContentFile, type ContentProblem } from './content';
import { getSiteConversions } from './conversions';
import { readHeadlines } from './headlines';
import { findImageProblems } from './images';

/**
 * The whole content check, in one place: what `npm run check` prints and what
 * stops `next build`, so nothing half-built is ever published.
 */

export interface ContentReport {
  readonly problems: readonly ContentProblem[];
  readonly articles: readonly { readonly slug: string; readonly state: PublicationState; readonly date: string }[];
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
  const articles = listArticleFiles().flatMap((file): Article[] => {
    const article = attempt(() => parseArticle(file, readContentFile(file)));
    return article ? [article] : [];
  });
  // The hostile fixture site is made of broken images on purpose, to prove the
  // sanitizer in a browser; no real site turns the photo rules off.
  if (process.env.CONTENT_CHECK_PHOTOS !== 'off') {
    for (const article of articles) problems.push(...findImageProblems(article, publicDir));
  }
  attempt(readHeadlines);
  attempt(getSiteConversions);
  return {
    problems,
    articles: articles.map((article) => ({ slug: article.slug, state: publicationState(article, now), date: article.date.iso })),
  };
}

let checked = false;

/** Stops the build with every content problem at once; once per build process, on every request in `next dev`. */
export function assertValidContent(): void {
  if (checked && process.env.NODE_ENV !== 'development') return;
  const { problems } = checkContent();
  if (problems.length > 0) throw new ContentError(problems);
  checked = true;
}
