import type { Metadata } from 'next';
import type { ArticleView } from './article-view';
import { feedPath } from './paths';
import { getLabels } from './labels';
import { getScriptInfo, otherScript, scriptPath, scripts, type Script } from './script';
import { site } from './site';

/**
 * Page metadata from one helper: the title with the site's name, the
 * description, a self-referencing canonical, reciprocal hreflang links with
 * `/` as x-default, the feed for autodiscovery, Open Graph and Twitter cards.
 * Paths are site-relative; Next resolves them against `metadataBase`.
 */

/** The hreflang alternates every page lists: the same page in each script, and `/` for readers of neither. */
function languageAlternates(path: string): Record<string, string> {
  return {
    ...Object.fromEntries(scripts.map((script) => [getScriptInfo(script).lang, scriptPath(script, path)])),
    'x-default': '/',
  };
}

/** Metadata of a page in one script; an article page passes its view (and first photo) for the article tags. */
export function pageMetadata(options: {
  readonly script: Script;
  /** The page's path after the script, such as '/articles/slug' ('' for the home page). */
  readonly path: string;
  /** The page's own title; the home page passes none and gets the site's name. */
  readonly title?: string;
  readonly description: string;
  readonly article?: ArticleView;
  /** The absolute URL of the article's first photo. */
  readonly image?: string;
}): Metadata {
  const { script, article, image } = options;
  const labels = getLabels(script);
  const canonical = scriptPath(script, options.path);
  const title = options.title ?? labels.siteName;
  const images = image === undefined ? undefined : [image];
  const common = {
    title,
    description: options.description,
    url: canonical,
    siteName: labels.siteName,
    locale: getScriptInfo(script).ogLocale,
    alternateLocale: [getScriptInfo(otherScript(script)).ogLocale],
    images,
  };
  return {
    metadataBase: site.baseUrl,
    title: options.title ? `${options.title} - ${labels.siteName}` : labels.siteName,
    description: options.description,
    alternates: {
      canonical,
      languages: languageAlternates(options.path),
      types: { 'application/atom+xml': [{ url: feedPath(script), title: labels.siteName }] },
    },
    openGraph: article
      ? {
          ...common,
          type: 'article',
          publishedTime: article.article.date.iso,
          modifiedTime: article.article.updated?.iso,
          section: article.section,
          tags: [...article.topics],
        }
      : { ...common, type: 'website' },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title,
      description: options.description,
      images,
    },
  };
}

/** Metadata of `/` in the static export: the page that offers both scripts, itself the x-default. */
export function rootMetadata(): Metadata {
  const names = scripts.map((script) => getLabels(script).siteName);
  const descriptions = scripts.map((script) => getLabels(script).siteDescription);
  return {
    metadataBase: site.baseUrl,
    title: names.join(' · '),
    description: descriptions.join(' · '),
    alternates: {
      canonical: '/',
      languages: languageAlternates(''),
      types: {
        'application/atom+xml': scripts.map((script) => ({ url: feedPath(script), title: getLabels(script).siteName })),
      },
    },
    openGraph: {
      type: 'website',
      url: '/',
      title: names.join(' · '),
      description: descriptions.join(' · '),
      siteName: getLabels(site.defaultScript).siteName,
      locale: getScriptInfo(site.defaultScript).ogLocale,
      alternateLocale: scripts
        .filter((script) => script !== site.defaultScript)
        .map((script) => getScriptInfo(script).ogLocale),
    },
  };
}
