import 'server-only';
import { pinyin } from 'pinyin-pro';
import { z } from 'zod';
import type { Article } from './articles';
import { displayPath, optionalContentFileReader, parseYaml, validate, type ContentProblem } from './content';
import { convertText } from './convert';
import { memo } from './memo';

/**
 * Topics: the `topics:` of articles, each with a page per script. A topic is
 * one topic in both scripts (數據中心 and 数据中心): it is known by its name
 * folded to Simplified, as search engines of Chinese fold it. Its URL slug is
 * ASCII and made from the pinyin of that name without editor work
 * (数据中心 → shu-ju-zhong-xin); an editor can choose another in
 * content/topics.yaml. Two topics that would share a URL are a content problem.
 */

const topicsFile = 'topics.yaml';

/** Lowercase ASCII letters, digits and single hyphens, as article slugs. */
const topicSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const topicsSchema = z.record(
  z.string().trim().min(1, 'must not be empty'),
  z
    .string()
    .regex(topicSlugPattern, 'expected lowercase ASCII letters, digits and single hyphens, such as data-centers'),
);

/** The editor's chosen slugs, by topic name folded to Simplified. */
export type TopicSlugOverrides = ReadonlyMap<string, string>;

/** Parses content/topics.yaml: `topic name: slug`, the name in either script. */
export function parseTopicSlugs(file: string, source: string): TopicSlugOverrides {
  const shown = displayPath(file);
  const table = validate(topicsSchema, parseYaml(source, shown), shown);
  return new Map(Object.entries(table).map(([name, slug]) => [foldTopic(name), slug]));
}

const readTopicSlugs = optionalContentFileReader(topicsFile, parseTopicSlugs);

/** The editor's chosen slugs; none when the site has no topics.yaml. */
export function getTopicSlugOverrides(): TopicSlugOverrides {
  return readTopicSlugs() ?? noOverrides;
}

const noOverrides: TopicSlugOverrides = new Map();

/**
 * A topic's name folded to Simplified: the one name it is known by, whichever
 * script an article or topics.yaml writes it in (a Traditional character in a
 * Simplified article folds too). Traditional → Simplified is the less ambiguous direction.
 * @example foldTopic('數據中心') // => '数据中心'
 */
export function foldTopic(name: string): string {
  return convertText(name.trim(), 'zh-hant', 'zh-hans');
}

/**
 * The ASCII slug made from a topic's Simplified name: its pinyin, Latin words kept, lowercase.
 * @example slugFromPinyin('数据中心') // => 'shu-ju-zhong-xin'
 * @example slugFromPinyin('5G网络') // => '5g-wang-luo'
 */
export function slugFromPinyin(simplifiedName: string): string {
  const syllables = pinyin(simplifiedName, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A name of symbols only has no pinyin: a stable hex of its characters keeps it addressable.
  return slug || `topic-${Array.from(simplifiedName, (char) => char.codePointAt(0)?.toString(16) ?? '').join('-')}`;
}

/** One topic of the site. */
export interface Topic {
  /** The URL segment, the same in both scripts. */
  readonly slug: string;
  /** The name folded to Simplified. */
  readonly name: string;
  /** Its published articles, newest first. */
  readonly articles: readonly Article[];
}

/** Every topic of the published articles, with the two-topics-one-URL problems found on the way. */
export interface TopicIndex {
  readonly bySlug: ReadonlyMap<string, Topic>;
  readonly byName: ReadonlyMap<string, Topic>;
  /** Topics by the number of their articles, most first, then by slug. */
  readonly all: readonly Topic[];
  readonly problems: readonly ContentProblem[];
}

/** The slug a topic gets: the editor's choice, or its pinyin. */
export function topicSlug(name: string, overrides: TopicSlugOverrides): string {
  return overrides.get(name) ?? slugFromPinyin(name);
}

/**
 * Groups articles by topic. Expects them newest first (as getArticles gives
 * them), so every topic's list is newest first too.
 */
export function indexTopics(articles: readonly Article[], overrides: TopicSlugOverrides): TopicIndex {
  const lists = new Map<string, Article[]>();
  const firstFile = new Map<string, string>();
  for (const article of articles) {
    for (const name of new Set(article.topics.map(foldTopic))) {
      let list = lists.get(name);
      if (!list) {
        list = [];
        lists.set(name, list);
        firstFile.set(name, article.file);
      }
      list.push(article);
    }
  }
  const bySlug = new Map<string, Topic>();
  const byName = new Map<string, Topic>();
  const problems: ContentProblem[] = [];
  for (const [name, list] of [...lists].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const topic: Topic = { slug: topicSlug(name, overrides), name, articles: list };
    const taken = bySlug.get(topic.slug);
    if (taken) {
      problems.push({
        file: firstFile.get(name) ?? topicsFile,
        field: 'topics',
        message:
          `the topics “${taken.name}” and “${name}” would share the URL /topics/${topic.slug} ` +
          `(give one of them its own slug in content/${topicsFile}, such as ${name}: ${topic.slug}-2)`,
      });
      continue;
    }
    bySlug.set(topic.slug, topic);
    byName.set(name, topic);
  }
  const all = [...bySlug.values()].sort((a, b) => b.articles.length - a.articles.length || (a.slug < b.slug ? -1 : 1));
  return { bySlug, byName, all, problems };
}

/** The topic index of a list of articles, remembered for that list (see lib/memo.ts). */
export const getTopicIndex = memo('topic-index', indexTopics);

/** The topics of one article, as they stand in the index, in the order the article lists them. */
export function topicsOf(article: Article, index: TopicIndex): readonly Topic[] {
  const names = [...new Set(article.topics.map(foldTopic))];
  return names.flatMap((name) => index.byName.get(name) ?? []);
}

/**
 * Up to `limit` newest articles sharing a topic with `article`, itself excluded:
 * a merge of its topics' lists, each already newest first.
 */
export function moreOnTopics(article: Article, index: TopicIndex, limit = 5): readonly Article[] {
  const lists = topicsOf(article, index).map((topic) => topic.articles);
  const positions = lists.map(() => 0);
  const picked: Article[] = [];
  const seen = new Set<Article>([article]);
  while (picked.length < limit) {
    let best: { list: number; article: Article } | undefined;
    lists.forEach((list, n) => {
      let position = positions[n] ?? 0;
      let candidate = list[position];
      while (candidate && seen.has(candidate)) candidate = list[++position];
      positions[n] = position;
      if (candidate && (!best || isNewer(candidate, best.article))) best = { list: n, article: candidate };
    });
    if (!best) break;
    picked.push(best.article);
    seen.add(best.article);
  }
  return picked;
}

/** Newest first, as getArticles orders them: by date, then by slug. */
function isNewer(a: Article, b: Article): boolean {
  const difference = a.date.instant.getTime() - b.date.instant.getTime();
  return difference > 0 || (difference === 0 && a.slug < b.slug);
}
