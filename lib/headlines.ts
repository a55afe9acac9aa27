import 'server-only';
import { z } from 'zod';
import { getAllArticleSlugs, getArticles, type Article } from './articles';
import { displayPath, optionalContentFileReader, parseYaml, validate, type YamlSource } from './content';
import { memo } from './memo';
import { getSiteConversions } from './conversions';
import { textConverter, type Overrides } from './convert';
import { parseContentDate, toBeijingIso, formatHeadlineTime } from './dates';
import { scripts, type Script } from './script';
import { articlePath } from './paths';

/**
 * The sidebar's headline lists, kept by editors in content/headlines.yaml.
 * A headline links to an article here (by slug), to an external URL, or to
 * nothing: then it is plain text, never a dead link.
 */

const headlinesFile = 'headlines.yaml';

const text = z.string().trim().min(1, 'must not be empty');

/** The schema of the headlines file; a linked slug must be one of the article files. */
function headlinesSchema(knownSlugs: ReadonlySet<string>) {
  const headline = z
    .strictObject({
      title: text,
      time: z
        .string()
        .refine((value) => parseContentDate(value) !== undefined, {
          error: 'expected an ISO 8601 date-time with an offset, such as 2025-07-23T16:01:00+08:00',
        })
        .optional(),
      topic: text.optional(),
      article: z
        .string()
        .refine((slug) => knownSlugs.has(slug), {
          error: (issue) => `no article has the slug "${String(issue.input)}"`,
        })
        .optional(),
      url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }).optional(),
    })
    .refine((item) => !(item.article && item.url), {
      error: 'a headline links to an article or to a url, not both',
    });
  const list = z.strictObject({ title: text, items: z.array(headline).min(1, 'must list at least one headline') });
  return z.strictObject({
    script: z.enum(scripts, { error: 'expected zh-hans or zh-hant, the script the file is written in' }),
    related: list,
    hot: list,
  });
}

export type HeadlinesData = z.output<ReturnType<typeof headlinesSchema>>;
type ListName = 'related' | 'hot';

/** Parses the headlines file's text; every problem, unknown slugs included, is reported at once. */
export function parseHeadlines(file: string, source: string, knownSlugs: ReadonlySet<string>): HeadlinesData {
  const shown = displayPath(file);
  return validate(headlinesSchema(knownSlugs), parseYaml(source, shown), shown);
}

// The YAML is read once per file version; checking its slugs again whenever the article files change.
const readHeadlinesYaml = optionalContentFileReader(headlinesFile, (file, text) => {
  const shown = displayPath(file);
  return { shown, yaml: parseYaml(text, shown) };
});

const validateHeadlines = memo(
  'headlines',
  (source: { readonly shown: string; readonly yaml: YamlSource }, knownSlugs: ReadonlySet<string>): HeadlinesData =>
    validate(headlinesSchema(knownSlugs), source.yaml, source.shown),
);

/** The headlines file, validated against the article files; undefined when a site has none. */
export function readHeadlines(): HeadlinesData | undefined {
  const source = readHeadlinesYaml();
  return source && validateHeadlines(source, getAllArticleSlugs());
}

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
export function viewHeadlines(
  data: HeadlinesData,
  published: readonly Article[],
  script: Script,
  overrides: Overrides = {},
): HeadlineListView[] {
  const convert = textConverter(data.script, script, overrides);
  const publishedSlugs = new Set(published.map((article) => article.slug));
  return (['related', 'hot'] as const).map((name) => ({
    name,
    title: convert(data[name].title),
    items: data[name].items.map((headline): HeadlineView => {
      const date = headline.time === undefined ? undefined : parseContentDate(headline.time);
      const href =
        headline.article !== undefined
          ? publishedSlugs.has(headline.article)
            ? articlePath(script, headline.article)
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

/** The sidebar lists for a script, from content/headlines.yaml; the same on every article page of a build. */
export function getHeadlineLists(script: Script): readonly HeadlineListView[] {
  const data = readHeadlines();
  return data ? headlineListsOf(data, getArticles(), script, getSiteConversions()[script]) : [];
}

const headlineListsOf = memo('headline-lists', viewHeadlines);
