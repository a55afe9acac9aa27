import 'server-only';
import { viewArticle } from './article-view';
import type { Article } from './articles';
import { escapeXml } from './feed';
import { getLabels } from './labels';
import { articlePath } from './paths';
import { scripts, type Script } from './script';
import { absoluteUrl } from './site';

/**
 * The Google News sitemap (/news-sitemap.xml): the articles published in the
 * 48 hours before the build, in both scripts, each with its publication's
 * name and language, title and publication date, as
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 * asks. Google reads only the last two days from it and at most 1,000 URLs;
 * older articles are in the main sitemap. Like every page, it is written at
 * build time: a site published from builds rebuilds when it publishes.
 */

/** The site path of the news sitemap. */
export const newsSitemapPath = '/news-sitemap.xml';

/** How far back the news sitemap reaches: Google News reads two days. */
export const newsWindowMs = 48 * 60 * 60 * 1000;

/** Google News's limit of URLs in one news sitemap. */
const newsUrlLimit = 1000;

/**
 * Google News's language codes: ISO 639, except Chinese, which it tells apart
 * by script as zh-cn (Simplified) and zh-tw (Traditional).
 */
const newsLanguage: Readonly<Record<Script, string>> = { 'zh-hans': 'zh-cn', 'zh-hant': 'zh-tw' };

/** The articles published within the window before `now`, newest first (the list given is). */
export function recentArticles(articles: readonly Article[], now: Date): readonly Article[] {
  const since = now.getTime() - newsWindowMs;
  return articles.filter((article) => {
    const published = article.date.instant.getTime();
    return published > since && published <= now.getTime();
  });
}

/** The news sitemap of the articles published in the 48 hours before `now`, each in both scripts. */
export function renderNewsSitemap(articles: readonly Article[], now: Date): string {
  const urls = recentArticles(articles, now)
    .slice(0, newsUrlLimit / scripts.length)
    .flatMap((article) =>
      scripts.map((script) => {
        const publication = `<news:publication><news:name>${escapeXml(getLabels(script).siteName)}</news:name><news:language>${newsLanguage[script]}</news:language></news:publication>`;
        return (
          `<url><loc>${escapeXml(absoluteUrl(articlePath(script, article.slug)))}</loc><news:news>${publication}` +
          `<news:publication_date>${escapeXml(article.date.iso)}</news:publication_date>` +
          `<news:title>${escapeXml(viewArticle(article, script).title)}</news:title></news:news></url>\n`
        );
      }),
    );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    urls.join('') +
    '</urlset>\n'
  );
}
