import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/breadcrumb';
import { JsonLd } from '@/components/json-ld';
import { PageShell } from '@/components/page-shell';
import { SearchPageContent } from '@/components/search-page';
import { viewArticle } from '@/lib/article-view';
import { getArticles } from '@/lib/articles';
import { getLabels } from '@/lib/labels';
import { getTopics } from '@/lib/lists';
import { pageMetadata } from '@/lib/metadata';
import { searchPage, searchPath } from '@/lib/paths';
import { readScript } from '@/lib/route-params';
import { getClientBundle } from '@/lib/search/client-bundle';
import { getSearchIndex } from '@/lib/search/search-index';
import { breadcrumbData } from '@/lib/structured-data';

interface Props {
  readonly params: Promise<{ script: string }>;
}

// How many of the newest articles and busiest topics the page offers besides a search.
const newestShown = 10;
const topicsShown = 12;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const script = await readScript(params);
  const labels = getLabels(script);
  return {
    ...pageMetadata({ script, path: searchPage, title: labels.search, description: labels.searchDescription }),
    // A site's own search pages are not pages to land on from a search engine (Google asks sites to keep
    // them out of its index); every `?q=` is this same static page. Its links to articles and topics count.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ params }: Props) {
  const script = await readScript(params);
  const labels = getLabels(script);
  const articles = getArticles();
  const trail = [{ name: labels.search, path: searchPath(script) }];
  return (
    <PageShell script={script} path={searchPage} structuredData={<JsonLd data={breadcrumbData(script, trail)} />}>
      <Breadcrumb script={script} trail={trail} />
      <h1 className="page-title">{labels.search}</h1>
      <SearchPageContent
        script={script}
        index={getSearchIndex(articles)}
        scriptFile={(await getClientBundle()).name}
        newest={articles.slice(0, newestShown).map((article) => viewArticle(article, script))}
        topics={getTopics().all.slice(0, topicsShown)}
      />
    </PageShell>
  );
}
