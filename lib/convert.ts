import 'server-only';
import { Converter, Trie } from 'opencc-js';
import { memo } from './memo';
import type { Script } from './script';

/**
 * Script conversion with opencc-js. All opencc-js use lives here, on the server:
 * its dictionaries are hundreds of kilobytes and must never reach the browser.
 *
 * Simplified is OpenCC `cn`. Traditional is `tw` (Taiwan characters) rather than
 * `twp`: `twp` also swaps mainland vocabulary for Taiwanese (项目 → 專案,
 * 视频 → 影片), which rewrites a journalist's words instead of their script.
 * `tw` is chosen over `hk` because Taiwan's standard is the one most
 * Traditional readers learned.
 *
 * Editors steer conversion two ways: `{{…}}` keeps a span exactly as written in
 * both scripts (the braces are not shown), and override tables force a
 * conversion. Overridden and protected spans never enter opencc-js at all, so
 * they win over its dictionaries in every stage.
 */
const openccLocale = { 'zh-hans': 'cn', 'zh-hant': 'tw' } as const;

type Convert = (text: string) => string;

/** Forced conversions: source text in the article's script → text in the other script. */
export type Overrides = Readonly<Record<string, string>>;

const noOverrides: Overrides = Object.freeze({});

/**
 * One converter per direction and process: building one loads its dictionaries
 * (up to a second). `npm run bench` counts the entries of this store
 * (lib/memo.ts keeps it on globalThis) to show it stays at one per direction.
 */
const getConverter = memo('opencc-converter', (from: Script, to: Script): Convert =>
  Converter({ from: openccLocale[from], to: openccLocale[to] }),
);

/** The trie of an override table, built the first time the table is used; null for an empty table. */
const getOverrideTrie = memo('override-trie', (overrides: Overrides): Trie | null => {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return null;
  const trie = new Trie();
  for (const [source, target] of entries) trie.addWord(source, target);
  return trie;
});

function convertFree(text: string, convert: Convert, trie: Trie | null): string {
  if (text === '') return text;
  if (!trie) return convert(text);
  // Longest override match wins at each position; the text between matches goes through opencc-js.
  let out = '';
  let pending = '';
  let index = 0;
  while (index < text.length) {
    const match = trie.matchPrefix(text, index);
    if (match) {
      out += (pending === '' ? '' : convert(pending)) + match.value;
      pending = '';
      index = match.end;
    } else {
      const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
      pending += char;
      index += char.length;
    }
  }
  return out + (pending === '' ? '' : convert(pending));
}

const protectedSpan = /\{\{(.+?)\}\}/gs;

/**
 * Converts plain text written in one script to another, honouring `{{…}}`
 * spans and forced conversions. Text in its own script only loses the braces.
 * @example convertText('软件', 'zh-hans', 'zh-hant') // => '軟件'
 * @example convertText('{{于}}小姐的头发', 'zh-hans', 'zh-hant') // => '于小姐的頭髮'
 */
export function convertText(text: string, from: Script, to: Script, overrides: Overrides = noOverrides): string {
  if (text === '') return text;
  const free =
    from === to
      ? (part: string) => part
      : (part: string) => convertFree(part, getConverter(from, to), getOverrideTrie(overrides));
  let out = '';
  let last = 0;
  for (const match of text.matchAll(protectedSpan)) {
    out += free(text.slice(last, match.index)) + (match[1] ?? '');
    last = match.index + match[0].length;
  }
  return out + free(text.slice(last));
}

/** A converter bound to one direction and override table, for passing to renderers. */
export function textConverter(from: Script, to: Script, overrides: Overrides = noOverrides): Convert {
  return (text) => convertText(text, from, to, overrides);
}
