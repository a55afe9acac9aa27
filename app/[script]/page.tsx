import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/article-list';
import { JsonLd } from '@/components/json-ld';
import { PageShell } from '@/components/page-shell';
import { getArticles, viewArticle } from '@/lib/articles';
import { getLabels } from '@/lib/labels';
import { pageMetadata } from '@/lib/metadata';
import { isScript } from '@/lib/script';
import { webSiteData } from '@/lib/structured-data';

type Props = { params: Promise<{ script: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { script } = await params;
  if (!isScript(script)) notFound();
  return pageMetadata({ script, path: '', description: getLabels(script).siteDescription });
}

export default async function HomePage({ params }: Props) {
  const { script } = await params;
  if (!isScript(script)) notFound();
  const labels = getLabels(script);
  return (
    <PageShell script={script} path="" structuredData={<JsonLd data={webSiteData(script)} />}>
      <h1 className="page-title">{labels.articles}</h1>
      <ArticleList views={getArticles().map((article) => viewArticle(article, script))} labels={labels} />
    </PageShell>
  );
}
