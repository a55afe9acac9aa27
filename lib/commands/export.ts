// npm run export: the whole site as plain files, for any static host or CDN and deploy/nginx.conf.
//
//   npm run export [-- --out DIR] [-- --nginx-map FILE]
//     builds into NEXT_DIST_DIR (default .next-export), writes DIR (default out/) and the nginx map
//     of each page's inline-script hashes to FILE (default deploy/csp-hashes.map)
//
// It is a production build of its own (STATIC_EXPORT=1: a file cannot read the reader's cookie, so
// the 404 page is one page in both scripts), then a copy of its prerendered files. Next's own
// `output: 'export'` always builds in .next, where `npm run build` builds for `next start`: the two
// would replace each other. Here each build has its folder, so they never collide.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExportError, exportSite } from '../export';
import { PageHashError, writeNginxHashMap } from '../security/page-hashes';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'out' },
    'nginx-map': { type: 'string', default: 'deploy/csp-hashes.map' },
  },
});
const outDir = path.resolve(values.out);
const distDir = process.env.NEXT_DIST_DIR?.trim() || '.next-export';

function fail(message: string): never {
  process.stderr.write(`export: ${message}\n`);
  process.exit(1);
}

if (path.resolve(distDir) === path.resolve('.next')) {
  fail(
    'NEXT_DIST_DIR=.next is the folder `npm run build` serves `next start` from; give the export a folder of its own (the default is .next-export).',
  );
}
if ([path.resolve(distDir), process.cwd()].some((dir) => dir === outDir || dir.startsWith(outDir + path.sep))) {
  fail(`--out ${values.out} would hold the build folder or the project: choose another folder.`);
}

const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
  stdio: 'inherit',
  env: { ...process.env, STATIC_EXPORT: '1', NEXT_DIST_DIR: distDir },
});
if (build.status !== 0) process.exit(build.status ?? 1);

try {
  const { pages, files } = exportSite(distDir, outDir);
  writeNginxHashMap(outDir, path.resolve(values['nginx-map']));
  process.stdout.write(
    `export: ${pages} pages and ${files} other files in ${path.relative(process.cwd(), outDir) || '.'}/ (built in ${distDir}); wrote ${values['nginx-map']}\n`,
  );
} catch (error) {
  if (error instanceof ExportError || error instanceof PageHashError) fail(error.message);
  throw error;
}
