import {
  attribute,
  findElements,
  parseHtmlWithOffsets,
  textOf,
  withoutElements,
  type HtmlDocument,
  type HtmlElement,
} from './html';
import { isJavaScriptType, isWrittenByNext } from './security/inline-js';

/**
 * The static export's pages without Next.js's client runtime. No page of the
 * site needs it: the 简/繁 switch and every list are plain links and nothing
 * hydrates, yet every page carries about 130 KB gzipped of framework scripts and
 * an inline RSC payload that repeats the page. Next.js has no switch to leave
 * them out in the App Router, so the export cuts them out of each built page:
 *
 * - Next's inline JS (the RSC payload and Turbopack's chunk list, recognised as
 *   lib/security/inline-js.ts recognises them for the CSP);
 * - its chunk scripts (`<script src="/_next/static/chunks/…">`, the noModule
 *   polyfills included) and their `modulepreload` / `preload as=script` links.
 *
 * JSON-LD stays (data, not script), and so do the site's own script files
 * (`<script src>` at a path of the site outside /_next/, lib/site-scripts.ts).
 * Anything else that runs or loads JS is a page the export does not understand:
 * it is reported, never guessed at, and the export fails rather than ship a
 * half-stripped page. Elements are cut from the HTML at the offsets the parser
 * found (lib/html.ts); nothing else of the page changes.
 */

/** A page of the export once Next.js's runtime is cut out of it. */
export interface StrippedPage {
  readonly html: string;
  /** The site's own script files the page still loads, by path (its CSP must allow 'self'). */
  readonly siteScripts: readonly string[];
  /** What the export does not understand on this page; any one refuses the export. */
  readonly unknown: readonly string[];
}

// The framework's client chunks; Next.js writes them as root-relative paths (no assetPrefix here).
const frameworkChunks = '/_next/static/chunks/';
const frameworkFolder = '/_next/';
// Only to resolve a root-relative path: a URL that leaves this origin is not the site's.
const probeOrigin = 'https://site.invalid';

type Verdict =
  | { readonly kind: 'framework' }
  | { readonly kind: 'site'; readonly path: string }
  | { readonly kind: 'keep' }
  | { readonly kind: 'unknown'; readonly why: string };

const framework: Verdict = { kind: 'framework' };
const keep: Verdict = { kind: 'keep' };

/** A short, one-line picture of an element for an error message. */
function describe(element: HtmlElement): string {
  const attributes = Object.entries(element.attribs)
    .map(([name, value]) => (value === '' ? name : `${name}="${value}"`))
    .join(' ');
  return `<${element.name}${attributes ? ` ${attributes}` : ''}>`;
}

/** Where a script URL leads: the framework's chunks, a file of the site, or somewhere the export does not know. */
function scriptUrlVerdict(url: string, element: HtmlElement): Verdict {
  let resolved: URL;
  try {
    resolved = new URL(url, probeOrigin);
  } catch {
    return { kind: 'unknown', why: `${describe(element)}: a script URL that does not parse` };
  }
  // Root-relative only: `//host/x.js`, `https://…` and a relative `x.js` are none of the site's scripts.
  if (resolved.origin !== probeOrigin || !url.startsWith('/') || url.startsWith('//')) {
    return { kind: 'unknown', why: `${describe(element)}: a script from outside the site's root paths` };
  }
  if (resolved.pathname.startsWith(frameworkChunks) && resolved.pathname.endsWith('.js')) return framework;
  if (resolved.pathname.startsWith(frameworkFolder))
    return { kind: 'unknown', why: `${describe(element)}: a script of Next.js's that is not a chunk` };
  return { kind: 'site', path: resolved.pathname };
}

function scriptVerdict(script: HtmlElement): Verdict {
  const src = attribute(script, 'src');
  if (src !== undefined) return scriptUrlVerdict(src, script);
  const type = attribute(script, 'type');
  if (type?.trim().toLowerCase() === 'application/ld+json') return keep;
  if (!isJavaScriptType(type))
    return { kind: 'unknown', why: `${describe(script)}: a script type the export does not know` };
  if (isWrittenByNext(script)) return framework;
  const body = textOf(script);
  return {
    kind: 'unknown',
    why: `inline <script> that Next.js did not write: ${body.length > 120 ? `${body.slice(0, 120)}…` : body}`,
  };
}

/** Links that make the browser fetch a script: `modulepreload`, and `preload` / `prefetch` as a script. */
function linkVerdict(link: HtmlElement): Verdict {
  const rel = (attribute(link, 'rel') ?? '').toLowerCase().split(/\s+/);
  const asScript = (attribute(link, 'as') ?? '').trim().toLowerCase() === 'script';
  if (!rel.includes('modulepreload') && !((rel.includes('preload') || rel.includes('prefetch')) && asScript))
    return keep;
  const href = attribute(link, 'href');
  if (href === undefined) return { kind: 'unknown', why: `${describe(link)}: a script preload without href` };
  return scriptUrlVerdict(href, link);
}

function verdicts(document: HtmlDocument): { readonly element: HtmlElement; readonly verdict: Verdict }[] {
  return [
    ...findElements(document, 'script').map((element) => ({ element, verdict: scriptVerdict(element) })),
    ...findElements(document, 'link').map((element) => ({ element, verdict: linkVerdict(element) })),
  ];
}

/**
 * Cuts Next.js's client runtime out of a built page and reports the site scripts it keeps.
 * @example stripFrameworkJs('<head><script src="/_next/static/chunks/a.js" async=""></script></head>').html // => '<head></head>'
 */
export function stripFrameworkJs(html: string): StrippedPage {
  const found = verdicts(parseHtmlWithOffsets(html));
  const unknown = found.flatMap(({ verdict }) => (verdict.kind === 'unknown' ? [verdict.why] : []));
  const siteScripts = [...new Set(found.flatMap(({ verdict }) => (verdict.kind === 'site' ? [verdict.path] : [])))];
  const stripped = withoutElements(
    html,
    found.flatMap(({ element, verdict }) => (verdict.kind === 'framework' ? [element] : [])),
  );
  // Read the result again: a cut that left any of the runtime behind must not pass for a clean page.
  const left = verdicts(parseHtmlWithOffsets(stripped)).filter(({ verdict }) => verdict.kind === 'framework');
  for (const { element } of left) unknown.push(`${describe(element)}: still there after the runtime was cut out`);
  return { html: stripped, siteScripts, unknown };
}
