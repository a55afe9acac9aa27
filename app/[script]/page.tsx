import type { Metadata } from 'next';
import { ArticleList } from '@/components/article-list';
import { JsonLd } from '@/components/json-ld';
import { PageShell } from '@/components/page-shell';
import { viewArticle } from '@/lib/article-view';
import { getArticles } from '@/lib/articles';
import { getLabels } from '@/lib/labels';
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
  const labels = getLabels(script);
  return (
    <PageShell script={script} path="" structuredData={<JsonLd data={webSiteData(script)} />}>
      <h1 className="page-title">{labels.articles}</h1>
      <ArticleList views={getArticles().map((article) => viewArticle(article, script))} labels={labels} />
    </PageShell>
  );
}
