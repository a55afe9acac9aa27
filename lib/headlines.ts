import 'server-only';
import { z } from 'zod';
import { getAllArticleSlugs, getArticles, type Article } from './articles';
import { cachedRead, ContentError, contentPath, displayPath, parseYaml, readContentFile, validate } from './content';
import { textConverter } from './convert';
import { parseContentDate, toBeijingIso, formatHeadlineTime } from './dates';
import { scriptPath, scripts, type Script } from './script';

/**
 * The sidebar's headline lists, kept by editors in content/headlines.yaml.
 * A headline links to an article here (by slug), to an external URL, or to
 * nothing: then it is plain text, never a dead link.
 */

const headlinesFile = 'headlines.yaml';

const text = z.string().trim().min(1, 'must not be empty');

const headlineSchema = z
  .strictObject({
    title: text,
    time: z
      .string()
      .refine((value) => parseContentDate(value) !== undefined, {
        message: 'expected an ISO 8601 date-time with an offset, such as 2025-07-23T16:01:00+08:00',
      })
      .optional(),
    topic: text.optional(),
    article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an article slug').optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' })
      .optional(),
  })
  .refine((headline) => !(headline.article && headline.url), {
    message: 'a headline links to an article or to a url, not both',
  });

const listSchema = z.strictObject({ title: text, items: z.array(headlineSchema).min(1, 'must list at least one headline') });

const headlinesSchema = z.strictObject({
  script: z.enum(scripts, { error: 'expected zh-hans or zh-hant, the script the file is written in' }),
  related: listSchema,
  hot: listSchema,
});

export type HeadlinesData = z.output<typeof headlinesSchema>;
type ListName = 'related' | 'hot';

/** Parses the headlines file's text and checks that every linked slug is a known article. */
export function parseHeadlines(file: string, source: string, knownSlugs: ReadonlySet<string>): HeadlinesData {
  const shown = displayPath(file);
  const data = validate(headlinesSchema, parseYaml(source, shown), shown);
  const problems = (['related', 'hot'] as const).flatMap((list) =>
    data[list].items.flatMap((headline, index) =>
      headline.article && !knownSlugs.has(headline.article)
        ? [{ file: shown, field: `${list}.items.${index}.article`, message: `no article has the slug "${headline.article}"` }]
        : [],
    ),
  );
  if (problems.length > 0) throw new ContentError(problems);
  return data;
}

const readHeadlines = cachedRead((): HeadlinesData => {
  const file = contentPath(headlinesFile);
  return parseHeadlines(file, readContentFile(file), new Set(getAllArticleSlugs()));
});

/** A headline as the sidebar shows it in one script. */
export interface HeadlineView {
  readonly title: string;
  readonly topic?: string;
  /** ISO date-time in Beijing time, for `<time datetime>`. */
  readonly datetime?: string;
  readonly timeLabel?: string;
  /** Where it leads; absent for a plain-text headline. */
  readonly href?: string;
  readonly external: boolean;
}

export interface HeadlineListView {
  readonly name: ListName;
  readonly title: string;
  readonly items: readonly HeadlineView[];
}

/**
 * Resolves the lists for one script: links to published articles in that
 * script, external URLs as they are, and text converted. A headline pointing
 * at an article that is not published (a draft) shows as plain text.
 */
export function viewHeadlines(data: HeadlinesData, published: readonly Article[], script: Script): HeadlineListView[] {
  const convert = textConverter(data.script, script);
  const publishedSlugs = new Set(published.map((article) => article.slug));
  return (['related', 'hot'] as const).map((name) => ({
    name,
    title: convert(data[name].title),
    items: data[name].items.map((headline): HeadlineView => {
      const date = headline.time === undefined ? undefined : parseContentDate(headline.time);
      const href =
        headline.article !== undefined
          ? publishedSlugs.has(headline.article)
            ? scriptPath(script, `/articles/${headline.article}`)
            : undefined
          : headline.url;
      return {
        title: convert(headline.title),
        topic: headline.topic === undefined ? undefined : convert(headline.topic),
        datetime: date && (date.dateOnly ? date.iso : toBeijingIso(date.instant)),
        timeLabel: date && formatHeadlineTime(date),
        href,
        external: headline.url !== undefined,
      };
    }),
  }));
}

/** The sidebar lists for a script, from content/headlines.yaml. */
export function getHeadlineLists(script: Script): HeadlineListView[] {
  return viewHeadlines(readHeadlines(), getArticles(), script);
}
