import { getArticles, publishedAsOf } from '@/lib/articles';
import { renderNewsSitemap } from '@/lib/news-sitemap';

// The Google News sitemap: the articles of the 48 hours before the build. Written once at build
// time, a file in the static export; robots.txt and the sitemap index name it.
export const dynamic = 'force-static';

export function GET() {
  return new Response(renderNewsSitemap(getArticles(), publishedAsOf()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
