import { getLabels } from '@/lib/labels';
import { searchPath } from '@/lib/paths';
import type { Script } from '@/lib/script';
import { maxQueryLength } from '@/lib/search/terms';

/**
 * The header's search box: a plain GET form to the script's search page, so the query is
 * the URL's `?q=` (shared, bookmarked, back and forward) and the form works without
 * JavaScript; the search page itself needs it to search.
 */
export function SearchBox({ script }: { readonly script: Script }) {
  const labels = getLabels(script);
  return (
    <form role="search" className="search-box" action={searchPath(script)} method="get">
      <label className="visually-hidden" htmlFor="search-query">
        {labels.searchLabel}
      </label>
      {/* A pasted page of text stops at the box's limit, long before a URL would be too long for a server. */}
      <input
        id="search-query"
        type="search"
        name="q"
        maxLength={maxQueryLength}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">{labels.search}</button>
    </form>
  );
}
