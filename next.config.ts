import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // A dynamic root segment ([script]) leaves unknown URLs to Next's built-in
    // English 404; the global page answers every unmatched path instead.
    globalNotFound: true,
    // The stylesheet is a few kilobytes: inlined, it costs no render-blocking round trip on a phone.
    inlineCss: true,
  },
};

export default nextConfig;
