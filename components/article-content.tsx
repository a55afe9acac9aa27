import type { ArticleView } from '@/lib/article-view';
import { formatChineseDate } from '@/lib/dates';
import { fillLabel, getLabels } from '@/lib/labels';
import { SanitizedHtml } from './sanitized-html';
import { StateBadge } from './state-badge';

/** One article: headline, byline, date, body with its captions, then rights and the responsible editor. */
export function ArticleContent(props: {
  readonly view: ArticleView;
  readonly bodyHtml: string;
  readonly readingMinutes: number;
  /** The article's topics in the page's script, each with its topic page. */
  readonly topics: readonly { readonly name: string; readonly href: string }[];
}) {
  const { view, bodyHtml } = props;
  const labels = getLabels(view.script);
  const { date, updated } = view.article;
  return (
    <article className="article">
      <header className="article-header">
        <StateBadge state={view.state} labels={labels} />
        <h1>{view.title}</h1>
        <p className="byline">
          <span className="author">
            {labels.author}：{view.author}
          </span>
          <span className="source">
            {labels.source}：{view.source}
          </span>
          <time dateTime={date.iso}>{formatChineseDate(date)}</time>
          {updated && (
            <span className="updated">
              {labels.updated}：<time dateTime={updated.iso}>{formatChineseDate(updated)}</time>
            </span>
          )}
          <span className="reading-time">{fillLabel(labels.readingTime, { minutes: props.readingMinutes })}</span>
        </p>
      </header>
      <SanitizedHtml className="article-body" html={bodyHtml} />
      <footer className="article-footer">
        {props.topics.length > 0 && (
          <p className="topics">
            {labels.topics}：
            {props.topics.map((topic) => (
              <a key={topic.href} className="topic" href={topic.href}>
                {topic.name}
              </a>
            ))}
          </p>
        )}
        {view.copyright && <p className="copyright">{view.copyright}</p>}
        {view.editor && (
          <p className="editor">
            {labels.editor}：{view.editor}
          </p>
        )}
      </footer>
    </article>
  );
}
