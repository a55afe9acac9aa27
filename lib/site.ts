import type { Script } from './script';

/**
 * Where the build lives: NEXT_DIST_DIR lets the export, a fixture site or the bench build beside
 * the real one. Read here only: next.config.ts, the CSP's page hashes and the search index agree.
 */
export function distDir(): string {
  return process.env.NEXT_DIST_DIR?.trim() || '.next';
}

/**
 * Site-wide settings in one place. The site is a reader: articles keep the
 * attribution of their source (觀察者網 and others), the site has its own name.
 */

function readBaseUrl(value: string | undefined): URL {
  const raw = value?.trim() || 'http://localhost:3000';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  // Pages live at the root of the origin; a path here would silently vanish from every link.
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`SITE_URL must be an origin such as https://news.example.com, without a path, got "${raw}"`);
  }
  return url;
}

const defaultScript: Script = 'zh-hans';

export const site = {
  /** Written in Simplified and converted like every other label. */
  name: '同文新闻',
  /** The script `/` falls back to when neither cookie nor Accept-Language decides. */
  defaultScript,
  /** Absolute origin for canonical links; set SITE_URL in production. */
  baseUrl: readBaseUrl(process.env.SITE_URL),
  /** Drafts show in `next dev` only; a production build never contains them. */
  showDrafts: process.env.NODE_ENV === 'development',
  /**
   * Photos must be files in public/ with alt text, caption, credit and size (lib/editor/photos.ts).
   * CONTENT_CHECK_PHOTOS=off is for a content folder whose images are not photos
   * at all: the hostile test site, made of image vectors to prove the sanitizer.
   */
  checkPhotos: process.env.CONTENT_CHECK_PHOTOS !== 'off',
  /** `npm run export` builds plain files: no request headers, so nothing may depend on them. */
  staticExport: process.env.STATIC_EXPORT === '1',
} as const;

/**
 * The absolute URL of a site path, on the configured origin.
 * @example absoluteUrl('/zh-hans/feed.xml') // => 'https://news.example.com/zh-hans/feed.xml'
 */
export function absoluteUrl(path: string): string {
  return new URL(path, site.baseUrl).href;
}
