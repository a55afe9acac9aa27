import type { Metadata } from 'next';
import { JsonLd } from '@/components/json-ld';
import { ListPage } from '@/components/list-page';
import { countListedArticles } from '@/lib/articles';
import { readListPage } from '@/lib/route-params';
import { laterPages } from '@/lib/pagination';
import { pageMetadata } from '@/lib/metadata';
import { breadcrumbData } from '@/lib/structured-data';

type Props = { params: Promise<{ script: string; page: string }> };

// Pages 2 to the last; page 1 is the home page, and past the last page is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return laterPages(countListedArticles()).map((page) => ({ page: String(page) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await readListPage(params, { kind: 'latest' });
  return pageMetadata({ script: view.script, path: view.path, title: view.title, description: view.description });
}

export default async function LatestPage({ params }: Props) {
  const view = await readListPage(params, { kind: 'latest' });
  return <ListPage view={view} structuredData={<JsonLd data={breadcrumbData(view.script, view.trail)} />} />;
}
