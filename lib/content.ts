import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { cache } from 'react';
import { parseDocument } from 'yaml';
import type { z } from 'zod';

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
  return problem.field ? `${where} — ${problem.field}: ${problem.message}` : `${where} — ${problem.message}`;
}

/** A path as editors see it, relative to the project. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

// A real article is a few tens of kilobytes; anything near this is a paste gone wrong.
export const maxContentBytes = 512 * 1024;

/** Reads a UTF-8 content file (a BOM is dropped, CRLF becomes LF); throws a ContentError naming the file. */
export function readContentFile(file: string): string {
  const bytes = fs.readFileSync(file);
  const shown = displayPath(file);
  if (bytes.byteLength > maxContentBytes) {
    throw new ContentError([
      { file: shown, message: `file is ${bytes.byteLength} bytes (expected at most ${maxContentBytes})` },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError([
      { file: shown, message: 'file is not valid UTF-8 (save it as UTF-8; GBK and Big5 are not accepted)' },
    ]);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Lists the files with an extension in a content folder, sorted; none when the folder is missing. */
export function listContentFiles(folder: string, extension: string): string[] {
  const dir = path.join(contentDir, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The path of a file in the content folder. */
export function contentPath(...parts: string[]): string {
  return path.join(contentDir, ...parts);
}

export interface Frontmatter {
  readonly data: unknown;
  readonly body: string;
  /** The line in the file where the YAML starts, to report YAML errors by file line. */
  readonly firstLine: number;
}

/** Splits `---` fenced YAML frontmatter from a markdown body; throws a ContentError when missing or unterminated. */
export function splitFrontmatter(text: string, file: string): Frontmatter {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    throw new ContentError([{ file, line: 1, message: 'missing frontmatter (expected the file to start with a "---" line)' }]);
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (end === -1) {
    throw new ContentError([{ file, line: 1, message: 'unterminated frontmatter (expected a closing "---" line)' }]);
  }
  const yamlText = lines.slice(1, end).join('\n');
  return { data: parseYaml(yamlText, file, 2), body: lines.slice(end + 1).join('\n'), firstLine: 2 };
}

/**
 * Parses YAML with the core schema, so dates stay strings for our own calendar
 * check, and with aliases bounded against alias bombs.
 */
export function parseYaml(text: string, file: string, firstLine = 1): unknown {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((error) => ({
        file,
        line: error.linePos ? error.linePos[0].line + firstLine - 1 : undefined,
        message: `invalid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ContentError([{ file, message: `invalid YAML: ${(error as Error).message}` }]);
  }
}

/** Validates data against a schema; throws a ContentError listing every bad field. */
export function validate<Schema extends z.ZodType>(schema: Schema, data: unknown, file: string): z.output<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ContentError(
    result.error.issues.flatMap((issue): ContentProblem[] =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ file, field: [...issue.path, key].join('.'), message: 'unknown field' }))
        : [{ file, field: issue.path.length > 0 ? issue.path.join('.') : undefined, message: describeIssue(issue) }],
    ),
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required (expected ${issue.expected})`;
  return issue.message;
}

/** Runs every reader and throws one ContentError holding all their problems, so a build reports everything at once. */
export function collectProblems<T>(readers: readonly (() => T)[]): T[] {
  const results: T[] = [];
  const problems: ContentProblem[] = [];
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

/**
 * Memoizes a content reader. A production build reads content/ once per
 * process; `next dev` reads it once per request, so an edited file shows on reload.
 */
export function cachedRead<T>(read: () => T): () => T {
  if (process.env.NODE_ENV === 'development') return cache(read);
  let value: { readonly result: T } | undefined;
  return () => {
    value ??= { result: read() };
    return value.result;
  };
}
