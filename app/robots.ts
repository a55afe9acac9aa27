import type { MetadataRoute } from 'next';
import { newsSitemapPath } from '@/lib/news-sitemap';
import { absoluteUrl } from '@/lib/site';

// Written once at build time, so the static export carries it as a file.
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl(newsSitemapPath)],
  };
}
