import type { ArticleView } from '@/lib/article-view';
import { formatChineseDate } from '@/lib/dates';
import type { Labels } from '@/lib/labels';

import { StateBadge } from './state-badge';
import { articlePath } from '@/lib/paths';

/** The home page's list: newest first, each with its date and summary. */
export function ArticleList({ views, labels }: { readonly views: readonly ArticleView[]; readonly labels: Labels }) {
  return (
    <ol className="article-list">
      {views.map((view) => (
        <li key={view.article.slug}>
          <StateBadge state={view.state} labels={labels} />
          <h2>
            <a href={articlePath(view.script, view.article.slug)}>{view.title}</a>
          </h2>
          <p className="article-list-meta">
            <time dateTime={view.article.date.iso}>{formatChineseDate(view.article.date)}</time>
            <span>{view.source}</span>
          </p>
          <p>{view.summary}</p>
        </li>
      ))}
    </ol>
  );
}
