import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { sanitizeArticleHtml, type SanitizeOptions } from './sanitize';

/**
 * Markdown to safe HTML. Raw HTML is on, so editors can write a `<figure>` or
 * `<ruby>`; everything still passes the sanitizer's allow-list afterwards.
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: 20 }).use(
  // CommonMark leaves `**粗体。**后` literal next to CJK punctuation; this plugin fixes it.
  cjkFriendly,
);

/**
 * Renders markdown to sanitized HTML, converting visible text when given a converter.
 * @example renderMarkdown('**软件**', toHant) // => '<p><strong>軟件</strong></p>\n'
 */
export function renderMarkdown(
  source: string,
  convert?: (text: string) => string,
  options: Omit<SanitizeOptions, 'convert'> = {},
): string {
  return sanitizeArticleHtml(markdown.render(source), { ...options, convert });
}
