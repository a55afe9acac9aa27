import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { writeHostileSite } from '../../fixtures/hostile/site';

/**
 * The fixture sites the browser tests run against (as Starlight's
 * `__e2e__/fixtures` and its testFactory): each a small content folder under
 * tests/fixtures/sites/ made for the tests, each build of it in folders of its
 * own, so no build replaces another and no server waits for another's.
 */

/** A content folder made for the tests, and the folders its builds go to. */
export interface FixtureSite {
  readonly name: string;
  /** CONTENT_DIR of its builds. */
  readonly contentDir: string;
  /** Where `npm run build` builds it for `next start`. */
  readonly distDir: string;
  /** `npm run export`'s own build folder and the plain files it writes. */
  readonly export: { readonly distDir: string; readonly outDir: string };
  /** The environment of its builds and servers. */
  readonly env: Readonly<Record<string, string>>;
  /** Writes the content folder before a build, for a site generated rather than committed. */
  readonly generate?: (contentDir: string) => void;
}

/** The archive fixture: the generated articles and the seed article beside them. */
export function writeArchiveSite(contentDir: string): void {
  // As editors' tools run: the generator converts with the site's own modules, which are server-only.
  const archive = spawnSync(
    'npm',
    ['run', '-s', 'archive', '--', '--count', String(archiveSize), '--out', contentDir, '--seed', '1'],
    { stdio: 'inherit' },
  );
  if (archive.status !== 0) throw new Error(`npm run archive failed for ${contentDir}`);
  fs.copyFileSync(
    path.join('tests', 'fixtures', 'sites', 'reader', 'articles', 'seed-article.md'),
    path.join(contentDir, 'articles', 'seed-article.md'),
  );
}

/** Articles the archive fixture generates: more than a feed holds (50), three list pages of 20 with the seed article. */
export const archiveSize = 60;

/** Everything generated for the tests, beside the build folders (.next-e2e-*); both are ignored by git. */
const workDir = '.e2e';

function defineSite(
  name: string,
  options: { readonly env?: Readonly<Record<string, string>>; readonly generate?: (contentDir: string) => void } = {},
): FixtureSite {
  const contentDir = path.join('tests', 'fixtures', 'sites', name);
  return {
    name,
    contentDir,
    distDir: `.next-e2e-${name}`,
    export: { distDir: `.next-e2e-${name}-export`, outDir: path.join(workDir, name, 'out') },
    env: { NEXT_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir, ...options.env },
    ...(options.generate ? { generate: options.generate } : {}),
  };
}

export const sites = {
  /** A copy of the imported seed article and a few small articles of its own: tests/fixtures/sites/reader/expected.ts. */
  reader: defineSite('reader'),
  /** The hostile corpus as a site (tests/fixtures/hostile/site.ts), written before each build. */
  hostile: defineSite('hostile', {
    env: {
      // Its images are hostile vectors, not photos in public/: the photo rules would refuse them all.
      CONTENT_CHECK_PHOTOS: 'off',
      // As deployed: served over https behind a front, so HSTS is on and the grade is the real one.
      SITE_URL: 'https://news.example',
    },
    generate: writeHostileSite,
  }),
  /** Invalid content that a build must refuse (bad-content.spec.ts builds it itself). */
  bad: defineSite('bad'),
  /**
   * A newsroom's archive: 60 generated articles (tests/support/archive.ts, seed 1) and the
   * reader site's copy of the seed article, written before each build; for paging, topics and search.
   */
  archive: defineSite('archive', { generate: writeArchiveSite }),
} as const satisfies Record<string, FixtureSite>;

export type SiteName = keyof typeof sites;

/** Narrows a command-line argument to a site's name. */
export function isSiteName(name: string): name is SiteName {
  return Object.hasOwn(sites, name);
}

/** How a server serves its site: `next start` on its build, or its export as plain files behind a static server or nginx. */
export type ServerKind = 'next-start' | 'static' | 'nginx';

/** One server of a fixture site, its Playwright project, and the specs that run against it. */
export interface SiteServer {
  /** The Playwright project's name. */
  readonly name: string;
  readonly site: FixtureSite;
  readonly kind: ServerKind;
  readonly port: number;
  readonly origin: string;
  readonly specs: readonly string[];
}

/** Ports follow E2E_PORT (default 3100), one per server, so two checkouts on one machine can run side by side. */
const basePort = Number(process.env.E2E_PORT ?? 3100);

function defineServer(
  offset: number,
  name: string,
  site: FixtureSite,
  kind: ServerKind,
  specs: readonly string[],
): SiteServer {
  const port = basePort + offset;
  return { name, site, kind, port, origin: `http://127.0.0.1:${port}`, specs };
}

export const servers = [
  defineServer(0, 'next-start', sites.reader, 'next-start', [
    'reader.spec.ts',
    'search-engines.spec.ts',
    'link-previews.spec.ts',
    'next-start.spec.ts',
    'hostile-urls.spec.ts',
    'accessibility.spec.ts',
    'layout.spec.ts',
  ]),
  defineServer(1, 'static-export', sites.reader, 'static', [
    'search-engines.spec.ts',
    'link-previews.spec.ts',
    'static-export.spec.ts',
  ]),
  defineServer(2, 'nginx', sites.reader, 'nginx', ['nginx.spec.ts', 'search-export.spec.ts']),
  defineServer(3, 'hostile', sites.hostile, 'next-start', ['hostile-site.spec.ts']),
  defineServer(4, 'archive', sites.archive, 'next-start', ['archive.spec.ts', 'search.spec.ts']),
  // The hostile site's export behind nginx: every page it holds, crawled, and its headers graded.
  defineServer(5, 'hostile-export', sites.hostile, 'nginx', ['hostile-export.spec.ts']),
] as const satisfies readonly SiteServer[];

/** The build a server needs: `next start` serves the site's build, the other two its export. */
export function buildKind(kind: ServerKind): 'server' | 'export' {
  return kind === 'next-start' ? 'server' : 'export';
}

/** The shell command that builds what a server needs (once per test run) and starts it on 127.0.0.1. */
export function serverCommand(server: SiteServer, nginx: string): string {
  const { site, kind, port } = server;
  const build = `npx tsx tests/e2e/support/build-site.ts ${site.name} ${buildKind(kind)}`;
  switch (kind) {
    case 'next-start':
      return `${build} && npx next start --hostname 127.0.0.1 --port ${port}`;
    case 'static':
      return `${build} && npx tsx tests/support/serve-static.ts ${site.export.outDir} ${port}`;
    case 'nginx':
      return `${build} && npx tsx tests/support/serve-nginx.ts ${site.export.outDir} ${port} ${nginx}`;
  }
}

/** The environment a server's command runs in: the site's, with the build folder its kind uses. */
export function serverEnv(server: SiteServer): Record<string, string> {
  const distDir = buildKind(server.kind) === 'server' ? server.site.distDir : server.site.export.distDir;
  return { ...server.site.env, NEXT_DIST_DIR: distDir };
}
