import { notFound } from 'next/navigation';
import { getArticles } from '@/lib/articles';
import { getTopics } from '@/lib/lists';
import { childSitemapFiles, renderChildSitemap, sitemapEntries, sitemapPages } from '@/lib/sitemap';

// The child sitemaps of the index at /sitemap.xml: /sitemap/0.xml, /sitemap/1.xml …
// Written once at build time, files in the static export; any other name is a 404.
export const dynamic = 'force-static';
export const dynamicParams = false;

function entries() {
  return sitemapEntries(sitemapPages(getArticles(), getTopics()));
}

export function generateStaticParams() {
  return childSitemapFiles(entries().length).map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const xml = renderChildSitemap(entries(), file) ?? notFound();
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
