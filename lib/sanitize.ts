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

// sanitize-html escapes exactly these when it writes text and attribute values.
const escapedCharacters: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

// Tags that end a word: their text never runs on into the next block's.
const blockTag = /<\/?(?:p|h[1-6]|br|hr|blockquote|ul|ol|li|figure|figcaption|pre|table|caption|thead|tbody|tfoot|tr|th|td)\b[^>]*>/g;

/**
 * The visible text of HTML that sanitizeArticleHtml produced: blocks apart, inline tags dropped without a gap.
 * @example textOfSanitizedHtml('<p>Open<em>AI</em> &amp; 软银</p><p>甲</p>') // => ' OpenAI & 软银  甲 '
 */
export function textOfSanitizedHtml(html: string): string {
  return html
    .replace(blockTag, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => escapedCharacters[entity] ?? entity);
}
