import type { BreadcrumbList, NewsArticle, Thing, WebSite, WithContext } from 'schema-dts';
import type { ArticleView } from './article-view';
import { getLabels } from './labels';
import { getScriptInfo, scriptPath, type Script } from './script';
import { absoluteUrl } from './site';
import { articleCardPath, articlePath, homePath, logoPath, type Crumb } from './paths';

/**
 * Schema.org JSON-LD for search engines, built from the same views the pages
 * render, so every value is one the reader sees: the h1, the byline, the
 * `<time datetime>`, the topics.
 */

// The seal of public/logo.svg at 512 × 512: Google asks for a publisher logo of at least 112 × 112.
const logo = { '@type': 'ImageObject', url: absoluteUrl(logoPath) } as const;

function publisher(script: Script) {
  const labels = getLabels(script);
  return { '@type': 'Organization', name: labels.siteName, url: absoluteUrl(scriptPath(script)), logo } as const;
}

/**
 * The NewsArticle of an article page; `photo` is the absolute URL of its first photo, when it has one.
 * Its images are the article's card (1200 × 630: what link previews and Discover show large) and the photo.
 */
export function newsArticleData(view: ArticleView, photo?: string): WithContext<NewsArticle> {
  const { article, script } = view;
  const url = absoluteUrl(articlePath(script, article.slug));
  const card = absoluteUrl(articleCardPath(script, article.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: view.title,
    description: view.summary,
    datePublished: article.date.iso,
    // Search engines ask for dateModified on every article; an article never updated was last changed when published.
    dateModified: (article.updated ?? article.date).iso,
    author: { '@type': 'Person', name: view.author },
    publisher: publisher(script),
    sourceOrganization: { '@type': 'Organization', name: view.source },
    inLanguage: getScriptInfo(script).lang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    isAccessibleForFree: true,
    ...(view.section === undefined ? {} : { articleSection: view.section }),
    ...(view.topics.length === 0 ? {} : { keywords: [...view.topics] }),
    image: photo === undefined ? [card] : [card, photo],
    ...(view.copyright === undefined ? {} : { copyrightNotice: view.copyright }),
  };
}

/** A page's breadcrumb trail, from the script's home page to the page itself, for search engines. */
export function breadcrumbData(script: Script, trail: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: getLabels(script).home, path: homePath(script) }, ...trail].map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/** The WebSite of a script's home page. */
export function webSiteData(script: Script): WithContext<WebSite> {
  const labels = getLabels(script);
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: labels.siteName,
    description: labels.siteDescription,
    url: absoluteUrl(scriptPath(script)),
    inLanguage: getScriptInfo(script).lang,
    publisher: publisher(script),
  };
}

/**
 * JSON-LD as text safe inside `<script>`: `<`, `>` and `&` become JSON escapes, so no
 * field can close the element (`</script>`) or open a comment, and U+2028/U+2029 are
 * escaped for older JavaScript parsers.
 * @example serializeJsonLd({ '@context': 'https://schema.org', '@type': 'Thing', name: '</script>' }) // => '{"@context":"https://schema.org","@type":"Thing","name":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: WithContext<Thing>): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
