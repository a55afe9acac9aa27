import type { MetadataRoute } from 'next';
import { getArticles } from '@/lib/articles';
import { sitemapEntries } from '@/lib/sitemap';

// Written once at build time, so the static export carries it as a file.
export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getArticles());
}
