import { describe, expect, it } from 'vitest';
import { visiblePages } from '@/components/pagination-nav';
import { laterPages, pageCount, pageSize, paginate, parsePageSegment } from '@/lib/pagination';
import { listPage } from '@/lib/paths';

const items = Array.from({ length: 45 }, (_, index) => index + 1);

describe('pagination', () => {
  it('cuts a list into pages of twenty, the last one shorter', () => {
    expect(pageSize).toBe(20);
    expect(pageCount(45)).toBe(3);
    expect(paginate(items, 1)?.items).toEqual(items.slice(0, 20));
    expect(paginate(items, 3)?.items).toEqual([41, 42, 43, 44, 45]);
  });

  it('has no page before the first or past the last', () => {
    expect(paginate(items, 0)).toBeUndefined();
    expect(paginate(items, 4)).toBeUndefined();
    expect(paginate(items, 1.5)).toBeUndefined();
  });

  it('gives an empty list its first page, so a new site still has a home page', () => {
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageCount: 1 });
    expect(laterPages(0)).toEqual([]);
  });

  it('generates only the later pages: page 1 is the list itself', () => {
    expect(laterPages(45)).toEqual([2, 3]);
    expect(listPage('/topics/a', 1)).toBe('/topics/a');
    expect(listPage('', 2)).toBe('/page/2');
  });

  it('reads a page segment strictly, so one page never has two addresses', () => {
    expect(parsePageSegment('2')).toBe(2);
    for (const segment of ['1', '0', '02', '2.0', '-2', 'x', '', '9999999'])
      expect(parsePageSegment(segment), segment).toBeUndefined();
  });

  it('shows the first and last page and two either side of the current one', () => {
    expect(visiblePages(1, 1)).toEqual([1]);
    expect(visiblePages(2, 3)).toEqual([1, 2, 3]);
    expect(visiblePages(7, 20)).toEqual([1, 'gap', 5, 6, 7, 8, 9, 'gap', 20]);
    expect(visiblePages(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });
});
