import sanitize from 'sanitize-html';
import type { IOptions } from 'sanitize-html';

/**
 * The one HTML policy for everything editors write: an allow-list of what a
 * news article needs. Script conversion runs in the same pass, on text nodes
 * and on `alt`/`title` only, so URLs, code and other attributes are never touched.
 */

type Convert = (text: string) => string;

// Text inside these is machine-readable or quoted verbatim: never convert it.
const verbatimTags = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

// Deeper nesting than this is never prose, and costs the sanitizer dearly.
const nestingLimit = 32;

const basePolicy: IOptions = {
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

function isExternal(href: string | undefined): boolean {
  return href !== undefined && /^https?:/i.test(href.trim());
}

function policyFor(convert: Convert | undefined): IOptions {
  const convertAttributes = (attribs: sanitize.Attributes): sanitize.Attributes => {
    if (!convert) return attribs;
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
        const { rel: _ignored, ...rest } = convertAttributes(attribs);
        return {
          tagName: 'a',
          attribs: isExternal(rest.href) ? { ...rest, rel: 'noopener noreferrer' } : rest,
        };
      },
      '*': (tagName, attribs) => ({ tagName, attribs: convertAttributes(attribs) }),
    },
    textFilter: convert ? (text, tagName) => (verbatimTags.has(tagName) ? text : convert(text)) : undefined,
  };
}

const plainPolicy = policyFor(undefined);

/**
 * Cleans HTML by the site's allow-list and, given a converter, converts its visible text.
 * @example sanitizeArticleHtml('<p onclick="x()">软件</p>', toHant) // => '<p>軟件</p>'
 */
export function sanitizeArticleHtml(html: string, convert?: Convert): string {
  return sanitize(html, convert ? policyFor(convert) : plainPolicy);
}

/** The plain policy with the transforms of `a` and `img` followed by extra steps, for passes over HTML that is already clean. */
function withTransforms(after: { readonly a?: AttributeStep; readonly img?: AttributeStep }): IOptions {
  const transformTags = { ...plainPolicy.transformTags };
  for (const tagName of ['a', 'img'] as const) {
    const step = after[tagName];
    if (!step) continue;
    const own = transformTags[tagName];
    transformTags[tagName] = (name: string, attribs: sanitize.Attributes) => {
      const tag = typeof own === 'function' ? own(name, attribs) : { tagName: name, attribs };
      return { tagName: tag.tagName, attribs: step(tag.attribs) };
    };
  }
  return { ...plainPolicy, transformTags };
}

type AttributeStep = (attribs: sanitize.Attributes) => sanitize.Attributes;

/**
 * The `src` of every image in sanitized HTML, in document order.
 * @example findImageSources('<p><img src="/a.jpg" alt="" /></p>') // => ['/a.jpg']
 */
export function findImageSources(html: string): string[] {
  const sources: string[] = [];
  sanitize(
    html,
    withTransforms({
      img: (attribs) => {
        if (attribs.src) sources.push(attribs.src);
        return attribs;
      },
    }),
  );
  return sources;
}

/** An attribute step that resolves one URL attribute against a base, dropping it when it cannot be resolved. */
function resolveAttribute(name: string, base: URL): AttributeStep {
  return (attribs) =>
    Object.fromEntries(
      Object.entries(attribs).flatMap(([key, value]): [string, string][] => {
        if (key !== name) return [[key, value]];
        try {
          return [[key, new URL(value, base).href]];
        } catch {
          return [];
        }
      }),
    );
}

/**
 * Makes the links and image sources of sanitized HTML absolute, for HTML read away from the site (feeds).
 * @example absolutizeUrls('<a href="/zh-hans">首页</a>', new URL('https://news.example.com/')) // => '<a href="https://news.example.com/zh-hans">首页</a>'
 */
export function absolutizeUrls(html: string, base: URL): string {
  return sanitize(html, withTransforms({ a: resolveAttribute('href', base), img: resolveAttribute('src', base) }));
}
