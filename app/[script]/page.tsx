import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { ListPage } from '@/components/list-page';
import { getLabels } from '@/lib/labels';
import { viewList } from '@/lib/lists';
import { pageMetadata } from '@/lib/metadata';
import { readScript } from '@/lib/route-params';
import { webSiteData } from '@/lib/structured-data';

type Props = { params: Promise<{ script: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const script = await readScript(params);
  return pageMetadata({ script, path: '', description: getLabels(script).siteDescription });
}

export default async function HomePage({ params }: Props) {
  const script = await readScript(params);
  const view = viewList({ kind: 'latest' }, script, 1) ?? notFound();
  return <ListPage view={view} structuredData={<JsonLd data={webSiteData(script)} />} />;
}
