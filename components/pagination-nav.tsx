import { fillLabel, getLabels } from '@/lib/labels';
import { listPage } from '@/lib/paths';
import { scriptPath, type Script } from '@/lib/script';

/**
 * The page numbers a reader can jump to: the first and last, and two either
 * side of the current one, with gaps between.
 * @example visiblePages(7, 20) // => [1, 'gap', 5, 6, 7, 8, 9, 'gap', 20]
 */
export function visiblePages(current: number, count: number): (number | 'gap')[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((page) => page >= 1 && page <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((page, index) => {
    const before = shown[index - 1];
    return before !== undefined && page - before > 1 ? ['gap' as const, page] : [page];
  });
}

/** Links to the other pages of a list: plain links, so paging works without JavaScript. */
export function PaginationNav(props: {
  readonly script: Script;
  /** The list's path within a script (page 1). */
  readonly list: string;
  readonly page: number;
  readonly pageCount: number;
}) {
  const { script, list, page, pageCount } = props;
  if (pageCount <= 1) return null;
  const labels = getLabels(script);
  const href = (target: number) => scriptPath(script, listPage(list, target));
  return (
    <nav aria-label={labels.pagination} className="pagination">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev" className="pagination-step">
          {labels.previousPage}
        </a>
      )}
      <ol>
        {visiblePages(page, pageCount).map((target, index) =>
          target === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="pagination-gap">
              …
            </li>
          ) : (
            <li key={target}>
              {target === page ? (
                <span aria-current="page">{target}</span>
              ) : (
                <a href={href(target)} aria-label={fillLabel(labels.pageNumber, { page: target })}>
                  {target}
                </a>
              )}
            </li>
          ),
        )}
      </ol>
      {page < pageCount && (
        <a href={href(page + 1)} rel="next" className="pagination-step">
          {labels.nextPage}
        </a>
      )}
    </nav>
  );
}
