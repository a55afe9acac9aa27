import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleContent } from '@/components/article-content';
import { Breadcrumb } from '@/components/breadcrumb';
import { HeadlinesSidebar } from '@/components/headlines-sidebar';
import { JsonLd } from '@/components/json-ld';
import { PageShell } from '@/components/page-shell';
import { findArticleImage, getReadingMinutes, renderArticleBody, viewArticle } from '@/lib/article-view';
import { getArticle, getArticleSlugsWithPages } from '@/lib/articles';
import { getHeadlineLists } from '@/lib/headlines';
import { getTopics, topicName } from '@/lib/lists';
import { pageMetadata } from '@/lib/metadata';
import { articlePage, articlePath, topicPath } from '@/lib/paths';
import { readScript } from '@/lib/route-params';
import { breadcrumbData, newsArticleData } from '@/lib/structured-data';
import { moreOnTopics, topicsOf } from '@/lib/topics';

type Props = { params: Promise<{ script: string; slug: string }> };

// Only the articles the build knows exist; anything else is a 404, never an on-demand render.
export const dynamicParams = false;

export function generateStaticParams() {
  return getArticleSlugsWithPages().map((slug) => ({ slug }));
}

async function readParams(params: Props['params']) {
  const script = await readScript(params);
  const article = getArticle((await params).slug) ?? notFound();
  return { script, article, view: viewArticle(article, script), image: findArticleImage(article) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { script, article, view, image } = await readParams(params);
  return pageMetadata({
    script,
    path: articlePage(article.slug),
    title: view.title,
    description: view.summary,
    article: view,
    image,
  });
}

export default async function ArticlePage({ params }: Props) {
  const { script, article, view, image } = await readParams(params);
  const topics = getTopics();
  const trail = [{ name: view.title, path: articlePath(script, article.slug) }];
  return (
    <PageShell
      script={script}
      path={articlePage(article.slug)}
      structuredData={
        <>
          <JsonLd data={newsArticleData(view, image)} />
          <JsonLd data={breadcrumbData(script, trail)} />
        </>
      }
    >
      <Breadcrumb script={script} trail={trail} />
      <div className="article-layout">
        <ArticleContent
          view={view}
          bodyHtml={renderArticleBody(article, script)}
          readingMinutes={getReadingMinutes(article)}
          topics={topicsOf(article, topics).map((topic) => ({
            name: topicName(topic, script),
            href: topicPath(script, topic.slug),
          }))}
        />
        <HeadlinesSidebar
          lists={getHeadlineLists(script)}
          script={script}
          more={moreOnTopics(article, topics).map((other) => viewArticle(other, script))}
        />
      </div>
    </PageShell>
  );
}
