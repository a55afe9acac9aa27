import type { NextConfig } from 'next';
import { assetContentSecurityPolicy, distDir, servedOverHttps, staticSecurityHeaders } from './lib/security/headers';
import { site } from './lib/site';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A fixture site builds into its own folder, so it never replaces the real build.
  distDir: distDir(),
  experimental: {
    // A dynamic root segment ([script]) leaves unknown URLs to Next's built-in
    // English 404; the global page answers every unmatched path instead.
    globalNotFound: true,
    // Also stops next build from adding each build folder's type folders to tsconfig.json:
    // the export, the server and every fixture site build into folders of their own.
    strictRouteTypes: true,
    // inlineCss would save the stylesheet's round trip, but the CSP allows styles from the site
    // only (style-src 'self'): an inlined <style> would be blocked and the page left unstyled.
  },
  // Written into the build's routes manifest: `next start` does not run this again.
  // The pages' CSP differs per page and comes from proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: staticSecurityHeaders(servedOverHttps(site.baseUrl)) },
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: assetContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
