import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The static export: a production build's prerendered pages and files copied
 * to plain files at the URLs `next start` serves them at (`/zh-hans/articles/x`
 * is `x.html`), the 404 page as 404.html, with the built assets and public/.
 * A route that renders on demand cannot be a file: the export refuses it.
 */

/** The export cannot be written; the message says why. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

const prerenderManifest = z.object({
  routes: z.record(z.string(), z.object({ routeType: z.enum(['page', 'route']).optional() })),
  dynamicRoutes: z.record(z.string(), z.object({ fallback: z.union([z.literal(false), z.string(), z.null()]) })),
});
const appPathRoutes = z.record(z.string(), z.string());

// Next's own error page for uncaught errors in the browser: no URL of the site.
const internalRoutes = new Set(['/_global-error']);

function readJson<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  if (!fs.existsSync(file)) throw new ExportError(`${file} not found: the build did not finish`);
  return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Stops when a route of the app is not fully prerendered. */
function assertFullyStatic(distDir: string, manifest: z.output<typeof prerenderManifest>): void {
  const routes = new Set(Object.values(readJson(path.join(distDir, 'app-path-routes-manifest.json'), appPathRoutes)));
  const onDemand = [...routes].filter((route) => {
    if (internalRoutes.has(route) || route in manifest.routes) return false;
    return manifest.dynamicRoutes[route]?.fallback !== false;
  });
  if (onDemand.length > 0) {
    throw new ExportError(
      `these routes render on demand, so no file can hold them: ${onDemand.join(', ')} (make them static or leave them out of the export)`,
    );
  }
}

/** Where a URL path's file goes in the export. @example exportPath('/', 'page') // => 'index.html' */
export function exportPath(route: string, routeType: 'page' | 'route'): string {
  if (route === '/_not-found') return '404.html';
  if (routeType === 'route') return route.slice(1);
  return `${route === '/' ? 'index' : route.slice(1)}.html`;
}

/** Copies a build's prerendered output and public/ into outDir, emptied first; returns what it wrote. */
export function exportSite(
  distDir: string,
  outDir: string,
  publicDir: string = path.join(process.cwd(), 'public'),
): { readonly pages: number; readonly files: number } {
  const manifest = readJson(path.join(distDir, 'prerender-manifest.json'), prerenderManifest);
  assertFullyStatic(distDir, manifest);
  if (!('/_not-found' in manifest.routes))
    throw new ExportError('the 404 page was not prerendered (it must not read cookies or headers in the export)');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  let pages = 0;
  let files = 0;
  for (const [route, { routeType = 'page' }] of Object.entries(manifest.routes)) {
    if (internalRoutes.has(route)) continue;
    const built = path.join(
      distDir,
      'server',
      'app',
      `${route === '/' ? 'index' : route}${routeType === 'page' ? '.html' : '.body'}`,
    );
    if (!fs.existsSync(built)) throw new ExportError(`${route}: the build has no ${path.relative(distDir, built)}`);
    const target = path.join(outDir, exportPath(route, routeType));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    if (routeType === 'page') pages += 1;
    else files += 1;
  }
  fs.cpSync(path.join(distDir, 'static'), path.join(outDir, '_next', 'static'), { recursive: true });
  if (fs.existsSync(publicDir)) fs.cpSync(publicDir, outDir, { recursive: true });
  return { pages, files };
}
