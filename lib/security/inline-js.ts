import { createHash } from 'node:crypto';
import { attribute, findElements, parentTagName, parseHtml, textOf, type HtmlElement } from '../html';

/**
 * The inline JS a prerendered page may carry, for its Content-Security-Policy.
 * The policy allows inline JS by hash, so hashing whatever a page holds would
 * allow code that reached it by mistake (an unescaped value in the body, say).
 * Only the inline JS Next.js writes itself, recognised by its structure and
 * its place (children of <head> or <body>, never inside the page's content), is
 * hashed; the site's own JS is external files (lib/site-scripts.ts). Any other
 * inline <script> makes the page foreign, and the build that wrote it fails.
 * The static export recognises the same inline JS to cut it out (lib/export-transform.ts).
 * ("Script" elsewhere in the site means 简 or 繁; here it is only the HTML element.)
 */

/** A `'sha256-…'` source for the CSP. */
export type HashSource = `'sha256-${string}'`;

// Types a browser runs as JS; any other type (JSON-LD) is a data block the CSP does not govern.
const javascriptTypes = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** Whether a `<script type>` (undefined when absent) makes a browser run the element as JS. */
export function isJavaScriptType(type: string | undefined): boolean {
  return javascriptTypes.has((type ?? '').trim().toLowerCase());
}

/** JSON.parse that answers undefined instead of throwing. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `prefix` + JSON + `)` (and an optional `;`), where the JSON passes `isData`: a call whose only argument is data. */
function isCallWithData(body: string, prefix: string, isData: (value: unknown) => boolean): boolean {
  const call = body.endsWith(';') ? body.slice(0, -1) : body;
  return call.startsWith(prefix) && call.endsWith(')') && isData(parseJson(call.slice(prefix.length, -1)));
}

const flightStart = '(self.__next_f=self.__next_f||[]).push([0])';
const flightChunk = 'self.__next_f.push(';
const turbopackChunks = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(';

/** The RSC payload's chunks: `[kind, data…]` with a small integer kind and strings or numbers after it. */
function isFlightRecord(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    Number.isInteger(value[0]) &&
    value.slice(1).every((item) => typeof item === 'string' || typeof item === 'number')
  );
}

/** Turbopack's list of chunks and modules to load: an object of arrays of strings and numbers. */
function isChunkList(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (list) => Array.isArray(list) && list.every((item) => typeof item === 'string' || typeof item === 'number'),
    )
  );
}

/**
 * Whether inline JS is what Next.js writes: the RSC payload or Turbopack's chunk list.
 * @example isNextInlineJs('self.__next_f.push([1,"0:[]"])') // => true
 * @example isNextInlineJs('self.__next_f.push([1,"x"]);alert(1)') // => false
 */
export function isNextInlineJs(body: string): boolean {
  return (
    body === flightStart ||
    isCallWithData(body, flightChunk, isFlightRecord) ||
    isCallWithData(body, turbopackChunks, isChunkList)
  );
}

/** Whether an inline `<script>` is Next.js's own: its shape, and its place as a child of <head> or <body>. */
export function isWrittenByNext(element: HtmlElement): boolean {
  const parent = parentTagName(element);
  return (parent === 'head' || parent === 'body') && isNextInlineJs(textOf(element));
}

/** The CSP hash source of inline JS. */
export function hashSource(body: string): HashSource {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

export interface InlineJsAudit {
  /** Hashes of the inline JS the policy allows, in page order, without repeats. */
  readonly hashes: readonly HashSource[];
  /** The opening of every other inline JS: the page must not be published. */
  readonly foreign: readonly string[];
}

/** Sorts a page's inline JS into what Next.js wrote (hashed) and anything else (foreign). */
export function auditInlineJs(html: string): InlineJsAudit {
  const hashes: HashSource[] = [];
  const foreign: string[] = [];
  for (const element of findElements(parseHtml(html), 'script')) {
    if (attribute(element, 'src') !== undefined) continue;
    if (!isJavaScriptType(attribute(element, 'type'))) continue;
    const body = textOf(element);
    if (!isWrittenByNext(element)) {
      foreign.push(body.length > 120 ? `${body.slice(0, 120)}…` : body);
      continue;
    }
    const hash = hashSource(body);
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return { hashes, foreign };
}
