import type { Metadata } from 'next';
import type { ArticleView } from './article-view';
import { articleCardPath, feedPath, siteCardPath } from './paths';
import { cardSize } from './cards';
import { getLabels } from './labels';
import { getScriptInfo, otherScript, scriptPath, scripts, type Script } from './script';
import { site } from './site';

/**
 * Page metadata from one helper: the title with the site's name, the
 * description, a self-referencing canonical, reciprocal hreflang links with
 * `/` as x-default, the feed for autodiscovery, Open Graph and Twitter cards
 * with the page's link-preview card (an article's own, else the site's), and
 * robots allowing large image previews (Google Discover shows the large card
 * only with max-image-preview:large). Paths are site-relative; Next resolves
 * them against `metadataBase`.
 */

/** What robots may do with every page: index it, and show its card large. */
const robots = { index: true, follow: true, 'max-image-preview': 'large' } as const;

/** The link-preview card of a page: its path and the text that describes it. */
function cardImage(path: string, alt: string) {
  return { url: path, width: cardSize.width, height: cardSize.height, alt, type: 'image/png' };
}

/** The hreflang alternates every page lists: the same page in each script, and `/` for readers of neither. */
function languageAlternates(path: string): Record<string, string> {
  return {
    ...Object.fromEntries(scripts.map((script) => [getScriptInfo(script).lang, scriptPath(script, path)])),
    'x-default': '/',
  };
}

/** Metadata of a page in one script; an article page passes its view for the article tags and its card. */
export function pageMetadata(options: {
  readonly script: Script;
  /** The page's path after the script, such as '/articles/slug' ('' for the home page). */
  readonly path: string;
  /** The page's own title; the home page passes none and gets the site's name. */
  readonly title?: string;
  readonly description: string;
  readonly article?: ArticleView;
}): Metadata {
  const { script, article } = options;
  const labels = getLabels(script);
  const canonical = scriptPath(script, options.path);
  const title = options.title ?? labels.siteName;
  // The headline is the card's alt text: the card shows it, in the page's script.
  const card = article
    ? cardImage(articleCardPath(script, article.article.slug), article.title)
    : cardImage(siteCardPath(script), `${labels.siteName} · ${labels.siteDescription}`);
  const common = {
    title,
    description: options.description,
    url: canonical,
    siteName: labels.siteName,
    locale: getScriptInfo(script).ogLocale,
    alternateLocale: [getScriptInfo(otherScript(script)).ogLocale],
    images: [card],
  };
  return {
    metadataBase: site.baseUrl,
    title: options.title ? `${options.title} - ${labels.siteName}` : labels.siteName,
    description: options.description,
    robots,
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
      card: 'summary_large_image',
      title,
      description: options.description,
      images: [{ url: card.url, alt: card.alt }],
    },
  };
}

/** Metadata of `/` in the static export: the page that offers both scripts, itself the x-default. */
export function rootMetadata(): Metadata {
  const names = scripts.map((script) => getLabels(script).siteName);
  const descriptions = scripts.map((script) => getLabels(script).siteDescription);
  const defaultLabels = getLabels(site.defaultScript);
  const card = cardImage(
    siteCardPath(site.defaultScript),
    `${defaultLabels.siteName} · ${defaultLabels.siteDescription}`,
  );
  return {
    metadataBase: site.baseUrl,
    title: names.join(' · '),
    description: descriptions.join(' · '),
    robots,
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
      images: [card],
    },
    twitter: { card: 'summary_large_image', images: [{ url: card.url, alt: card.alt }] },
  };
}
