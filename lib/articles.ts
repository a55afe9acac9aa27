import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { cachedRead, collectProblems, ContentError, displayPath, type ContentListing, type ContentProblem, listContentFiles, readContentFile, splitFrontmatter, validate } from './content';
import { getSiteConversions, mergeOverrides } from './conversions';
import { textConverter, type Overrides } from './convert';
import { parseContentDate, type ContentDate } from './dates';
import { renderMarkdown } from './markdown';
import { estimateReadingMinutes } from './reading-time';
import { findImageSources, textOfSanitizedHtml } from './sanitize';
import { scripts, type Script } from './script';
import { absoluteUrl, site } from './site';

/** Articles: the markdown files in content/articles, validated, and their views in each script. */

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
    problems.push({ file: shown, field: 'slug', message: `file name "${slug}" is not a slug (expected lowercase ASCII letters, digits and single hyphens)` });
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

const readAllArticles = cachedRead((): readonly Article[] => {
  const { files, problems } = listArticleFiles();
  return collectProblems(files.map((file) => () => parseArticle(file, readContentFile(file))), problems);
});

/** The slugs of every article file, drafts included: what headlines may point at. */
export function getAllArticleSlugs(): readonly string[] {
  return listArticleFiles().files.map((file) => path.basename(file, '.md'));
}

/** The article files in content/articles, and the names skipped there; the check and the build share this listing. */
export function listArticleFiles(): ContentListing {
  return listContentFiles('articles', '.md');
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

/**
 * Every published article, newest first. `next dev` also shows drafts and
 * scheduled articles (with a badge); a production build never contains them,
 * and a scheduled article appears with the first build after its moment.
 */
export function getArticles(now: Date = new Date()): readonly Article[] {
  return readAllArticles()
    .filter((article) => site.showDrafts || publicationState(article, now) === 'published')
    .toSorted((a, b) => b.date.instant.getTime() - a.date.instant.getTime() || a.slug.localeCompare(b.slug));
}

/** One published article by slug, or undefined. */
export function getArticle(slug: string): Article | undefined {
  return getArticles().find((article) => article.slug === slug);
}

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
export function viewArticle(article: Article, script: Script): ArticleView {
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
}

// A page uses the body more than once (the page, its reading time, its photo): render each script once.
const renderedBodies = new WeakMap<Article, Map<Script, string>>();

/** The article body as sanitized HTML in a script: markdown, sanitizing and conversion in one pass. */
export function renderArticleBody(article: Article, script: Script): string {
  let byScript = renderedBodies.get(article);
  if (!byScript) {
    byScript = new Map();
    renderedBodies.set(article, byScript);
  }
  let html = byScript.get(script);
  if (html === undefined) {
    html = renderMarkdown(article.body, articleConverter(article, script));
    byScript.set(script, html);
  }
  return html;
}


// Per article and target script, the merged override table is made once, so its trie is built once.
const mergedOverrides = new WeakMap<Article, Map<Script, Overrides>>();

/** Converts an article's text into a script with the site's and the article's override tables. */
export function articleConverter(article: Article, script: Script): (text: string) => string {
  let byScript = mergedOverrides.get(article);
  if (!byScript) {
    byScript = new Map();
    mergedOverrides.set(article, byScript);
  }
  let overrides = byScript.get(script);
  if (!overrides) {
    overrides = mergeOverrides(getSiteConversions()[script], article.conversions);
    byScript.set(script, overrides);
  }
  return textConverter(article.script, script, overrides);
}

/** The absolute URL of the article's first photo, for link previews and structured data; undefined when it has none. */
export function findArticleImage(article: Article): string | undefined {
  // Conversion never touches `src`, so the body as written is enough.
  const [first] = findImageSources(renderArticleBody(article, article.script));
  return first === undefined ? undefined : absoluteUrl(first);
}

/** Minutes a reader needs for the article body, counted in its own script so both scripts agree. */
export function getReadingMinutes(article: Article): number {
  return estimateReadingMinutes(textOfSanitizedHtml(renderArticleBody(article, article.script)));
}
