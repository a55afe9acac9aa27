import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { stripFrameworkJs } from './export-transform';
import { exportScriptSrc } from './security/headers';
import { siteScripts } from './site-scripts';

/**
 * The static export: a production build's prerendered pages and files copied
 * to plain files at the URLs `next start` serves them at (`/zh-hans/articles/x`
 * is `x.html`), the 404 page as 404.html, with the built stylesheets and media,
 * public/ and the site's own script files. Pages go without Next.js's client
 * runtime (lib/export-transform.ts), and its chunks are not copied: nothing loads them.
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

/** What an export wrote. */
export interface ExportSummary {
  readonly pages: number;
  readonly files: number;
  /** The pages that load a site script, by URL path, with the scripts' paths. */
  readonly pagesWithScripts: ReadonlyMap<string, readonly string[]>;
}

// The browser runs these; from Next's built assets only the stylesheets and media go out.
const javascriptFile = /\.(?:m?js|js\.map)$/;

/**
 * Copies a build's prerendered output, without Next.js's client runtime, and public/
 * into outDir, emptied first; returns what it wrote. A page the export does not
 * understand (lib/export-transform.ts), a page loading a script file the export does
 * not hold, or a page with a script its CSP would block refuses the export, every
 * page named, and leaves no outDir behind.
 */
export function exportSite(
  distDir: string,
  outDir: string,
  publicDir: string = path.join(process.cwd(), 'public'),
): ExportSummary {
  const manifest = readJson(path.join(distDir, 'prerender-manifest.json'), prerenderManifest);
  assertFullyStatic(distDir, manifest);
  if (!('/_not-found' in manifest.routes))
    throw new ExportError('the 404 page was not prerendered (it must not read cookies or headers in the export)');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  let pages = 0;
  let files = 0;
  const problems: string[] = [];
  const pagesWithScripts = new Map<string, readonly string[]>();
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
    if (routeType === 'page') {
      const page = stripFrameworkJs(fs.readFileSync(built, 'utf8'));
      for (const problem of page.unknown) problems.push(`  ${route}: ${problem}`);
      if (page.siteScripts.length > 0) pagesWithScripts.set(route, page.siteScripts);
      fs.writeFileSync(target, page.html);
      pages += 1;
    } else {
      fs.copyFileSync(built, target);
      files += 1;
    }
  }
  fs.cpSync(path.join(distDir, 'static'), path.join(outDir, '_next', 'static'), {
    recursive: true,
    filter: (source) => !javascriptFile.test(source),
  });
  if (fs.existsSync(publicDir)) fs.cpSync(publicDir, outDir, { recursive: true });
  for (const script of siteScripts) {
    fs.writeFileSync(path.join(outDir, script.path), script.source);
    files += 1;
  }
  problems.push(...scriptProblems(outDir, pagesWithScripts));
  if (problems.length > 0) {
    // No half-made export for a deploy to pick up.
    fs.rmSync(outDir, { recursive: true, force: true });
    throw new ExportError(
      `${problems.length} problem(s) in the pages, so nothing was exported:\n${problems.join('\n')}`,
    );
  }
  return { pages, files, pagesWithScripts };
}

/** Each page's site scripts must be in the export, and its CSP (by path) must let them run. */
function scriptProblems(outDir: string, pagesWithScripts: ReadonlyMap<string, readonly string[]>): string[] {
  return [...pagesWithScripts].flatMap(([route, scripts]) => [
    ...scripts
      .filter((script) => !fs.existsSync(path.join(outDir, script)))
      .map((script) => `  ${route}: loads ${script}, which no file of the export holds`),
    ...(exportScriptSrc(route) === "'none'"
      ? [
          `  ${route}: loads ${scripts.join(', ')}, but its CSP gives it script-src 'none' (add the path to exportPagesWithScripts in lib/security/headers.ts)`,
        ]
      : []),
  ]);
}
