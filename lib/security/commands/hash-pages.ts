// After `next build`: writes <distDir>/inline-js-hashes.json, the CSP hashes of the inline JS
// Next.js wrote into each prerendered page, and fails when a page holds any other inline JS.
// `npm run build` runs it for next start; the static export has no inline JS and needs no hashes.
import { distDir } from '../../site';
import { PageHashError, writeBuildHashes } from '../page-hashes';

try {
  const count = writeBuildHashes(distDir());
  process.stdout.write(`hash-pages: hashed ${count} pages in ${distDir()}\n`);
} catch (error) {
  if (!(error instanceof PageHashError)) throw error;
  process.stderr.write(`hash-pages: ${error.message}\n`);
  process.exitCode = 1;
}
