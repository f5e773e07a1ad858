import type { SearchSort } from "@/lib/search/types";

/** A plain GET form: the query lives in the URL, so a search can be bookmarked and shared. */
export function SearchForm({ q, sort }: { q: string; sort?: SearchSort }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a GET form is the search landmark; <search> would need a nested form
    <form role="search" action="/search" method="get" className="search-form">
      <label htmlFor="search-q" className="visually-hidden">
        Search claims
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={q}
        placeholder='Words, "phrases", prefix*, -excluded, tag:statistic …'
        autoComplete="off"
        spellCheck={false}
        maxLength={1000}
        // biome-ignore lint/a11y/noAutofocus: the search page has one job; focus only when no query is shown yet
        autoFocus={q === ""}
      />
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  );
}
