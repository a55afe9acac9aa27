import { scriptPath, type Script } from './script';

/**
 * Every URL of the site is built here. A page's path within a script
 * (`/articles/a`) is the same in both scripts: the 简/繁 switch and the
 * hreflang links change only the prefix, which scriptPath adds.
 */

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
