import sanitize from 'sanitize-html';
import type { IOptions } from 'sanitize-html';
import { site } from './site';

/**
 * The one HTML policy for everything editors write: an allow-list of what a
 * news article needs. Script conversion runs in the same pass, on text nodes
 * and on `alt`/`title` only, so URLs, code and other attributes are never touched.
 *
 * Links may go to http, https, mailto and the site's own paths; those leaving
 * the site get rel="noopener noreferrer". Images load from the site only: a
 * picture on another host would make every reader's browser call that host
 * and hand it their address, so such an image keeps its alt text and loses its src.
 * Everything not listed (style, on* handlers, script, iframe, form, object,
 * embed, base, meta, svg, math, id, name…) is dropped.
 */

type Convert = (text: string) => string;

// Text inside these is machine-readable or quoted verbatim: never convert it.
const verbatimTags = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

// Deeper nesting than this is never prose, and costs the sanitizer dearly.
const nestingLimit = 32;

const basePolicy: IOptions = {
  // The allow-list reads by kind of element, a line each.
  // prettier-ignore
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li',
    'strong', 'em', 'b', 'i', 's', 'del', 'ins', 'mark', 'small', 'q', 'cite', 'abbr',
    'code', 'pre', 'kbd', 'samp', 'var', 'sup', 'sub', 'span',
    'a', 'img', 'figure', 'figcaption',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'ruby', 'rt', 'rp',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    '*': ['lang'],
    span: ['class'],
    figure: ['class'],
  },
  allowedClasses: {
    span: ['credit'],
    figure: ['caption-only'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nestingLimit,
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

// The same article is read over https in production and over http on a laptop.
const pageBases = ['https:', 'http:'].map((protocol) => new URL(`${protocol}//${site.baseUrl.host}/zh-hans/articles/`));

/**
 * The URL as a browser resolves it on one of the site's pages (site paths get the
 * site's origin), or undefined when it cannot be parsed or means different
 * things on an http and an https page (`https:host` is a path on one, a host on the other).
 */
function resolveOnSite(url: string): URL | undefined {
  let resolved: URL[];
  try {
    // The URL parser strips the tabs, newlines and control characters browsers ignore.
    resolved = pageBases.map((base) => new URL(url, base));
  } catch {
    return undefined;
  }
  const [secure, plain] = resolved;
  if (!secure || !plain) return undefined;
  if (secure.host === site.baseUrl.host && plain.host === site.baseUrl.host) {
    return new URL(`${secure.pathname}${secure.search}${secure.hash}`, site.baseUrl);
  }
  return secure.href === plain.href ? secure : undefined;
}

// Browsers ignore leading spaces and control characters and read a backslash as a slash.
const protocolRelative = /^[\u0000-\u0020]*[/\\][\u0000-\u0020]*[/\\]/;
const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a URL on the site has a path that reads as protocol-relative once
 * percent-decoded (`/%5Chost/`, `/%2F/host`, `/%09/host`): a server that decodes
 * the path and redirects to it, as a trailing-slash rule does, would send the
 * reader to that host. Such a link is foreign, whatever host it names.
 */
function decodesOffSite(url: URL): boolean {
  if (url.origin !== site.baseUrl.origin) return false;
  try {
    return protocolRelative.test(decodeURIComponent(url.pathname));
  } catch {
    // Not valid percent-encoding: no page of the site has such a path.
    return true;
  }
}

/** Links to http, https, mailto or the site's own paths; protocol-relative links are refused. */
function isAllowedLink(href: string): boolean {
  const url = resolveOnSite(href);
  return url !== undefined && linkProtocols.has(url.protocol) && !protocolRelative.test(href) && !decodesOffSite(url);
}

function isExternal(url: URL | undefined): boolean {
  return url !== undefined && url.protocol !== 'mailto:' && url.origin !== site.baseUrl.origin;
}

/** Site-relative paths, or https URLs on the site's own host. */
function isOwnImage(src: string): boolean {
  const url = resolveOnSite(src);
  if (url?.origin !== site.baseUrl.origin || protocolRelative.test(src) || decodesOffSite(url)) return false;
  return !/^[\s\u0000-\u001f]*[a-z][a-z0-9+.-]*:/i.test(src) || url.protocol === 'https:';
}

/** Resolves a URL attribute against a base; drops it when it cannot be resolved. */
function resolveAgainst(attribs: sanitize.Attributes, name: 'href' | 'src', base: URL | undefined): void {
  const value = attribs[name];
  if (base === undefined || value === undefined) return;
  try {
    attribs[name] = new URL(value, base).href;
  } catch {
    if (name === 'href') delete attribs.href;
    else delete attribs.src;
  }
}

function policyFor(convert: Convert | undefined, linkBase: URL | undefined): IOptions {
  const convertAttributes = (attribs: sanitize.Attributes): sanitize.Attributes => {
    if (!convert) return { ...attribs };
    const out = { ...attribs };
    if (out.alt !== undefined) out.alt = convert(out.alt);
    if (out.title !== undefined) out.title = convert(out.title);
    return out;
  };
  return {
    ...basePolicy,
    transformTags: {
      // The page owns the only h1: the article's headline.
      h1: (_tag, attribs) => ({ tagName: 'h2', attribs: convertAttributes(attribs) }),
      a: (_tag, attribs) => {
        const out = convertAttributes(attribs);
        delete out.rel;
        if (out.href !== undefined && !isAllowedLink(out.href)) delete out.href;
        if (out.href !== undefined && isExternal(resolveOnSite(out.href))) out.rel = 'noopener noreferrer';
        resolveAgainst(out, 'href', linkBase);
        return { tagName: 'a', attribs: out };
      },
      img: (_tag, attribs) => {
        const out = convertAttributes(attribs);
        if (out.src !== undefined && !isOwnImage(out.src)) delete out.src;
        resolveAgainst(out, 'src', linkBase);
        return { tagName: 'img', attribs: out };
      },
      '*': (tagName, attribs) => ({ tagName, attribs: convertAttributes(attribs) }),
    },
    textFilter: convert
      ? (escaped, tagName) => (verbatimTags.has(tagName) ? escaped : convertEscaped(escaped, convert))
      : undefined,
  };
}

/**
 * Converts a text node that sanitize-html has already escaped, and escapes the result again.
 * sanitize-html writes whatever `textFilter` returns as it is: converting the escaped text in
 * place would let a converter or an override table (`软件` → `<script>`, `&lt;` → `<`) write
 * markup. Here the converter sees plain text and its output is always escaped, whatever it returns.
 * @example convertEscaped('A &amp; 软件', () => '<b>') // => '&lt;b&gt;'
 */
export function convertEscaped(escaped: string, convert: Convert): string {
  return escapeText(convert(unescapeText(escaped)));
}

// What sanitize-html's text escaping writes (decodeEntities is on): &, < and > as entities, nothing else.
const textEntities: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

function unescapeText(escaped: string): string {
  return escaped.replace(/&(?:amp|lt|gt);/g, (entity) => textEntities[entity] ?? entity);
}

/**
 * Escapes plain text for an HTML text node.
 * @example escapeText('<a> & b') // => '&lt;a&gt; &amp; b'
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const plainPolicy = policyFor(undefined, undefined);

/** What a rendering may add to the plain policy. */
export interface SanitizeOptions {
  /** Converts the visible text (text nodes, alt and title) into another script. */
  readonly convert?: Convert;
  /** Makes links and image sources absolute against this URL, for HTML read away from the site (feeds). */
  readonly linkBase?: URL;
}

/**
 * Cleans HTML by the site's allow-list and, given a converter, converts its visible text.
 * @example sanitizeArticleHtml('<p onclick="x()">软件</p>', { convert: toHant }) // => '<p>軟件</p>'
 */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  const { convert, linkBase } = options;
  return sanitize(html, convert || linkBase ? policyFor(convert, linkBase) : plainPolicy);
}
