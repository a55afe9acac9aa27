import 'server-only';
import path from 'node:path';
import { cache } from 'react';
import { z } from 'zod';
import {
  collectProblems,
  contentChanges,
  contentFileReader,
  contentPath,
  ContentError,
  displayPath,
  type ContentListing,
  type ContentProblem,
  listContentFolder,
  splitFrontmatter,
  validate,
} from './content';
import type { Overrides } from './convert';
import { parseContentDate, type ContentDate } from './dates';
import { memo } from './memo';
import { scripts, type Script } from './script';
import { site } from './site';

/**
 * Reading articles: the markdown files in content/articles, validated, listed
 * and looked up. How an article reads in each script is lib/article-view.ts.
 */

const contentDate = z.string().transform((value, ctx) => {
  const date = parseContentDate(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a date (expected YYYY-MM-DD, or an ISO 8601 date-time with an offset such as 2025-07-23T16:01:00+08:00)`,
    });
    return z.NEVER;
  }
  return date;
});

const text = z.string().trim().min(1, 'must not be empty');

const frontmatterSchema = z.strictObject({
  title: text,
  date: contentDate,
  updated: contentDate.optional(),
  author: text,
  source: text,
  editor: text.optional(),
  summary: text.max(300, 'must be at most 300 characters'),
  topics: z.array(text).default([]),
  script: z.enum(scripts, { error: 'expected zh-hans or zh-hant, the script the file is written in' }),
  copyright: text.optional(),
  draft: z.boolean().default(false),
  /** Forced conversions for this article: its own script's text → the other script's. */
  conversions: z.record(text, z.string().min(1, 'must not be empty')).default({}),
});

export interface Article {
  readonly slug: string;
  readonly file: string;
  readonly title: string;
  readonly date: ContentDate;
  readonly updated?: ContentDate;
  readonly author: string;
  readonly source: string;
  readonly editor?: string;
  readonly summary: string;
  readonly topics: readonly string[];
  /** The script the file is written in. */
  readonly script: Script;
  readonly copyright?: string;
  readonly draft: boolean;
  readonly conversions: Overrides;
  /** The markdown body. */
  readonly body: string;
  /** The file line the body starts on. */
  readonly bodyLine: number;
}

/** What `npm run new` writes where the editor still has to fill something in; a published article may not hold it. */
export const placeholder = '【待填】';

/** Lowercase ASCII letters, digits and single hyphens: the only characters a slug may have. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses one article file's text; throws a ContentError naming the file and every bad field. */
export function parseArticle(file: string, source: string): Article {
  const shown = displayPath(file);
  const slug = path.basename(file, '.md');
  const problems: ContentProblem[] = [];
  if (!slugPattern.test(slug)) {
    problems.push({
      file: shown,
      field: 'slug',
      message: `file name "${slug}" is not a slug (expected lowercase ASCII letters, digits and single hyphens)`,
    });
  }
  const { yaml, body, bodyLine, bodyProblems } = splitFrontmatter(source, shown);
  let frontmatter: z.output<typeof frontmatterSchema> | undefined;
  try {
    frontmatter = validate(frontmatterSchema, yaml, shown);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  if (body.trim() === '') problems.push({ file: shown, field: 'body', message: 'the article has no body' });
  problems.push(...bodyProblems);
  // Checked on the raw fields, so a leftover placeholder is reported even beside other mistakes.
  const raw: Record<string, unknown> = typeof yaml.data === 'object' && yaml.data !== null ? { ...yaml.data } : {};
  if (raw.draft !== true) {
    for (const [field, value] of Object.entries({ ...raw, body })) {
      if (typeof value === 'string' && value.includes(placeholder)) {
        problems.push({
          file: shown,
          line: field === 'body' ? bodyLine + lineIndexOf(body, placeholder) : yaml.lineOf([field]),
          field,
          message: `still holds the placeholder ${placeholder} (fill it in, or keep draft: true)`,
        });
      }
    }
  }
  if (problems.length > 0 || !frontmatter) throw new ContentError(problems);
  return { ...frontmatter, slug, file: shown, body, bodyLine };
}

/** One article file, parsed; remembered until the file changes. */
export const readArticleFile = contentFileReader('article', parseArticle);

/** The same list object while its articles are the same objects (see lib/memo.ts): what is computed from it stays valid. */
export const sameArticles = memo('article-list', (...articles: Article[]): readonly Article[] => articles);

function readArticlesNow(): readonly Article[] {
  const { files, problems } = listArticleFiles();
  return collectProblems(
    files.map((file) => () => readArticleFile(file)),
    problems,
  );
}

// A build or a server reads the articles once; `next dev` once per request (React's request cache),
// parsing again only the files that changed since the last request.
const readOnce = memo('all-articles', (_contentDir: string) => readArticlesNow());
const readPerRequest = cache(() => sameArticles(...readArticlesNow()));

/** Every article file, parsed; throws a ContentError with every problem of every file. */
function readAllArticles(): readonly Article[] {
  return contentChanges ? readPerRequest() : readOnce(contentPath());
}

/**
 * The slugs of the articles that have pages: the published ones in a build; in `next dev`,
 * which shows every file, the folder's listing, without reading 10,000 files in the fresh
 * process where Next runs generateStaticParams on every request.
 */
export function getArticleSlugsWithPages(): readonly string[] {
  return contentChanges ? [...getAllArticleSlugs()] : getArticles().map((article) => article.slug);
}

/** How many articles the latest list holds, counted as getArticleSlugsWithPages counts them. */
export function countListedArticles(): number {
  return contentChanges ? listArticleFiles().files.length : getArticles().length;
}

/** The slugs of every article file, drafts included: what headlines may point at. */
export function getAllArticleSlugs(): ReadonlySet<string> {
  return slugsOf(listArticleFiles());
}

const slugsOf = memo(
  'article-slugs',
  (listing: ContentListing): ReadonlySet<string> => new Set(listing.files.map((file) => path.basename(file, '.md'))),
);

/** The article files in content/articles, and the names skipped there; the check and the build share this listing. */
export function listArticleFiles(): ContentListing {
  return listContentFolder('articles', '.md');
}

/** Every article file, parsed, for the check: it validates drafts and scheduled articles too. */
export function getAllArticles(): readonly Article[] {
  return readAllArticles();
}

/** The 0-based line of a body on which a string first appears. */
export function lineIndexOf(body: string, needle: string): number {
  const at = body.indexOf(needle);
  return at === -1 ? 0 : body.slice(0, at).split('\n').length - 1;
}

/** Where an article stands: a draft, scheduled for a later moment, or published. */
export type PublicationState = 'draft' | 'scheduled' | 'published';

/** A draft stays unpublished; a future date means scheduled, published from that moment (as Hugo's publishDate). */
export function publicationState(article: Article, now: Date = new Date()): PublicationState {
  if (article.draft) return 'draft';
  return article.date.instant.getTime() > now.getTime() ? 'scheduled' : 'published';
}

// A build decides what is published once, at its start, so every page of it agrees.
const processStart = new Date();

/**
 * Every published article, newest first. `next dev` also shows drafts and
 * scheduled articles (with a badge); a production build never contains them,
 * and a scheduled article appears with the first build after its moment.
 */
export function getArticles(now?: Date): readonly Article[] {
  return now === undefined
    ? publishedNewestFirst(readAllArticles(), processStart)
    : selectPublished(readAllArticles(), now);
}

function selectPublished(all: readonly Article[], now: Date): readonly Article[] {
  return all
    .filter((article) => site.showDrafts || publicationState(article, now) === 'published')
    .toSorted((a, b) => b.date.instant.getTime() - a.date.instant.getTime() || a.slug.localeCompare(b.slug));
}

const publishedNewestFirst = memo('published-articles', selectPublished);

/** One published article by slug, or undefined. */
export function getArticle(slug: string): Article | undefined {
  return articlesBySlug(getArticles()).get(slug);
}

const articlesBySlug = memo(
  'articles-by-slug',
  (articles: readonly Article[]): ReadonlyMap<string, Article> =>
    new Map(articles.map((article) => [article.slug, article])),
);
