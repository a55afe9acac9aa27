import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleContent } from '@/components/article-content';
import { Breadcrumb } from '@/components/breadcrumb';
import { HeadlinesSidebar } from '@/components/headlines-sidebar';
import { PageShell } from '@/components/page-shell';
import { getArticle, getArticles, getReadingMinutes, renderArticleBody, viewArticle } from '@/lib/articles';
import { getHeadlineLists } from '@/lib/headlines';
import { pageMetadata } from '@/lib/metadata';
import { isScript } from '@/lib/script';

type Props = { params: Promise<{ script: string; slug: string }> };

// Only the articles the build knows exist; anything else is a 404, never an on-demand render.
export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles().map((article) => ({ slug: article.slug }));
}

async function readParams(params: Props['params']) {
  const { script, slug } = await params;
  const article = getArticle(slug);
  if (!isScript(script) || !article) notFound();
  return { script, article, view: viewArticle(article, script) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { script, article, view } = await readParams(params);
  return pageMetadata({ script, path: `/articles/${article.slug}`, title: view.title, description: view.summary });
}

export default async function ArticlePage({ params }: Props) {
  const { script, article, view } = await readParams(params);
  return (
    <PageShell script={script} path={`/articles/${article.slug}`}>
      <Breadcrumb script={script} title={view.title} />
      <div className="article-layout">
        <ArticleContent view={view} bodyHtml={renderArticleBody(article, script)} readingMinutes={getReadingMinutes(article)} />
        <HeadlinesSidebar lists={getHeadlineLists(script)} script={script} />
      </div>
    </PageShell>
  );
}
