import { getArticles } from '@/lib/articles';
import { getTopics } from '@/lib/lists';
import { newsSitemapPath } from '@/lib/news-sitemap';
import { childSitemapFiles, newestChange, renderSitemapIndex, sitemapEntries, sitemapPages } from '@/lib/sitemap';

// The sitemap index robots.txt names (the child sitemaps, then the news sitemap); written once at
// build time, a file in the static export.
export const dynamic = 'force-static';

export function GET() {
  const articles = getArticles();
  const entries = sitemapEntries(sitemapPages(articles, getTopics()));
  return new Response(
    renderSitemapIndex(childSitemapFiles(entries.length), newestChange(articles), [newsSitemapPath]),
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
}
