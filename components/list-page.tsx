import type { ReactNode } from 'react';
import { getLabels } from '@/lib/labels';
import type { ListView } from '@/lib/lists';
import { ArticleList } from './article-list';
import { Breadcrumb } from './breadcrumb';
import { PageShell } from './page-shell';
import { PaginationNav } from './pagination-nav';

/** One page of a list of articles: breadcrumb, heading, the articles and the way to the other pages. */
export function ListPage({ view, structuredData }: { readonly view: ListView; readonly structuredData?: ReactNode }) {
  const labels = getLabels(view.script);
  return (
    <PageShell script={view.script} path={view.path} structuredData={structuredData}>
      {view.trail.length > 0 && <Breadcrumb script={view.script} trail={view.trail} />}
      <h1 className="page-title">{view.heading}</h1>
      <ArticleList views={view.page.items} labels={labels} />
      <PaginationNav script={view.script} list={view.listPath} page={view.page.page} pageCount={view.page.pageCount} />
    </PageShell>
  );
}
