import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

/**
 * The one way the site reads HTML: htmlparser2, the parser sanitize-html is
 * built on, so what is read here is parsed as the sanitizer parsed it. Used on
 * sanitized article bodies (photos, reading time) and on built pages (the
 * inline JS the CSP allows, the framework JS the export cuts out). Writing HTML
 * is lib/sanitize.ts's alone; the export only cuts elements out of a built page.
 */

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type HtmlNode = HtmlDocument['children'][number];

function isElement(node: HtmlNode | HtmlDocument): node is HtmlElement {
  return 'attribs' in node;
}

/** The text of a text node; undefined for any other node. */
function textData(node: HtmlNode): string | undefined {
  return node.type === ElementType.Text && 'data' in node ? node.data : undefined;
}

/** Parses an HTML document or fragment; entities in text and attributes are decoded. */
export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html);
}

/**
 * Parses HTML keeping where each node starts and ends in the source, for
 * withoutElements: an edit that cuts elements out and leaves every other
 * character of the document as it was.
 */
export function parseHtmlWithOffsets(html: string): HtmlDocument {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true });
}

/**
 * The HTML with the given elements cut out, found by parseHtmlWithOffsets on the
 * same string. Nothing is written back from the parsed tree: the rest of the
 * page is byte for byte what it was. Throws when an element's offsets do not
 * hold that element (another string, or a parse without offsets).
 * @example withoutElements(html, findElements(parseHtmlWithOffsets(html), 'script')) // '<p>a<script>x</script>b</p>' => '<p>ab</p>'
 */
export function withoutElements(html: string, elements: readonly HtmlElement[]): string {
  const cuts = elements
    .map((element) => {
      const { startIndex: start, endIndex: end } = element;
      const source = start === null || end === null ? '' : html.slice(start, end + 1);
      if (
        start === null ||
        end === null ||
        !source.toLowerCase().startsWith(`<${element.name}`) ||
        !source.endsWith('>')
      ) {
        throw new Error(`<${element.name}> at ${String(start)}: its offsets do not hold it in this HTML`);
      }
      return { start, end: end + 1 };
    })
    .sort((a, b) => a.start - b.start);
  let result = '';
  let from = 0;
  for (const cut of cuts) {
    if (cut.start < from) throw new Error(`elements overlap at ${cut.start}: cut each one once`);
    result += html.slice(from, cut.start);
    from = cut.end;
  }
  return result + html.slice(from);
}

/** Every element of a tag name, in document order. */
export function findElements(root: HtmlDocument | HtmlElement, tagName: string): HtmlElement[] {
  return DomUtils.getElementsByTagName(tagName, root, true);
}

/** An element's attribute, or undefined. */
export function attribute(element: HtmlElement, name: string): string | undefined {
  return DomUtils.getAttributeValue(element, name);
}

/** The text inside an element, tags dropped. */
export function textOf(element: HtmlElement): string {
  return DomUtils.textContent(element);
}

/** The nearest ancestor with a tag name, or undefined. */
export function closest(element: HtmlElement, tagName: string): HtmlElement | undefined {
  for (let node = element.parent; node; node = node.parent) {
    if (isElement(node) && node.name === tagName) return node;
  }
  return undefined;
}

/**
 * The `src` of every image, in document order, entities decoded.
 * @example imageSources('<p><img src="/a.jpg" alt="" /></p>') // => ['/a.jpg']
 */
export function imageSources(html: string): string[] {
  return findElements(parseHtml(html), 'img').flatMap((image) => attribute(image, 'src') ?? []);
}

/** The tag name of an element's parent element, or undefined at the top. */
export function parentTagName(element: HtmlElement): string | undefined {
  return element.parent && isElement(element.parent) ? element.parent.name : undefined;
}

// Elements that end a word: their text never runs on into the next block's.
// Two lines: a list of names, not a structure to read one per line.
// prettier-ignore
const blockTags = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption',
  'pre', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
]);

/**
 * The visible text of HTML: blocks apart, inline tags dropped without a gap.
 * @example visibleText('<p>Open<em>AI</em> &amp; 软银</p><p>甲</p>') // => ' OpenAI & 软银  甲 '
 */
export function visibleText(html: string): string {
  let text = '';
  const walk = (nodes: HtmlDocument['children']) => {
    for (const node of nodes) {
      const data = textData(node);
      if (data !== undefined) text += data;
      else if (isElement(node)) {
        const block = blockTags.has(node.name);
        if (block) text += ' ';
        walk(node.children);
        if (block) text += ' ';
      }
    }
  };
  walk(parseHtml(html).children);
  return text;
}
