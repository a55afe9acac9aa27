import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { auditInlineJs, type HashSource } from './inline-js';

/**
 * The CSP hashes of the inline JS of built pages, for `next start`: written after
 * each build to <distDir>/inline-js-hashes.json, which proxy.ts reads. A page
 * holding inline JS that Next.js did not write stops the build. (The static
 * export needs no hashes: it keeps no inline JS, lib/export-transform.ts.)
 */

/** A built page: the URL paths it answers at and its HTML file. */
export interface BuiltPage {
  readonly routes: readonly string[];
  readonly file: string;
}

/** Why the hashes could not be written; the message names the pages. */
export class PageHashError extends Error {
  override readonly name = 'PageHashError';
}

const prerenderManifest = z.object({ routes: z.record(z.string(), z.unknown()) });

/** Every prerendered page of a `next build`. */
export function prerenderedPages(distDir: string): BuiltPage[] {
  const manifestFile = path.join(distDir, 'prerender-manifest.json');
  if (!fs.existsSync(manifestFile)) throw new PageHashError(`${manifestFile} not found: run next build first`);
  const manifest = prerenderManifest.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  return Object.keys(manifest.routes).flatMap((route) => {
    const file = path.join(distDir, 'server', 'app', `${route === '/' ? 'index' : route}.html`);
    return fs.existsSync(file) ? [{ routes: [route], file }] : [];
  });
}

/** Each page's hashes; throws naming every page that holds inline JS Next.js did not write. */
export function hashPages(pages: readonly BuiltPage[]): Map<BuiltPage, readonly HashSource[]> {
  const hashes = new Map<BuiltPage, readonly HashSource[]>();
  const refused: string[] = [];
  for (const page of pages) {
    const audit = auditInlineJs(fs.readFileSync(page.file, 'utf8'));
    for (const code of audit.foreign) refused.push(`  ${page.routes[0] ?? page.file}: <script>${code}</script>`);
    hashes.set(page, audit.hashes);
  }
  if (refused.length > 0) {
    throw new PageHashError(
      `${refused.length} inline <script>(s) that Next.js did not write; the build is refused, since its CSP would allow them:\n` +
        refused.join('\n'),
    );
  }
  return hashes;
}

/** The name of the hash file in a build folder. */
export const hashesFileName = 'inline-js-hashes.json';

/** Writes <distDir>/inline-js-hashes.json for `next start`; returns the number of pages. */
export function writeBuildHashes(distDir: string): number {
  const hashesFile = path.join(distDir, hashesFileName);
  // A refused build must not leave the previous build's hashes behind for the server to trust.
  fs.rmSync(hashesFile, { force: true });
  const buildId = fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
  const pages = prerenderedPages(distDir);
  if (pages.length === 0) throw new PageHashError(`no prerendered page found in ${distDir}`);
  const byRoute: Record<string, readonly HashSource[]> = {};
  for (const [page, hashes] of hashPages(pages)) byRoute[page.routes[0] ?? page.file] = hashes;
  fs.writeFileSync(hashesFile, `${JSON.stringify({ buildId, pages: byRoute }, null, 1)}\n`);
  return pages.length;
}
