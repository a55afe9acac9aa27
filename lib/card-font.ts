import 'server-only';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { memo } from './memo';
import type { Script } from './script';

/**
 * The link-preview cards' typeface: Noto Sans CJK Bold (assets/fonts/, SIL OFL
 * 1.1), its Simplified Chinese face for zh-hans cards and its Traditional
 * Chinese face for zh-hant cards, so each card draws its own script's glyph
 * forms. Each card gets a subset of the collection holding only the characters
 * it shows, made with HarfBuzz's hb-subset (harfbuzzjs' WebAssembly build): a
 * font of a few kilobytes that satori parses at once, where the whole 20 MB
 * collection takes it seconds. The file is read by the build only; no page
 * ever loads a font.
 */

/** Where the collection is, relative to the project (the build's working directory). */
export const cardFontFile = path.join('assets', 'fonts', 'NotoSansCJK-Bold.ttc');

// The faces of NotoSansCJK-Bold.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK, then the Mono faces.
const faceIndex: Readonly<Record<Script, number>> = { 'zh-hans': 2, 'zh-hant': 3 };

/** The exports of harfbuzz-subset.wasm this module calls (pointers are numbers into its memory). */
interface HbSubset {
  readonly memory: WebAssembly.Memory;
  /** Emscripten's start-up of a module built without a main function. */
  _initialize?(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, set: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

function isHbSubset(exports: WebAssembly.Exports): exports is WebAssembly.Exports & HbSubset {
  return (
    exports.memory instanceof WebAssembly.Memory &&
    typeof exports.hb_subset_or_fail === 'function' &&
    typeof exports.malloc === 'function'
  );
}

/** The font collection as read from disk, once per process. */
const readCollection = memo('card-font-file', (file: string): Buffer =>
  fs.readFileSync(/* turbopackIgnore: true */ file),
);

/** The collection's bytes. */
export function cardFontBytes(): Buffer {
  return readCollection(path.join(/* turbopackIgnore: true */ process.cwd(), cardFontFile));
}

// Node's own resolution at run time: the bundler leaves the .wasm file where npm put it.
const projectRequire = createRequire(path.join(/* turbopackIgnore: true */ process.cwd(), 'package.json'));

/** hb-subset with the collection copied into its memory once; both faces are made once and kept. */
const loadSubsetter = memo('card-font-subsetter', async (file: string) => {
  const wasm = fs.readFileSync(
    /* turbopackIgnore: true */ projectRequire.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'),
  );
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports;
  if (!isHbSubset(hb))
    throw new Error(
      'harfbuzz-subset.wasm lacks the functions lib/card-font.ts calls: is harfbuzzjs the version package.json names?',
    );
  hb._initialize?.();
  const collection = readCollection(file);
  const pointer = hb.malloc(collection.byteLength);
  new Uint8Array(hb.memory.buffer).set(collection, pointer);
  const blob = hb.hb_blob_create(pointer, collection.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const faces: Record<Script, number> = {
    'zh-hans': hb.hb_face_create(blob, faceIndex['zh-hans']),
    'zh-hant': hb.hb_face_create(blob, faceIndex['zh-hant']),
  };
  return { hb, faces };
});

/**
 * A font of only the characters of `text`, in a script's face: an OpenType
 * (CFF) font for satori. Layout tables and hints are dropped: the cards set
 * plain horizontal text and are drawn as outlines.
 */
export async function subsetCardFont(script: Script, text: string): Promise<Buffer> {
  const { hb, faces } = await loadSubsetter(path.join(/* turbopackIgnore: true */ process.cwd(), cardFontFile));
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb-subset could not start a subset');
  let subset = 0;
  try {
    hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const character of new Set(text)) hb.hb_set_add(unicodes, character.codePointAt(0) ?? 0);
    subset = hb.hb_subset_or_fail(faces[script], input);
    if (subset === 0) throw new Error(`hb-subset failed on ${cardFontFile}`);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  const blob = hb.hb_face_reference_blob(subset);
  try {
    // Copied out: the memory view is detached whenever the WebAssembly memory grows.
    return Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)));
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

/** The code points a face maps to glyphs, as sorted [first, last] ranges from its cmap. */
type Coverage = readonly (readonly [number, number])[];

/**
 * Reads the format 12 cmap (Windows, full Unicode) of one face of a font
 * collection. Every Noto CJK face has one; a font without it covers nothing here.
 */
function readCoverage(collection: Buffer, index: number): Coverage {
  const fontOffset = collection.toString('latin1', 0, 4) === 'ttcf' ? collection.readUInt32BE(12 + 4 * index) : 0;
  const tableCount = collection.readUInt16BE(fontOffset + 4);
  let cmap = -1;
  for (let table = 0; table < tableCount; table += 1) {
    const record = fontOffset + 12 + 16 * table;
    if (collection.toString('latin1', record, record + 4) === 'cmap') cmap = collection.readUInt32BE(record + 8);
  }
  if (cmap < 0) return [];
  const encodings = collection.readUInt16BE(cmap + 2);
  for (let encoding = 0; encoding < encodings; encoding += 1) {
    const record = cmap + 4 + 8 * encoding;
    const subtable = cmap + collection.readUInt32BE(record + 4);
    if (
      collection.readUInt16BE(record) !== 3 ||
      collection.readUInt16BE(record + 2) !== 10 ||
      collection.readUInt16BE(subtable) !== 12
    )
      continue;
    const groups = collection.readUInt32BE(subtable + 12);
    return Array.from({ length: groups }, (_, group) => {
      const at = subtable + 16 + 12 * group;
      return [collection.readUInt32BE(at), collection.readUInt32BE(at + 4)] as const;
    });
  }
  return [];
}

const coverageOf = memo('card-font-coverage', (collection: Buffer, script: Script): Coverage =>
  readCoverage(collection, faceIndex[script]),
);

/** Whether a script's face draws a character. @example fontCovers('zh-hant', '軟') // => true */
export function fontCovers(script: Script, character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  const ranges = coverageOf(cardFontBytes(), script);
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = ranges[middle] ?? [0, -1];
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Text with every character the face cannot draw left out (an emoji, a rare
 * ideograph outside the font). satori would otherwise ask Google Fonts or an
 * emoji CDN for the missing glyphs: no font request may leave the site.
 * @example drawableText('zh-hans', '发布会🎉') // => '发布会'
 */
export function drawableText(script: Script, text: string): string {
  // By code point, as a font maps characters: an emoji sequence falls apart into parts the font lacks anyway.
  return Array.from(text)
    .filter((character) => /\s/.test(character) || fontCovers(script, character))
    .join('');
}
