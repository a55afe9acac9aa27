import type { HeadlineListView } from '@/lib/headlines';
import { getLabels } from '@/lib/labels';
import type { Script } from '@/lib/script';

/** The related and hot headlines: lists with headings, links only where a headline leads somewhere. */
export function HeadlinesSidebar({ lists, script }: { readonly lists: readonly HeadlineListView[]; readonly script: Script }) {
  const labels = getLabels(script);
  return (
    <aside className="sidebar" aria-label={labels.sidebar}>
      {lists.map((list) => (
        <section key={list.name} className={`headlines headlines-${list.name}`} aria-labelledby={`headlines-${list.name}`}>
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
