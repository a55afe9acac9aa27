import type { ArticleView } from '@/lib/article-view';
import { formatChineseDate, toBeijingIso } from '@/lib/dates';
import type { HeadlineListView } from '@/lib/headlines';
import { getLabels } from '@/lib/labels';
import { articlePath } from '@/lib/paths';
import type { Script } from '@/lib/script';

/**
 * The article page's side column: more on the article's topics (newest first,
 * picked by the site), then the editor's related and hot headlines; lists with
 * headings, links only where a headline leads somewhere.
 */
export function HeadlinesSidebar(props: {
  readonly lists: readonly HeadlineListView[];
  readonly script: Script;
  /** Up to five newest articles sharing a topic with this one. */
  readonly more: readonly ArticleView[];
}) {
  const { lists, script, more } = props;
  const labels = getLabels(script);
  return (
    <aside className="sidebar" aria-label={labels.sidebar}>
      {more.length > 0 && (
        <section className="headlines headlines-more" aria-labelledby="headlines-more">
          <h2 id="headlines-more">{labels.moreOnTopic}</h2>
          <ol>
            {more.map((view) => (
              <li key={view.article.slug}>
                <a href={articlePath(script, view.article.slug)}>{view.title}</a>
                <span className="headline-meta">
                  <time
                    dateTime={
                      view.article.date.dateOnly ? view.article.date.iso : toBeijingIso(view.article.date.instant)
                    }
                  >
                    {formatChineseDate(view.article.date)}
                  </time>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {lists.map((list) => (
        <section
          key={list.name}
          className={`headlines headlines-${list.name}`}
          aria-labelledby={`headlines-${list.name}`}
        >
          <h2 id={`headlines-${list.name}`}>{list.title}</h2>
          <ol>
            {list.items.map((headline, index) => (
              <li key={index}>
                {headline.href ? (
                  // Plain links: next/link would prefetch every headline on every view.
                  <a href={headline.href} {...(headline.external ? { rel: 'noopener noreferrer' } : {})}>
                    {headline.title}
                  </a>
                ) : (
                  <span>{headline.title}</span>
                )}
                {(headline.datetime || headline.topic) && (
                  <span className="headline-meta">
                    {headline.datetime && <time dateTime={headline.datetime}>{headline.timeLabel}</time>}
                    {headline.topic && <span className="topic">{headline.topic}</span>}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </aside>
  );
}
