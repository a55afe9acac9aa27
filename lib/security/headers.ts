/**
 * The site's security headers, in one place for `next start` (next.config.ts
 * and proxy.ts) and for the nginx front (deploy/security-headers.conf, kept equal
 * to this module by a unit test).
 *
 * Under `next start`, the Content-Security-Policy allows no inline JS but what
 * Next.js itself writes into each prerendered page, by their SHA-256 hashes,
 * computed from the built HTML after `next build` (lib/security/commands/hash-pages.ts).
 * A per-request nonce would force every page to render dynamically; hashes keep them static.
 * The static export carries no inline JS at all (lib/export-transform.ts), so its
 * policy needs no hash: `script-src 'none'`, or `'self'` on the pages that load a
 * site script file (exportPagesWithScripts).
 */

export interface Header {
  readonly key: string;
  readonly value: string;
}

/** A `'sha256-…'` or `'nonce-…'` source allowed to run as inline JS. */
export type InlineJsSource = `'sha256-${string}'` | `'nonce-${string}'`;

/**
 * The CSP for an HTML page whose own inline JS are the given hashes or nonce.
 * Everything is refused by default; the site's own files are allowed per kind. No
 * upgrade-insecure-requests: the site loads nothing from other hosts, HSTS covers its own.
 * @example contentSecurityPolicy(["'sha256-abc='"]) // => "default-src 'none'; script-src 'self' 'sha256-abc='; …"
 */
export function contentSecurityPolicy(scriptSources: readonly InlineJsSource[]): string {
  return pagePolicy(["'self'", ...scriptSources].join(' '));
}

/** The `script-src` of a page of the static export: the site's own files, or nothing at all. */
export type ExportScriptSrc = "'self'" | "'none'";

/**
 * The URL paths of the exported pages that load a site script (lib/site-scripts.ts),
 * as regular expressions JavaScript and nginx's PCRE read alike. They get
 * `script-src 'self'`; every other page `script-src 'none'`. The export refuses a
 * page that loads a script at a path none of these matches, naming the page.
 */
export const exportPagesWithScripts: readonly string[] = [
  // `/` on a static host (lib/site-scripts.ts returningReaderScript); nginx answers `/` with a 307.
  '^/$',
  // The search page loads its script and index files (app/search/[file]/route.ts); nothing else does.
  '^/zh-han[st]/search$',
];

/**
 * The `script-src` the static export's server gives a page by its path.
 * @example exportScriptSrc('/zh-hans/articles/a') // => "'none'"
 */
export function exportScriptSrc(pathname: string): ExportScriptSrc {
  return exportPagesWithScripts.some((pattern) => new RegExp(pattern).test(pathname)) ? "'self'" : "'none'";
}

/**
 * The CSP of a page of the static export: the same as `next start`'s but for
 * scripts, which come from the site's own files on the few pages that load one and
 * from nowhere on every other.
 * @example exportContentSecurityPolicy("'none'") // => "default-src 'none'; script-src 'none'; …"
 */
export function exportContentSecurityPolicy(scriptSrc: ExportScriptSrc): string {
  return pagePolicy(scriptSrc);
}

function pagePolicy(scriptSrc: string): string {
  const directives = [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    // Articles may only show the site's own images: a foreign image leaks every reader's IP to its host.
    "img-src 'self'",
    "font-src 'self'",
    // The client router (next start) and the search page fetch from the site itself.
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // The header's search box is a GET form to the site's own search page.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** The CSP of responses that are not pages (scripts, styles): nothing may run or be framed. */
export const assetContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

// Two years, the HSTS preload list's minimum; `preload` itself is the operator's decision.
const hstsMaxAge = 63_072_000;

// Features a news reader never uses, refused to the page and to anything it could embed.
const refusedFeatures = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/**
 * The headers every response carries, the CSP aside (it differs per page).
 * HSTS only when the site is served over https: browsers ignore it over http,
 * and a local `next start` must stay reachable over http.
 */
export function staticSecurityHeaders(https: boolean): Header[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: refusedFeatures.map((feature) => `${feature}=()`).join(', ') },
    // frame-ancestors covers current browsers; this covers the rest.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
    ...(https ? [{ key: 'Strict-Transport-Security', value: `max-age=${hstsMaxAge}; includeSubDomains` }] : []),
  ];
}

/** Whether the configured site is served over https (SITE_URL), which turns HSTS on. */
export function servedOverHttps(siteUrl: URL): boolean {
  return siteUrl.protocol === 'https:';
}

/** The nginx variable that deploy/csp-script-src.map sets from each path: the export's `script-src`. */
export const nginxScriptSrcVariable = '$zh_news_script_src';

const generatedNote =
  '# Generated from lib/security/headers.ts by `npm run test:unit -- -u`: edit the module, not this file.';

/**
 * The nginx `add_header` lines for the same headers, for the static export served over https.
 * The page CSP's `script-src` comes from the map of nginxScriptSrcMap, by path.
 */
export function nginxSecurityHeaders(): string {
  const lines = [
    generatedNote,
    '# `always` sends them on error pages too; nginx drops inherited add_header lines',
    '# in any block that has its own, so include this file in every such block.',
    ...staticSecurityHeaders(true).map(({ key, value }) => `add_header ${key} "${value}" always;`),
    `add_header Content-Security-Policy "${pagePolicy(nginxScriptSrcVariable)}" always;`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The nginx `map` from a path to its `script-src` (exportPagesWithScripts), for the `http { }`
 * block: one rule per pattern, not per page, so it changes with the code and never with the content.
 */
export function nginxScriptSrcMap(): string {
  const quote = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  const lines = [
    generatedNote,
    '# The path of the page served: once try_files has found /x.html for /x, $uri is /x.html.',
    'map $uri $zh_news_page_path {',
    '    "~^(.+)\\.html$"  $1;',
    '    default  $uri;',
    '}',
    '',
    "# The export's pages that load a site script get script-src 'self'; every other path 'none'.",
    `map $zh_news_page_path ${nginxScriptSrcVariable} {`,
    `    default  "'none'";`,
    ...exportPagesWithScripts.map((pattern) => `    ${quote(`~${pattern}`)}  "'self'";`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
