import { scriptPath, type Script } from './script';

/**
 * Every URL of the site is built here. A page's path within a script
 * (`/articles/a`) is the same in both scripts: the 简/繁 switch and the
 * hreflang links change only the prefix, which scriptPath adds.
 */

/** One step of a breadcrumb trail: a page's name and its site path. */
export interface Crumb {
  readonly name: string;
  readonly path: string;
}

/** The path of an article within a script. @example articlePage('a') // => '/articles/a' */
export function articlePage(slug: string): string {
  return `/articles/${slug}`;
}

/** The site path of an article in a script. @example articlePath('zh-hant', 'a') // => '/zh-hant/articles/a' */
export function articlePath(script: Script, slug: string): string {
  return scriptPath(script, articlePage(slug));
}

/** The site path of a script's home page. @example homePath('zh-hans') // => '/zh-hans' */
export function homePath(script: Script): string {
  return scriptPath(script);
}

/** The site path of a script's feed. @example feedPath('zh-hant') // => '/zh-hant/feed.xml' */
export function feedPath(script: Script): string {
  return scriptPath(script, '/feed.xml');
}

/** The path of page `page` of a list within a script: page 1 is the list itself. @example listPage('/topics/a', 2) // => '/topics/a/page/2' */
export function listPage(list: string, page: number): string {
  return page === 1 ? list : `${list}/page/${page}`;
}

/** The path of a topic within a script. @example topicPage('shu-ju-zhong-xin') // => '/topics/shu-ju-zhong-xin' */
export function topicPage(slug: string): string {
  return `/topics/${slug}`;
}

/** The path of the list of all topics within a script. */
export const topicsPage = '/topics';

/** The site path of a topic in a script. @example topicPath('zh-hant', 'a') // => '/zh-hant/topics/a' */
export function topicPath(script: Script, slug: string): string {
  return scriptPath(script, topicPage(slug));
}

/**
 * The site path of an article's link-preview card, a PNG (app/[script]/articles/[slug]/opengraph-image.tsx).
 * @example articleCardPath('zh-hant', 'a') // => '/zh-hant/articles/a/opengraph-image'
 */
export function articleCardPath(script: Script, slug: string): string {
  return `${articlePath(script, slug)}/opengraph-image`;
}

/** The site path of the site's card in a script, for home and list pages. @example siteCardPath('zh-hans') // => '/zh-hans/opengraph-image' */
export function siteCardPath(script: Script): string {
  return scriptPath(script, '/opengraph-image');
}

/** The site path of the publisher logo, 512 × 512 (drawn by lib/commands/draw-logo.tsx). */
export const logoPath = '/logo-512.png';

/** The path of the search page within a script; the query follows as `?q=`. */
export const searchPage = '/search';

/** The site path of a script's search page. @example searchPath('zh-hant') // => '/zh-hant/search' */
export function searchPath(script: Script): string {
  return scriptPath(script, searchPage);
}

/** The site path of a file of the search index or the search page's script. @example searchFilePath('a1-s0.json') // => '/search/a1-s0.json' */
export function searchFilePath(file: string): string {
  return `/search/${file}`;
}
