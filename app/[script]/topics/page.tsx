import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/breadcrumb';
import { JsonLd } from '@/components/json-ld';
import { PageShell } from '@/components/page-shell';
import { TopicList } from '@/components/topic-list';
import { getLabels } from '@/lib/labels';
import { getTopics } from '@/lib/lists';
import { pageMetadata } from '@/lib/metadata';
import { topicsPage } from '@/lib/paths';
import { readScript } from '@/lib/route-params';
import { scriptPath } from '@/lib/script';
import { breadcrumbData } from '@/lib/structured-data';

type Props = { params: Promise<{ script: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const script = await readScript(params);
  const labels = getLabels(script);
  return pageMetadata({ script, path: topicsPage, title: labels.allTopics, description: labels.allTopicsDescription });
}

export default async function TopicsPage({ params }: Props) {
  const script = await readScript(params);
  const labels = getLabels(script);
  const trail = [{ name: labels.allTopics, path: scriptPath(script, topicsPage) }];
  return (
    <PageShell script={script} path={topicsPage} structuredData={<JsonLd data={breadcrumbData(script, trail)} />}>
      <Breadcrumb script={script} trail={trail} />
      <h1 className="page-title">{labels.allTopics}</h1>
      <TopicList script={script} topics={getTopics().all} />
    </PageShell>
  );
}
