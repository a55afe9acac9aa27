import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { cache } from 'react';
import { z } from 'zod';
import { memo } from './memo';

/**
 * Reading editor files from content/: decoding, frontmatter, YAML and schema
 * errors. Every problem names the file and the field, and all problems of a
 * file are reported at once, so an editor fixes a file in one pass.
 */

/** Where editors keep articles and the headlines file; CONTENT_DIR points tests at fixture sites. */
const contentDir = process.env.CONTENT_DIR
  ? path.resolve(/* turbopackIgnore: true */ process.env.CONTENT_DIR)
  : path.join(process.cwd(), 'content');

/** One thing wrong in a content file. */
export interface ContentProblem {
  readonly file: string;
  readonly field?: string;
  readonly line?: number;
  readonly message: string;
}

/** Invalid content: the build stops and prints every problem. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(`Invalid content:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** @example formatProblem({ file: 'content/a.md', field: 'date', message: 'required' }) // => 'content/a.md — date: required' */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const line = problem.field ? `${where} — ${problem.field}: ${problem.message}` : `${where} — ${problem.message}`;
  // A field or file name is the editor's text and may hold control characters: printed raw, they would rewrite the terminal.
  return line.replace(
    /[\u0000-\u001F\u007F-\u009F]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Tab and newline are text; every other C0 control and DEL is invisible in an editor and would reach the HTML raw.
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const controlNames = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
];

/** @example describeControlCharacter('\u0007') // => 'contains the control character U+0007 (BEL) (delete it; it is invisible and breaks pages)' */
function describeControlCharacter(char: string): string {
  const code = char.charCodeAt(0);
  const name = code === 0x7f ? 'DEL' : (controlNames[code] ?? '');
  return `contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name}) (delete it; it is invisible and breaks pages)`;
}

/** The control characters a text may not hold, each once per line, with the 0-based line it is first on. */
function findControlCharacters(text: string): { readonly lineIndex: number; readonly char: string }[] {
  const found = new Map<string, { readonly lineIndex: number; readonly char: string }>();
  let lineIndex = 0;
  let counted = 0;
  for (const match of text.matchAll(controlCharacter)) {
    lineIndex += text.slice(counted, match.index).split('\n').length - 1;
    counted = match.index;
    const key = `${lineIndex}:${match[0]}`;
    if (!found.has(key)) found.set(key, { lineIndex, char: match[0] });
  }
  return [...found.values()];
}

/** A path as editors see it, relative to the project. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

// A real article is a few tens of kilobytes; anything near this is a paste gone wrong.
export const maxContentBytes = 512 * 1024;

/**
 * Reads a file of the content folder as text (see readTextFile). Throws a
 * ContentError naming the entry when it is a link leading out of the folder,
 * a link to nothing or to itself, a folder, or unreadable for any reason.
 */
export function readContentFile(file: string): string {
  const shown = displayPath(file);
  let real: string;
  let root: string;
  try {
    real = fs.realpathSync(file);
    // Compared as real paths, so a content folder that is itself reached through a link still holds its files.
    root = fs.realpathSync(contentDir);
  } catch (error) {
    throw new ContentError([{ file: shown, message: describeReadError(file, error) }]);
  }
  const inside = path.relative(root, real);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new ContentError([
      {
        file: shown,
        message: isSymbolicLink(file)
          ? 'this entry is a link to a file outside the content folder (move the file into content/)'
          : 'this entry is in a linked folder outside the content folder (move the folder into content/)',
      },
    ]);
  }
  return decodeText(readBytes(real, shown), shown);
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads a UTF-8 text file an editor names, such as a scraped page (a BOM is dropped, CRLF and a lone CR become LF); throws a ContentError naming it. */
export function readTextFile(file: string): string {
  const shown = displayPath(file);
  return decodeText(readBytes(file, shown), shown);
}

/** Reads a content file a site may do without (headlines.yaml, conversions.yaml); undefined when there is no such entry. */
export function readOptionalContentFile(name: string): { readonly file: string; readonly text: string } | undefined {
  const file = contentPath(name);
  let entry: fs.Stats | undefined;
  try {
    // lstat, not exists: a link to nothing is an entry the editor made, so it is reported rather than ignored.
    entry = fs.lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new ContentError([{ file: displayPath(file), message: describeReadError(file, error) }]);
  }
  return entry ? { file, text: readContentFile(file) } : undefined;
}

function readBytes(file: string, shown: string): Buffer {
  const refuse = (message: string) => new ContentError([{ file: shown, message }]);
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory())
      throw refuse('this entry is a folder, not a file (give the folder a name that does not end in .md or .yaml)');
    // A pipe or a device would block the read or never end.
    if (!stat.isFile()) throw refuse('this entry is not a regular file (expected a text file)');
    // Refused before reading, so a runaway file never fills memory.
    if (stat.size > maxContentBytes) throw refuse(`file is ${stat.size} bytes (expected at most ${maxContentBytes})`);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw refuse(describeReadError(file, error));
  }
}

/** The code of a file-system error (ENOENT, ELOOP…), when it has one. */
function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Says why an entry cannot be read, in the editor's words, with the system's code for anything unusual. */
function describeReadError(file: string, error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'ELOOP':
      return 'this entry is a link that loops back on itself (replace the link with the file itself)';
    case 'ENOENT':
      return isSymbolicLink(file)
        ? 'this entry is a link to a file that does not exist (delete the link, or restore the file it points to)'
        : 'this entry disappeared while it was being read (ENOENT) (run the check again)';
    case 'EACCES':
    case 'EPERM':
      return `this entry cannot be read: permission denied (${code}) (let the user who runs the check read it)`;
    default:
      return `this entry cannot be read (${code ?? (error instanceof Error ? error.message : String(error))}) (expected a readable file)`;
  }
}

function decodeText(bytes: Uint8Array, shown: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const legacy = guessLegacyEncoding(bytes);
    throw new ContentError([
      {
        file: shown,
        message: legacy
          ? `file is encoded as ${legacy}, not UTF-8 (save it as UTF-8)`
          : 'file is not valid UTF-8 (save it as UTF-8)',
      },
    ]);
  }
  // A lone CR is an old Mac line ending: every editor shows it as a line break, so it is read as one.
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// The most frequent characters of each script: decoded with the right legacy encoding, a text is full of them.
const commonSimplified = new Set(
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实',
);
const commonTraditional = new Set(
  '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實',
);

function commonShare(text: string, common: ReadonlySet<string>): number {
  let han = 0;
  let hits = 0;
  for (const char of text) {
    if (/\p{Script=Han}/u.test(char)) {
      han += 1;
      if (common.has(char)) hits += 1;
    }
  }
  return han === 0 ? 0 : hits / han;
}

/**
 * Names the legacy Chinese encoding a non-UTF-8 file most likely uses, so the
 * error tells the editor what happened; undefined when neither fits.
 */
export function guessLegacyEncoding(bytes: Uint8Array): 'GBK' | 'Big5' | undefined {
  const decode = (label: string) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
  const gbk = decode('gbk');
  const big5 = decode('big5');
  const gbkScore = gbk === undefined ? -1 : commonShare(gbk, commonSimplified);
  const big5Score = big5 === undefined ? -1 : commonShare(big5, commonTraditional);
  if (gbkScore <= 0 && big5Score <= 0) return undefined;
  return gbkScore >= big5Score ? 'GBK' : 'Big5';
}

/** What a content folder holds: the files to read, the names left alone, and what is wrong with the folder itself. */
export interface ContentListing {
  /** The files to read, sorted. */
  readonly files: readonly string[];
  /** Files whose names start with _ . or #, sorted: never read, never published. */
  readonly skipped: readonly string[];
  readonly problems: readonly ContentProblem[];
}

// Templates (_template.md), hidden notes and editors' lock files (.#x.md) sit beside articles; Astro and Hugo skip them too.
const skippedName = /^[_.#]/;

/** Lists the files with an extension in a content folder; none when the folder is missing. */
export function listContentFiles(folder: string, extension: string): ContentListing {
  const dir = path.join(contentDir, folder);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { files: [], skipped: [], problems: [] };
    return {
      files: [],
      skipped: [],
      problems: [
        {
          file: displayPath(dir),
          message: `this folder cannot be read (${code ?? String(error)}) (expected a readable folder)`,
        },
      ],
    };
  }
  const matching = names.filter((name) => name.endsWith(extension)).sort();
  const kept = matching.filter((name) => !skippedName.test(name));
  return {
    files: kept.map((name) => path.join(dir, name)),
    skipped: matching.filter((name) => skippedName.test(name)).map((name) => path.join(dir, name)),
    problems: findCaseCollisions(kept).map(({ first, others }) => ({
      file: displayPath(path.join(dir, first)),
      message: `file name differs from ${others.join(' and ')} only in case (rename one: macOS and Windows see them as one file)`,
    })),
  };
}

/**
 * Names that are one name but for case: one file on a case-insensitive disk,
 * where one article would silently replace the other.
 * @example findCaseCollisions(['Story.md', 'other.md', 'story.md']) // => [{ first: 'Story.md', others: ['story.md'] }]
 */
function findCaseCollisions(
  names: readonly string[],
): { readonly first: string; readonly others: readonly string[] }[] {
  const byFoldedName = new Map<string, string[]>();
  for (const name of names)
    byFoldedName.set(name.toLowerCase(), [...(byFoldedName.get(name.toLowerCase()) ?? []), name]);
  return [...byFoldedName.values()].flatMap(([first, ...others]) =>
    first !== undefined && others.length > 0 ? [{ first, others }] : [],
  );
}

/** The path of a file in the content folder. */
export function contentPath(...parts: string[]): string {
  return path.join(contentDir, ...parts);
}

/** Parsed YAML that remembers where each field stands, so problems can name their line. */
export interface YamlSource {
  readonly data: unknown;
  /** What is wrong in the values themselves (tags, control characters), reported by validate() beside the schema's problems. */
  readonly problems: readonly ContentProblem[];
  /** The file line of the field at a path (the key's line), or undefined when it is absent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface Frontmatter {
  readonly yaml: YamlSource;
  readonly body: string;
  /** The file line the body starts on, to report body problems by file line. */
  readonly bodyLine: number;
  /** What is wrong in the body's characters (control characters), each with its file line. */
  readonly bodyProblems: readonly ContentProblem[];
}

/** Splits `---` fenced YAML frontmatter from a markdown body; throws a ContentError when missing or unterminated. */
export function splitFrontmatter(text: string, file: string): Frontmatter {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    throw new ContentError([
      { file, line: 1, message: 'missing frontmatter (expected the file to start with a "---" line)' },
    ]);
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (end === -1) {
    throw new ContentError([{ file, line: 1, message: 'unterminated frontmatter (expected a closing "---" line)' }]);
  }
  const body = lines.slice(end + 1).join('\n');
  const bodyLine = end + 2;
  return {
    yaml: parseYaml(lines.slice(1, end).join('\n'), file, 2),
    body,
    bodyLine,
    bodyProblems: findControlCharacters(body).map(({ lineIndex, char }) => ({
      file,
      line: bodyLine + lineIndex,
      field: 'body',
      message: describeControlCharacter(char),
    })),
  };
}

/**
 * Parses YAML with the core schema, so dates stay strings for our own calendar
 * check, and with aliases bounded against alias bombs. Broken YAML throws a
 * ContentError; problems in values travel in `problems`, so validate() reports
 * them with the schema's and an editor sees every problem of the file at once.
 */
export function parseYaml(text: string, file: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  // resolveKnownTags off: the yaml library would otherwise turn !!binary, !!timestamp or !!set into objects even under the core schema.
  const doc = parseDocument(text, {
    schema: 'core',
    resolveKnownTags: false,
    uniqueKeys: true,
    prettyErrors: true,
    lineCounter,
  });
  const lineOfError = (error: YAMLError) => (error.linePos ? error.linePos[0].line + firstLine - 1 : undefined);
  const placed = placeNodes(doc);
  const lineOfNode = (node: Node) => lineCounter.linePos(node.range?.[0] ?? 0).line + firstLine - 1;
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((error): ContentProblem => {
        if (error.code !== 'DUPLICATE_KEY')
          return { file, line: lineOfError(error), message: `invalid YAML: ${describeYamlError(error)}` };
        // The library points at the second key: the field to name.
        const key = firstNodeFrom(placed, error.pos[0], () => true);
        return {
          file,
          line: lineOfError(error),
          field: key ? fieldName(key.path) : undefined,
          message: 'duplicate field (each field once)',
        };
      }),
    );
  }
  // The library reads an unknown tag as plain text and only warns; a tag an editor wrote by accident or a paste carried must be seen.
  const tagProblems = doc.warnings.map((warning): ContentProblem => {
    if (warning.code !== 'TAG_RESOLVE_FAILED')
      return { file, line: lineOfError(warning), message: `invalid YAML: ${describeYamlError(warning)}` };
    const tagged = firstNodeFrom(placed, warning.pos[1], (node) => node.tag !== undefined);
    return {
      file,
      line: lineOfError(warning),
      field: tagged ? fieldName(tagged.path) : undefined,
      message: `unknown YAML tag ${text.slice(warning.pos[0], warning.pos[1])} (write plain text; tags are not allowed)`,
    };
  });
  // Keys and values alike, raw or written as escapes ("\a"): a title with a NUL reaches <title>, Open Graph and the home list.
  const controlProblems = placed.flatMap(({ node, path }): ContentProblem[] =>
    isScalar(node) && typeof node.value === 'string'
      ? [...new Set(node.value.match(controlCharacter))].map((char) => ({
          file,
          line: lineOfNode(node),
          field: fieldName(path),
          message: describeControlCharacter(char),
        }))
      : [],
  );
  const problems = [...tagProblems, ...controlProblems];
  let data: unknown;
  try {
    // Bounded: an alias bomb (each anchor repeating the one before) stops here instead of growing exponentially.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Only aliases make toJS fail; the first one is where the editor should look.
    const alias = firstNodeFrom(placed, 0, isAlias);
    const message = error instanceof Error ? error.message : String(error);
    throw new ContentError([
      {
        file,
        line: alias ? lineOfNode(alias.node) : undefined,
        field: alias ? fieldName(alias.path) : undefined,
        message: message.startsWith('Excessive alias count')
          ? 'the document has too many YAML aliases (write each value out instead of repeating it with *name)'
          : `invalid YAML: ${message}`,
      },
    ]);
  }
  return {
    data,
    problems,
    lineOf(path) {
      let node: unknown = doc.contents;
      // A missing field points at the start of its block: the opening "---" of frontmatter.
      const line = Math.max(1, firstLine - 1);
      let offset: number | undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
          if (!pair) break;
          offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key];
          if (!isNode(item)) break;
          offset = item.range?.[0] ?? offset;
          node = item;
        } else break;
      }
      return offset === undefined ? line : lineCounter.linePos(offset).line + firstLine - 1;
    },
  };
}

/** The first line of a yaml library message, without the position our own line replaces. */
function describeYamlError(error: YAMLError): string {
  return (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

type FieldPath = readonly (string | number)[];

interface PlacedNode {
  readonly node: Node;
  readonly path: FieldPath;
}

/** Every node of a document (keys too) with the field it belongs to, in document order; aliases are not followed. */
function placeNodes(doc: Document): PlacedNode[] {
  const placed: PlacedNode[] = [];
  const walk = (node: unknown, path: FieldPath) => {
    if (!isNode(node)) return;
    placed.push({ node, path });
    if (isMap(node)) {
      for (const pair of node.items) {
        const field = [...path, isScalar(pair.key) ? String(pair.key.value) : '?'];
        walk(pair.key, field);
        walk(pair.value, field);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(doc.contents, []);
  return placed;
}

/** The earliest node that starts at or after an offset and passes a test: the node a tag or a key there belongs to. */
function firstNodeFrom(
  placed: readonly PlacedNode[],
  offset: number,
  test: (node: Node) => boolean,
): PlacedNode | undefined {
  let first: { readonly entry: PlacedNode; readonly start: number } | undefined;
  for (const entry of placed) {
    const start = entry.node.range?.[0];
    if (start !== undefined && start >= offset && test(entry.node) && (!first || start < first.start))
      first = { entry, start };
  }
  return first?.entry;
}

/** @example fieldName(['related', 'items', 0, 'title']) // => 'related.items.0.title' */
function fieldName(path: FieldPath): string | undefined {
  return path.length > 0 ? path.join('.') : undefined;
}

/**
 * The field names a schema accepts at a path of the data, read from the schema
 * itself, so a field is named in one place only: its schema.
 */
function fieldNamesAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): readonly string[] {
  let node: z.core.$ZodType | undefined = schema;
  for (let step = 0; node && step <= path.length;) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) {
      node = node.unwrap();
    } else if (node instanceof z.ZodPipe) {
      node = node.in;
    } else if (step === path.length) {
      break;
    } else if (node instanceof z.ZodObject) {
      const shape: Record<string, z.core.$ZodType | undefined> = node.shape;
      node = shape[String(path[step])];
      step += 1;
    } else if (node instanceof z.ZodArray) {
      node = node.element;
      step += 1;
    } else if (node instanceof z.ZodRecord) {
      node = node.valueType;
      step += 1;
    } else {
      node = undefined;
    }
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/**
 * Suggests the field an unknown one was probably meant to be, among those allowed beside it.
 * @example suggestField('sumary', ['title', 'summary']) // => 'summary'
 */
export function suggestField(field: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const d = distance(field.toLowerCase(), name);
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best && best.distance <= Math.max(1, Math.ceil(field.length / 3)) ? best.name : undefined;
}

/** Validates parsed YAML against a schema; throws a ContentError listing the source's problems and every bad field with its line. */
export function validate<Schema extends z.ZodType>(schema: Schema, source: YamlSource, file: string): z.output<Schema> {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success && source.problems.length === 0) return result.data;
  const issues = result.success ? [] : result.error.issues;
  throw new ContentError([
    ...source.problems,
    ...issues.flatMap((issue): ContentProblem[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const hint = suggestField(key, fieldNamesAt(schema, issue.path));
          return {
            file,
            line: source.lineOf([...issue.path, key]),
            field: [...issue.path, key].join('.'),
            message: hint ? `unknown field (did you mean \`${hint}\`?)` : 'unknown field',
          };
        });
      }
      return [
        {
          file,
          line: source.lineOf(issue.path),
          field: issue.path.length > 0 ? issue.path.join('.') : undefined,
          message: describeIssue(issue),
        },
      ];
    }),
  ]);
}

const expectedNames: Readonly<Record<string, string>> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
};

function describeType(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const expected = expectedNames[issue.expected] ?? issue.expected;
    return issue.input === undefined
      ? `required (expected ${expected})`
      : `got ${describeType(issue.input)} (expected ${expected})`;
  }
  return issue.message;
}

/**
 * Runs every reader and throws one ContentError holding all their problems and
 * those already found (such as a listing's), so a build reports everything at once.
 */
export function collectProblems<T>(readers: readonly (() => T)[], found: readonly ContentProblem[] = []): T[] {
  const results: T[] = [];
  const problems: ContentProblem[] = [...found];
  for (const read of readers) {
    try {
      results.push(read());
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return results;
}

/** `next dev` serves content while editors change it; a build or a server reads a fixed folder. */
export const contentChanges = process.env.NODE_ENV === 'development';

/** A file's version for the caches: nothing in a build or a server, where files never change; its size and change time in `next dev`. */
function fileVersion(file: string): string {
  return contentChanges ? fileVersionThisRequest(file) : '';
}

// `next dev` looks at each file once per request however many readers ask (React's request cache).
const fileVersionThisRequest = cache((file: string): string => {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    // The reader itself reports what is wrong with the entry.
    return 'unreadable';
  }
});

/**
 * A reader of one kind of content file, remembering each file's parsed result.
 * A build or a server reads every file once; `next dev` parses a file again only
 * after it changed, so an edit shows on reload and the rest of a large archive
 * is not read again. A file with problems is read again each time.
 */
export function contentFileReader<T>(name: string, parse: (file: string, text: string) => T): (file: string) => T {
  const read = memo(`content-file:${name}`, (file: string, _version: string) => parse(file, readContentFile(file)));
  return (file) => read(file, fileVersion(file));
}

/**
 * A reader of a content file a site may do without (headlines.yaml, conversions.yaml),
 * remembered as contentFileReader does; undefined when there is no such entry.
 */
export function optionalContentFileReader<T>(
  name: string,
  parse: (file: string, text: string) => T,
): () => T | undefined {
  // Keyed by the file's path too: tests point CONTENT_DIR at one fixture after another in one process.
  const read = memo(`content-file:${name}`, (_file: string, _version: string) => {
    const found = readOptionalContentFile(name);
    return found && parse(found.file, found.text);
  });
  return () => read(contentPath(name), fileVersion(contentPath(name)));
}

/**
 * A content folder's listing. A build or a server reads it once; `next dev` reads
 * it on every call (a folder listing is cheap) and hands back the same object
 * while the names in it are the same, so what is computed from it stays remembered.
 */
export function listContentFolder(folder: string, extension: string): ContentListing {
  if (!contentChanges) return listOnce(path.join(contentDir, folder), folder, extension);
  const listing = listThisRequest(folder, extension);
  return sameListing(JSON.stringify(listing), listing);
}

const listThisRequest = cache(listContentFiles);
const listOnce = memo('content-listing', (_dir: string, folder: string, extension: string) =>
  listContentFiles(folder, extension),
);
const sameListing = memo('content-listing-by-names', (_names: string, listing: ContentListing) => listing);
