import type { MetadataRoute } from 'next';
import type { Article } from './articles';
import { getScriptInfo, scriptPath, scripts } from './script';
import { absoluteUrl } from './site';
import { articlePage } from './paths';

/**
 * The sitemap: every published page in both scripts, each with its hreflang
 * alternates (the same set the pages list in their heads) and when it last changed.
 */

function alternates(path: string) {
  return {
    languages: {
      ...Object.fromEntries(scripts.map((script) => [getScriptInfo(script).lang, absoluteUrl(scriptPath(script, path))])),
      'x-default': absoluteUrl('/'),
    },
  };
}

/** The sitemap entries for the given published articles: the home pages, then each article in both scripts. */
export function sitemapEntries(articles: readonly Article[]): MetadataRoute.Sitemap {
  const changes = articles.map((article) => article.updated ?? article.date);
  const newest = changes.reduce<(typeof changes)[number] | undefined>(
    (latest, change) => (latest === undefined || change.instant > latest.instant ? change : latest),
    undefined,
  );
  const pages = [
    { path: '', lastModified: newest?.iso },
    ...articles.map((article, index) => ({ path: articlePage(article.slug), lastModified: changes[index]?.iso })),
  ];
  return pages.flatMap(({ path, lastModified }) =>
    scripts.map((script) => ({
      url: absoluteUrl(scriptPath(script, path)),
      ...(lastModified === undefined ? {} : { lastModified }),
      alternates: alternates(path),
    })),
  );
}
