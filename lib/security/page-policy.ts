import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { memo } from '../memo';
import { distDir } from '../site';
import { contentSecurityPolicy, type InlineJsSource } from './headers';

/**
 * The Content-Security-Policy of each response, for proxy.ts. A prerendered page
 * gets the hashes of its own inline JS, written after the build by
 * lib/security/commands/hash-pages.ts; a page rendered on demand (the 404 page,
 * which follows the reader's cookie) gets a fresh nonce that Next.js puts on its scripts.
 */

const hashSource = z.custom<InlineJsSource>(
  (value) => typeof value === 'string' && /^'sha256-[A-Za-z0-9+/]+=*'$/.test(value),
  'expected a CSP hash source',
);
const manifestSchema = z.strictObject({ buildId: z.string(), pages: z.record(z.string(), z.array(hashSource)) });

type PagePolicies = ReadonlyMap<string, string>;

// Read once per server process, from the build folder it serves.
const readPolicies = memo('page-policies', (dir: string): PagePolicies => {
  try {
    const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'inline-js-hashes.json'), 'utf8')));
    const buildId = fs.readFileSync(path.join(dir, 'BUILD_ID'), 'utf8').trim();
    if (manifest.buildId !== buildId)
      throw new Error(`hashes are from build ${manifest.buildId}, the server runs ${buildId}`);
    return new Map(Object.entries(manifest.pages).map(([page, hashes]) => [page, contentSecurityPolicy(hashes)]));
  } catch (error) {
    // Fail closed: pages still read, without client scripts, until the hashes are written.
    console.error(
      `Content-Security-Policy: no script hashes (${(error as Error).message}); run \`npm run build\`, which writes them.`,
    );
    return new Map();
  }
});

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The CSP of a prerendered page by its path, or undefined when the path is rendered on demand. */
export function prerenderedPagePolicy(pathname: string): string | undefined {
  const policies = readPolicies(path.join(/* turbopackIgnore: true */ process.cwd(), distDir()));
  return policies.get(pathname) ?? policies.get(decodedPath(pathname));
}

/** A fresh nonce and the CSP that allows it, for a page rendered on demand. */
export function onDemandPagePolicy(): { readonly nonce: string; readonly policy: string } {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  return { nonce, policy: contentSecurityPolicy([`'nonce-${nonce}'`]) };
}
