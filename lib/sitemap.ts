import type { MetadataRoute } from 'next';
import type { Article } from './articles';
import type { ContentDate } from './dates';
import { escapeXml } from './feed';
import { memo } from './memo';
import { pageSize, pageCount } from './pagination';
import { articlePage, listPage, topicPage, topicsPage } from './paths';
import { getScriptInfo, scriptPath, scripts } from './script';
import { absoluteUrl } from './site';
import type { TopicIndex } from './topics';

/**
 * The sitemap: every published page in both scripts (the latest list and its
 * pages, the topics, each topic's pages, every article), each with its hreflang
 * alternates (the same set the pages list in their heads) and when it last
 * changed. It is an index of child sitemaps of at most 50,000 URLs each, the
 * protocol's limit, so it grows with the archive without a limit of its own.
 */

/** The sitemap protocol's limit of URLs in one file. */
export const urlsPerSitemap = 50_000;

/** A page to list: its path within a script and when it last changed. */
export interface SitemapPage {
  readonly path: string;
  readonly lastModified?: ContentDate;
}

function lastChange(article: Article): ContentDate {
  return article.updated ?? article.date;
}

/** The newest change among articles: the date of a list page, or of the whole site. */
export function newestChange(articles: readonly Article[]): ContentDate | undefined {
  return articles.reduce<ContentDate | undefined>((latest, article) => {
    const change = lastChange(article);
    return latest === undefined || change.instant > latest.instant ? change : latest;
  }, undefined);
}

/** The pages of a paged list, each dated by the newest change among its articles. */
function listPages(list: string, articles: readonly Article[]): SitemapPage[] {
  return Array.from({ length: pageCount(articles.length) }, (_, index) => ({
    path: listPage(list, index + 1),
    lastModified: newestChange(articles.slice(index * pageSize, (index + 1) * pageSize)),
  }));
}

/** Every page of the site, once (each is listed in both scripts): lists first, then articles. Remembered per article list. */
export const sitemapPages = memo(
  'sitemap-pages',
  (articles: readonly Article[], topics: TopicIndex): readonly SitemapPage[] => [
    ...listPages('', articles),
    { path: topicsPage, lastModified: newestChange(articles) },
    ...topics.all.flatMap((topic) => listPages(topicPage(topic.slug), topic.articles)),
    ...articles.map((article) => ({ path: articlePage(article.slug), lastModified: lastChange(article) })),
  ],
);

function alternates(path: string) {
  return {
    languages: {
      ...Object.fromEntries(
        scripts.map((script) => [getScriptInfo(script).lang, absoluteUrl(scriptPath(script, path))]),
      ),
      'x-default': absoluteUrl('/'),
    },
  };
}

/** The sitemap entries of pages, each in both scripts. */
export function sitemapEntries(pages: readonly SitemapPage[]): MetadataRoute.Sitemap {
  return pages.flatMap(({ path, lastModified }) =>
    scripts.map((script) => ({
      url: absoluteUrl(scriptPath(script, path)),
      ...(lastModified === undefined ? {} : { lastModified: lastModified.iso }),
      alternates: alternates(path),
    })),
  );
}

/** How many child sitemaps the pages need (at least one). @example sitemapCount(100_001, 50_000) // => 3 */
export function sitemapCount(urls: number, perSitemap = urlsPerSitemap): number {
  return Math.max(1, Math.ceil(urls / perSitemap));
}

/** The file names of the child sitemaps for `urls` URLs. @example childSitemapFiles(60_000) // => ['0.xml', '1.xml'] */
export function childSitemapFiles(urls: number, perSitemap = urlsPerSitemap): string[] {
  return Array.from({ length: sitemapCount(urls, perSitemap) }, (_, id) => `${id}.xml`);
}

/** The site path of a child sitemap. @example childSitemapPath('0.xml') // => '/sitemap/0.xml' */
export function childSitemapPath(file: string): string {
  return `/sitemap/${file}`;
}

/**
 * One child sitemap: its share of the entries as <url> elements with their
 * xhtml:link alternates; undefined for a file name that is not one of them.
 */
export function renderChildSitemap(
  entries: MetadataRoute.Sitemap,
  file: string,
  perSitemap = urlsPerSitemap,
): string | undefined {
  const match = /^(0|[1-9][0-9]{0,5})\.xml$/.exec(file);
  const id = match ? Number(match[1]) : -1;
  if (id < 0 || id >= sitemapCount(entries.length, perSitemap)) return undefined;
  const urls = entries.slice(id * perSitemap, (id + 1) * perSitemap).map((entry) => {
    const links = Object.entries(entry.alternates?.languages ?? {}).map(
      ([lang, href]) => `<xhtml:link rel="alternate" hreflang="${escapeXml(lang)}" href="${escapeXml(String(href))}"/>`,
    );
    const lastmod =
      entry.lastModified === undefined ? '' : `<lastmod>${escapeXml(String(entry.lastModified))}</lastmod>`;
    return `<url><loc>${escapeXml(entry.url)}</loc>${links.join('')}${lastmod}</url>\n`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('') +
    '</urlset>\n'
  );
}

/** The sitemap index: one <sitemap> per child, dated by the newest change on the site. */
export function renderSitemapIndex(files: readonly string[], lastModified: ContentDate | undefined): string {
  const lastmod = lastModified === undefined ? '' : `<lastmod>${escapeXml(lastModified.iso)}</lastmod>`;
  const entries = files.map(
    (file) => `<sitemap><loc>${escapeXml(absoluteUrl(childSitemapPath(file)))}</loc>${lastmod}</sitemap>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`;
}
