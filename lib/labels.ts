import 'server-only';
import { convertText } from './convert';
import { memo } from './memo';
import type { Script } from './script';
import { site } from './site';

/**
 * Every word of the site's own interface, written once in Simplified and
 * converted for Traditional pages like any other text.
 */
const simplified = {
  siteName: site.name,
  siteDescription: '以简体和繁体阅读的中文新闻',
  home: '首页',
  skipToContent: '跳到正文',
  breadcrumb: '当前位置',
  /** Followed by the other script's name, written in that script: 切换至繁體中文. */
  switchTo: '切换至',
  readingTime: '预计阅读{minutes}分钟',
  articles: '最新文章',
  author: '作者',
  source: '来源',
  updated: '更新日期',
  editor: '责任编辑',
  topics: '话题',
  sidebar: '新闻列表',
  mainNav: '网站导航',
  notFoundTitle: '找不到这个页面',
  notFoundBody: '这个网址没有对应的页面，也许文章已经移走，或者网址有误。',
  backHome: '返回首页',
  attribution: '文章版权归原作者及来源所有。',
  draft: '草稿',
  scheduled: '定时发布',
  pageNumber: '第{page}页',
  pagination: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  allTopics: '全部话题',
  allTopicsDescription: '按话题浏览全部文章',
  topicTitle: '话题：{topic}',
  topicDescription: '关于“{topic}”的全部报道，最新的在前',
  latestDescription: '全部文章，最新的在前',
  articleCount: '{count}篇',
  moreOnTopic: '同一话题的更多报道',
  /** The credit line of a link-preview card's photo. */
  photoCredit: '图片：{credit}',
  search: '搜索',
  searchLabel: '搜索文章',
  searchDescription: '搜索全部文章：简体和繁体的文章都能找到',
  searchPrompt: '输入词语，搜索全部文章，简体繁体都可以。',
  searchNeedsJs: '搜索需要 JavaScript，这个浏览器没有运行它。可以按话题浏览，或者阅读下面的最新文章。',
  searchLoading: '正在搜索“{query}”…',
  searchCount: '找到{count}篇与“{query}”相关的文章',
  searchNone: '没有找到与“{query}”相关的文章。换一个词试试，或者按话题浏览：',
  searchFailed: '搜索暂时无法使用，请稍后再试。',
  searchCut: '搜索词太长，只搜索了前{count}个字。',
  searchMore: '显示更多结果',
} as const;

export type Labels = { readonly [Key in keyof typeof simplified]: string };

/** The interface's words in a script. */
export const getLabels = memo(
  'labels',
  (script: Script): Labels =>
    // fromEntries forgets the keys it was given; they are exactly those of `simplified`.
    Object.fromEntries(
      Object.entries(simplified).map(([key, value]) => [key, convertText(value, 'zh-hans', script)]),
    ) as Labels,
);

/**
 * A label with its {placeholders} filled in.
 * @example fillLabel('预计阅读{minutes}分钟', { minutes: 5 }) // => '预计阅读5分钟'
 */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}
