import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { cachedRead, collectProblems, ContentError, displayPath, listContentFiles, readContentFile, splitFrontmatter, validate } from './content';
import { textConverter } from './convert';
import { parseContentDate, type ContentDate } from './dates';
import { renderMarkdown } from './markdown';
import { scripts, type Script } from './script';
import { site } from './site';

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
  /** The markdown body. */
  readonly body: string;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses one article file's text; throws a ContentError naming the file and every bad field. */
export function parseArticle(file: string, source: string): Article {
  const shown = displayPath(file);
  const slug = path.basename(file, '.md');
  const problems = [];
  if (!slugPattern.test(slug)) {
    problems.push({ file: shown, field: 'slug', message: `file name "${slug}" is not a slug (expected lowercase ASCII letters, digits and single hyphens)` });
  }
  const { data, body } = splitFrontmatter(source, shown);
  let frontmatter: z.output<typeof frontmatterSchema> | undefined;
  try {
    frontmatter = validate(frontmatterSchema, data, shown);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  if (body.trim() === '') problems.push({ file: shown, field: 'body', message: 'the article has no body' });
  if (problems.length > 0 || !frontmatter) throw new ContentError(problems);
  return { ...frontmatter, slug, file: shown, body };
}

const readAllArticles = cachedRead((): readonly Article[] =>
  collectProblems(listContentFiles('articles', '.md').map((file) => () => parseArticle(file, readContentFile(file)))),
);

/** The slugs of every article file, drafts included: what headlines may point at. */
export function getAllArticleSlugs(): readonly string[] {
  return readAllArticles().map((article) => article.slug);
}

/** Every published article, newest first; drafts only where the site shows them (next dev). */
export function getArticles(): readonly Article[] {
  return readAllArticles()
    .filter((article) => site.showDrafts || !article.draft)
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
  readonly copyright?: string;
}

/** Converts an article's visible text (everything but the body) into a script. */
export function viewArticle(article: Article, script: Script): ArticleView {
  const convert = textConverter(article.script, script);
  return {
    article,
    script,
    title: convert(article.title),
    summary: convert(article.summary),
    author: convert(article.author),
    source: convert(article.source),
    editor: article.editor === undefined ? undefined : convert(article.editor),
    topics: article.topics.map(convert),
    copyright: article.copyright === undefined ? undefined : convert(article.copyright),
  };
}

/** The article body as sanitized HTML in a script: markdown, sanitizing and conversion in one pass. */
export function renderArticleBody(article: Article, script: Script): string {
  return renderMarkdown(article.body, article.script === script ? undefined : textConverter(article.script, script));
}
