import 'server-only';
import { Converter } from 'opencc-js';
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
 */
const openccLocale = { 'zh-hans': 'cn', 'zh-hant': 'tw' } as const;

type Convert = (text: string) => string;

// Building a converter loads its dictionaries (up to a second): once per process and direction.
const converters = new Map<string, Convert>();

function getConverter(from: Script, to: Script): Convert {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = Converter({ from: openccLocale[from], to: openccLocale[to] });
    converters.set(key, convert);
  }
  return convert;
}

/**
 * Converts plain text written in one script to another; text already in the target script is returned as is.
 * @example convertText('软件', 'zh-hans', 'zh-hant') // => '軟件'
 */
export function convertText(text: string, from: Script, to: Script): string {
  if (from === to || text === '') return text;
  return getConverter(from, to)(text);
}

/** A converter bound to one direction, for passing to renderers. */
export function textConverter(from: Script, to: Script): Convert {
  return (text) => convertText(text, from, to);
}
