import type { NextConfig } from 'next';

// `npm run export` sets STATIC_EXPORT=1: plain files in out/ for any static host or CDN.
// That mode has no server, so no proxy.ts (the `/` redirect) and no headers: deploy/nginx.conf adds them.
const staticExport = process.env.STATIC_EXPORT === '1';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  ...(staticExport ? { output: 'export' } : {}),
  experimental: {
    // A dynamic root segment ([script]) leaves unknown URLs to Next's built-in
    // English 404; the global page answers every unmatched path instead.
    globalNotFound: true,
  },
};

export default nextConfig;
