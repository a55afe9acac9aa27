// After `next build`: writes <distDir>/inline-js-hashes.json, the CSP hashes of the inline JS
// Next.js wrote into each prerendered page, and fails when a page holds any other inline JS.
// `npm run build` runs it; the export writes its own nginx map (lib/commands/export.ts).
import { PageHashError, writeBuildHashes } from '../page-hashes';

const distDir = process.env.NEXT_DIST_DIR?.trim() || '.next';
try {
  const count = writeBuildHashes(distDir);
  process.stdout.write(`hash-pages: hashed ${count} pages in ${distDir}\n`);
} catch (error) {
  if (!(error instanceof PageHashError)) throw error;
  process.stderr.write(`hash-pages: ${error.message}\n`);
  process.exitCode = 1;
}
