import 'server-only';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import { placeholder } from '../articles';
import { detectScript } from './scaffold';
import type { Script } from '../script';

/**
 * Turns a news page scraped from the web (headline, byline, body, captions,
 * copyright, editor, then the related and hot headline lists) into an article
 * and headline entries, repairing the damage such scrapes carry: pinyin after
 * characters, mojibake around closing quotes, half-width punctuation in Chinese.
 */

export type RepairKind = 'pinyin' | 'mojibake' | 'punctuation';

export interface Repair {
  readonly line: number;
  readonly kind: RepairKind;
  readonly detail: string;
}

export interface ImportedHeadline {
  readonly title: string;
  readonly time?: string;
  readonly topic?: string;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'caption'; readonly text: string; readonly credit: string };

export interface ImportedPage {
  readonly title?: string;
  readonly author?: string;
  readonly source?: string;
  readonly editor?: string;
  readonly copyright?: string;
  readonly blocks: readonly Block[];
  readonly related: { readonly title: string; readonly items: readonly ImportedHeadline[] };
  readonly hot: { readonly title: string; readonly items: readonly ImportedHeadline[] };
  readonly repairs: readonly Repair[];
  /** Lines the importer could not assign to any part of the article. */
  readonly unplaced: readonly { readonly line: number; readonly text: string }[];
  /** A mojibake pattern that was recognised but could not be decoded. */
  readonly unrepaired: readonly { readonly line: number; readonly text: string }[];
}

const toneMarks = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const pinyinAfterHan = new RegExp(`(?<=\\p{Script=Han})\\(([a-zü${toneMarks}]+)\\)`, 'gu');
const hasToneMark = new RegExp(`[${toneMarks}]`, 'u');

/**
 * Removes pinyin readings the scrape left after characters; Latin names in parentheses stay.
 * @example removePinyin('觀察者網(wǎng)(OpenAI)').text // => '觀察者網(OpenAI)'
 */
export function removePinyin(line: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const text = line.replace(pinyinAfterHan, (match, syllable: string) => {
    if (!hasToneMark.test(syllable)) return match;
    removed.push(syllable);
    return '';
  });
  return { text, removed };
}

// In GBK, “。” is A1 A3 and “”” is A1 B1. A decoder one byte out of step reads them as "?!" and glues
// the quote's last byte (B1) to the next character's first byte; a line end leaves a lone "?".
const gbkQuoteTail = 0xb1;

/**
 * Repairs the closing-quote mojibake: `?!` then either a lone `?` at the line's end
 * or the following characters shifted by one GBK byte.
 * @example repairMojibake('開始了?!睂O正義').text // => '開始了。”孫正義'
 */
export function repairMojibake(line: string): { text: string; repaired: number; unrepaired: boolean } {
  let repaired = 0;
  let unrepaired = false;
  let text = line.replace(/\?!\?$/u, () => {
    repaired += 1;
    return '。”';
  });
  text = text.replace(/\?!(\p{Script=Han})([\x21-\x7e])/gu, (match, glued: string, tail: string) => {
    const bytes = iconv.encode(glued + tail, 'gbk');
    if (bytes[0] !== gbkQuoteTail || bytes.length !== 3) {
      unrepaired = true;
      return match;
    }
    const restored = iconv.decode(bytes.subarray(1), 'gbk');
    if (!/^\p{Script=Han}$/u.test(restored)) {
      unrepaired = true;
      return match;
    }
    repaired += 1;
    return `。”${restored}`;
  });
  if (text.includes('?!')) unrepaired = true;
  return { text, repaired, unrepaired };
}

const chineseContext = '[\\p{Script=Han}“”‘’《》「」（）。，、：；？！…]';
const halfWidth = new RegExp(
  `(?<=${chineseContext}|[A-Za-z0-9])[,:;?!](?=${chineseContext})|(?<=${chineseContext})[,:;?!](?=[A-Za-z0-9]|$)`,
  'gu',
);
const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

/**
 * Makes comma, colon, semicolon, question and exclamation marks full-width where they stand in Chinese text.
 * @example fullWidthPunctuation('分歧,5000億') // => { text: '分歧，5000億', changed: 1 }
 */
export function fullWidthPunctuation(line: string): { text: string; changed: number } {
  let changed = 0;
  const text = line.replace(halfWidth, (mark) => {
    changed += 1;
    return fullWidth[mark] ?? mark;
  });
  return { text, changed };
}

const bylinePattern = /^【文\/\s*(\S+)\s+(\S+?)\s*】/u;
const captionPattern = /^(.+[。！？”])\s+(\S{2,12})$/u;
const copyrightPattern = /^本文系.*(?:授權|授权|轉載|转载)/u;
const editorPattern = /^-?\s*(?:責任編輯|责任编辑)\s*[:：]\s*(\S+)\s*$/u;
const headlineMetaPattern = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(?:\s+([^\s-].*?))?(?:\s+-)?\s*$/u;
const relatedTitlePattern = /^(相關推薦|相关推荐)\s*-?\s*$/u;
const hotTitlePattern = /^(最新聞|最新闻)(?:\s+Hot)?\s*-?\s*$/iu;

/** Reads a scraped page into the parts of an article, with every repair it made and every line it could not place. */
export function parseScrapedPage(raw: string): ImportedPage {
  const repairs: Repair[] = [];
  const unplaced: { line: number; text: string }[] = [];
  const unrepaired: { line: number; text: string }[] = [];
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((original, index) => {
      const line = index + 1;
      const pinyin = removePinyin(original);
      for (const syllable of pinyin.removed) repairs.push({ line, kind: 'pinyin', detail: `removed (${syllable})` });
      const mojibake = repairMojibake(pinyin.text);
      if (mojibake.repaired > 0) repairs.push({ line, kind: 'mojibake', detail: `restored 。” ${mojibake.repaired}×` });
      if (mojibake.unrepaired) unrepaired.push({ line, text: original });
      const punctuation = fullWidthPunctuation(mojibake.text.trim());
      if (punctuation.changed > 0)
        repairs.push({ line, kind: 'punctuation', detail: `made ${punctuation.changed} mark(s) full-width` });
      return { line, text: punctuation.text };
    })
    .filter((entry) => entry.text !== '' && entry.text !== '-');

  let title: string | undefined;
  let author: string | undefined;
  let source: string | undefined;
  let editor: string | undefined;
  let copyright: string | undefined;
  const blocks: Block[] = [];
  const related: ImportedHeadline[] = [];
  const hot: ImportedHeadline[] = [];
  let relatedTitle = '相關推薦';
  let hotTitle = '最新聞';
  let section: 'title' | 'body' | 'lists' | 'hot' = 'title';

  for (let index = 0; index < lines.length; index += 1) {
    const { line, text } = lines[index] ?? { line: 0, text: '' };
    if (section === 'title') {
      title = text;
      section = 'body';
      continue;
    }
    if (section === 'body') {
      if (copyrightPattern.test(text)) {
        copyright = text;
        continue;
      }
      const editorMatch = editorPattern.exec(text);
      if (editorMatch) {
        editor = editorMatch[1];
        section = 'lists';
        continue;
      }
      let body = text;
      const byline = blocks.length === 0 ? bylinePattern.exec(body) : null;
      if (byline) {
        [, source, author] = byline;
        body = body.slice(byline[0].length);
      }
      const caption = captionPattern.exec(body);
      if (caption?.[1] && caption[2]) blocks.push({ kind: 'caption', text: caption[1], credit: caption[2] });
      else blocks.push({ kind: 'paragraph', text: body });
      continue;
    }
    if (relatedTitlePattern.test(text)) {
      relatedTitle = text.replace(/\s*-\s*$/, '');
      continue;
    }
    if (hotTitlePattern.test(text)) {
      hotTitle = text.replace(/\s+Hot.*$/i, '').replace(/\s*-\s*$/, '');
      section = 'hot';
      continue;
    }
    if (section === 'hot') {
      hot.push({ title: text });
      continue;
    }
    const meta = headlineMetaPattern.exec(lines[index + 1]?.text ?? '');
    if (meta) {
      related.push({ title: text, time: `${meta[1]}T${meta[2]}:00+08:00`, ...(meta[3] ? { topic: meta[3] } : {}) });
      index += 1;
    } else {
      unplaced.push({ line, text });
    }
  }
  return {
    title,
    author,
    source,
    editor,
    copyright,
    blocks,
    related: { title: relatedTitle, items: related },
    hot: { title: hotTitle, items: hot },
    repairs,
    unplaced,
    unrepaired,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes what markdown would read as markup, so scraped text shows as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`).replace(/^(#{1,6}\s|[-+]\s|\d+[.)]\s|>)/, '\\$1');
}

/** The most common day among the related headlines: a page's lists are made the day it runs. */
export function inferDate(page: ImportedPage): string | undefined {
  const counts = new Map<string, number>();
  for (const item of page.related.items) {
    const day = item.time?.slice(0, 10);
    if (day) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The markdown article file for an imported page: a draft until an editor writes the summary. */
export function renderImportedArticle(
  page: ImportedPage,
  options: { readonly date: string; readonly script?: Script },
): string {
  const body = page.blocks
    .map((block) =>
      block.kind === 'paragraph'
        ? escapeMarkdown(block.text)
        : `<figure class="caption-only">\n<figcaption>${escapeHtml(block.text)}<span class="credit">${escapeHtml(block.credit)}</span></figcaption>\n</figure>`,
    )
    .join('\n\n');
  const script = options.script ?? detectScript(body) ?? 'zh-hant';
  const frontmatter = {
    title: page.title ?? placeholder,
    date: options.date,
    author: page.author ?? placeholder,
    source: page.source ?? placeholder,
    ...(page.editor ? { editor: page.editor } : {}),
    summary: placeholder,
    topics: [],
    script,
    ...(page.copyright ? { copyright: page.copyright } : {}),
    draft: true,
  };
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;
}

/** The headlines file for an imported page's lists. */
export function renderImportedHeadlines(page: ImportedPage, script: Script): string {
  return stringify({ script, related: page.related, hot: page.hot }, { lineWidth: 0 });
}
