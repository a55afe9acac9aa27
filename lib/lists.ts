import 'server-only';
import { viewArticle, type ArticleView } from './article-view';
import { getArticles, type Article } from './articles';
import { getSiteConversions } from './conversions';
import { convertText } from './convert';
import { fillLabel, getLabels } from './labels';
import { paginate, type ListPage } from './pagination';
import { listPage, topicPage, topicsPage, type Crumb } from './paths';
import { scriptPath, type Script } from './script';
import { getTopicIndex, getTopicSlugOverrides, type Topic, type TopicIndex } from './topics';

/**
 * The site's lists of articles, each paged: the latest articles (the home page
 * and /page/N) and each topic (/topics/slug and /topics/slug/page/N). One view
 * serves every list route, so titles, breadcrumbs and page links agree.
 */

/** Which list: the latest articles, or one topic's. */
export type ListKind = { readonly kind: 'latest' } | { readonly kind: 'topic'; readonly slug: string };

/** One page of a list as a script's readers see it. */
export interface ListView {
  readonly script: Script;
  /** The list's heading, the same on every page of it. */
  readonly heading: string;
  /** The page's own title: the heading, with the page number after page 1. */
  readonly title: string;
  readonly description: string;
  /** The list's path within a script, page 1 (for the 简/繁 switch and hreflang of page N, see `path`). */
  readonly listPath: string;
  /** This page's path within a script. */
  readonly path: string;
  /** Where the page sits: after the home page, the topics list and the topic, or the page number. */
  readonly trail: readonly Crumb[];
  readonly page: ListPage<ArticleView>;
}

/** The published articles' topics. */
export function getTopics(): TopicIndex {
  return getTopicIndex(getArticles(), getTopicSlugOverrides());
}

/** A topic by its slug, or undefined. */
export function getTopic(slug: string): Topic | undefined {
  return getTopics().bySlug.get(slug);
}

/** A topic's name in a script: its Simplified name, converted with the site-wide table. */
export function topicName(topic: Topic, script: Script): string {
  return convertText(topic.name, 'zh-hans', script, getSiteConversions()[script]);
}

/** The articles of a list, newest first; undefined for a topic that does not exist. */
export function listArticles(list: ListKind): readonly Article[] | undefined {
  return list.kind === 'latest' ? getArticles() : getTopic(list.slug)?.articles;
}

/** A page of a list in a script, or undefined when the list or the page does not exist. */
export function viewList(list: ListKind, script: Script, pageNumber: number): ListView | undefined {
  const articles = listArticles(list);
  const page = articles && paginate(articles, pageNumber);
  if (!page) return undefined;
  const labels = getLabels(script);
  const views = { ...page, items: page.items.map((article) => viewArticle(article, script)) };
  const numbered = (text: string) =>
    pageNumber === 1 ? text : `${text} · ${fillLabel(labels.pageNumber, { page: pageNumber })}`;
  const pageCrumb = (path: string): Crumb[] =>
    pageNumber === 1
      ? []
      : [{ name: fillLabel(labels.pageNumber, { page: pageNumber }), path: scriptPath(script, path) }];
  if (list.kind === 'latest') {
    const path = listPage('', pageNumber);
    return {
      script,
      heading: labels.articles,
      title: numbered(labels.articles),
      description: labels.latestDescription,
      listPath: '',
      path,
      trail: pageCrumb(path),
      page: views,
    };
  }
  const topic = getTopic(list.slug);
  if (!topic) return undefined;
  const name = topicName(topic, script);
  const heading = fillLabel(labels.topicTitle, { topic: name });
  const path = listPage(topicPage(topic.slug), pageNumber);
  return {
    script,
    heading,
    title: numbered(heading),
    description: fillLabel(labels.topicDescription, { topic: name }),
    listPath: topicPage(topic.slug),
    path,
    trail: [
      { name: labels.allTopics, path: scriptPath(script, topicsPage) },
      { name, path: scriptPath(script, topicPage(topic.slug)) },
      ...pageCrumb(path),
    ],
    page: views,
  };
}
