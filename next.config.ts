import os from 'node:os';
import type { NextConfig } from 'next';
import { assetContentSecurityPolicy, servedOverHttps, staticSecurityHeaders } from './lib/security/headers';
import { distDir } from './lib/site';
import { site } from './lib/site';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The search script is bundled by esbuild while the site is built (lib/search/client-bundle.ts):
  // esbuild runs its own native binary, which a bundler cannot pack.
  serverExternalPackages: ['esbuild'],
  // A fixture site builds into its own folder, so it never replaces the real build.
  distDir: distDir(),
  experimental: {
    // A dynamic root segment ([script]) leaves unknown URLs to Next's built-in
    // English 404; the global page answers every unmatched path instead.
    globalNotFound: true,
    // Also stops next build from adding each build folder's type folders to tsconfig.json:
    // the export, the server and every fixture site build into folders of their own.
    strictRouteTypes: true,
    // Every core prerenders: Next's default keeps one core back (cores − 1), which on a
    // two-core machine leaves one worker and an idle core while the main process waits.
    // Each worker holds the articles once; npm run bench prints the peak memory.
    cpus: Math.max(1, os.availableParallelism()),
    // Gzipping every page's segments, to decide what a client-side prefetch would inline,
    // took about 8 % of a build worker's time in a profile of a 1,000-article build.
    // The site never navigates client-side (every link is a plain <a>): nothing reads it.
    prefetchInlining: false,
    // inlineCss would save the stylesheet's round trip, but the CSP allows styles from the site
    // only (style-src 'self'): an inlined <style> would be blocked and the page left unstyled.
  },
  // `npm test` and CI type-check every file once (npm run typecheck); checking again in
  // every build (the export, the server, each fixture site) costs about 15 s of CPU each.
  typescript: { ignoreBuildErrors: true },
  // Written into the build's routes manifest: `next start` does not run this again.
  // The pages' CSP differs per page and comes from proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: staticSecurityHeaders(servedOverHttps(site.baseUrl)) },
      {
        source: '/_next/static/:path*',
        headers: [{ key: 'Content-Security-Policy', value: assetContentSecurityPolicy }],
      },
    ];
  },
};

export default nextConfig;
