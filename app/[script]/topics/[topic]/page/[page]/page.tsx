import type { Metadata } from 'next';
import { JsonLd } from '@/components/json-ld';
import { ListPage } from '@/components/list-page';
import { getTopics } from '@/lib/lists';
import { pageMetadata } from '@/lib/metadata';
import { laterPages } from '@/lib/pagination';
import { readTopicPage } from '@/lib/route-params';
import { breadcrumbData } from '@/lib/structured-data';

type Props = { params: Promise<{ script: string; topic: string; page: string }> };

// Pages 2 to the last of each topic; past the last page is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getTopics().all.flatMap((topic) =>
    laterPages(topic.articles.length).map((page) => ({ topic: topic.slug, page: String(page) })),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await readTopicPage(params);
  return pageMetadata({ script: view.script, path: view.path, title: view.title, description: view.description });
}

export default async function TopicLaterPage({ params }: Props) {
  const view = await readTopicPage(params);
  return <ListPage view={view} structuredData={<JsonLd data={breadcrumbData(view.script, view.trail)} />} />;
}
