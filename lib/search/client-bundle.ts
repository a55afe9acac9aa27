import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { memo } from '../memo';
import { getFoldMap, serializeFoldMap } from './fold-map';

/**
 * The search page's script as one file: lib/search/client.ts with MiniSearch and
 * the fold map, bundled and minified by esbuild when the site is built. It is the
 * site's own external script (no inline JS, nothing from Next.js's runtime), the
 * only script that knows about search, and only the search page loads it.
 */

export interface ClientBundle {
  /** Its file name under /search/, with a hash of its content. */
  readonly name: string;
  readonly code: string;
}

async function bundle(): Promise<ClientBundle> {
  // Loaded when the site is built, never by a running server: every file of /search/ is prerendered.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'search', 'client.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    legalComments: 'none',
    define: { SEARCH_FOLD_MAP: JSON.stringify(serializeFoldMap(getFoldMap())) },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  if (code === '') throw new Error('esbuild wrote no search script');
  const license = '/*! search: MiniSearch (MIT, Luca Ongaro); fold map from OpenCC (Apache-2.0) */\n';
  const text = license + code;
  return { name: `search-${createHash('sha256').update(text).digest('hex').slice(0, 10)}.js`, code: text };
}

/** The bundled search script, made once per process. */
export const getClientBundle = memo('search-client-bundle', bundle);
