import 'server-only';
import { stringify } from 'yaml';
import { placeholder, slugPattern } from '../articles';
import { convertText } from '../convert';
import { newsroomTimeZone } from '../dates';
import type { Script } from '../script';

/** What `npm run new` writes: a valid draft the editor then fills in. */

/**
 * Guesses the script a text is written in: the one that conversion into it leaves unchanged.
 * @example detectScript('標題') // => 'zh-hant'
 */
export function detectScript(text: string): Script | undefined {
  const hasTraditional = convertText(text, 'zh-hant', 'zh-hans') !== text;
  const hasSimplified = convertText(text, 'zh-hans', 'zh-hant') !== text;
  if (hasTraditional === hasSimplified) return undefined;
  return hasTraditional ? 'zh-hant' : 'zh-hans';
}

/**
 * Today's date in the newsroom's time zone, as frontmatter writes it.
 * @example beijingDate(new Date('2025-07-22T16:30:00Z')) // => '2025-07-23'
 */
export function beijingDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: newsroomTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface NewArticle {
  readonly slug: string;
  readonly title: string;
  readonly script: Script;
  readonly author?: string;
  readonly source?: string;
  readonly summary?: string;
  readonly now: Date;
}

/** Problems with the arguments of `npm run new`, in words an editor can act on. */
export function checkNewArticle(slug: string | undefined, title: string | undefined): string[] {
  const problems: string[] = [];
  if (!slug) problems.push('--slug is required (for example --slug openai-softbank-deal)');
  else if (!slugPattern.test(slug))
    problems.push(`--slug "${slug}" is not a slug (expected lowercase ASCII letters, digits and single hyphens)`);
  if (!title?.trim()) problems.push('--title is required (for example --title "標題")');
  return problems;
}

/** The text of a new article file: valid frontmatter, today's Beijing date, `draft: true`. */
export function scaffoldArticle(article: NewArticle): string {
  const frontmatter = {
    title: article.title.trim(),
    date: beijingDate(article.now),
    author: article.author ?? placeholder,
    source: article.source ?? placeholder,
    summary: article.summary ?? placeholder,
    topics: [],
    script: article.script,
    draft: true,
  };
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${placeholder}\n`;
}
