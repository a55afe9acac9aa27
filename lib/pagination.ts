/**
 * Lists of articles are cut into pages of a fixed size, so a list page weighs
 * the same with 10 articles or 10,000. Page 1 is the list's own URL; later
 * pages add /page/N; past the last page is a 404.
 */

/** Articles per list page: a screenful or two on a phone, a few seconds to scan. */
export const pageSize = 20;

/** How many pages a list of `count` items takes; an empty list still has its first page. @example pageCount(41) // => 3 */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/** One page of a list. */
export interface ListPage<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly page: number;
  readonly pageCount: number;
}

/** The items of page `page` (1-based), or undefined past the last page. @example paginate(['a', 'b'], 1)?.items // => ['a', 'b'] */
export function paginate<T>(items: readonly T[], page: number): ListPage<T> | undefined {
  const pages = pageCount(items.length);
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined;
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageCount: pages };
}

/** The later pages' numbers, for generateStaticParams: 2 to the last. @example laterPages(45) // => [2, 3] */
export function laterPages(count: number): number[] {
  return Array.from({ length: pageCount(count) - 1 }, (_, index) => index + 2);
}

/**
 * Reads a page segment: `2` → 2; `1`, `02`, `x` and anything else → undefined
 * (page 1 lives at the list's own URL, so /page/1 is not a second address for it).
 */
export function parsePageSegment(segment: string): number | undefined {
  return /^[1-9][0-9]{0,5}$/.test(segment) && segment !== '1' ? Number(segment) : undefined;
}
