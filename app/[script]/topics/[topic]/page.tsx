import type { Metadata } from 'next';
import { JsonLd } from '@/components/json-ld';
import { ListPage } from '@/components/list-page';
import { getTopics } from '@/lib/lists';
import { pageMetadata } from '@/lib/metadata';
import { readTopicPage } from '@/lib/route-params';
import { breadcrumbData } from '@/lib/structured-data';

type Props = { params: Promise<{ script: string; topic: string }> };

// Only the topics of published articles; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getTopics().all.map((topic) => ({ topic: topic.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await readTopicPage(params);
  return pageMetadata({ script: view.script, path: view.path, title: view.title, description: view.description });
}

export default async function TopicPage({ params }: Props) {
  const view = await readTopicPage(params);
  return <ListPage view={view} structuredData={<JsonLd data={breadcrumbData(view.script, view.trail)} />} />;
}
