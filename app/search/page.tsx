import type { Metadata } from "next";
import Link from "next/link";
import { ExportMenu } from "@/components/export/export-menu";
import { FilterChips } from "@/components/search/filter-chips";
import { SearchForm } from "@/components/search/search-form";
import { SearchHelp } from "@/components/search/search-help";
import { SearchResults } from "@/components/search/search-results";
import { TagLegend } from "@/components/tags/tag-legend";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db/client";
import { slugsUnderIndependentReview } from "@/lib/db/independent-review";
import { searchClaimsWithNotices } from "@/lib/db/search";
import { listTags } from "@/lib/db/tags";
import { excludeDocuments } from "@/lib/review/independent-review";
import { hasRankableText, type ParsedQuery, parseQuery } from "@/lib/search/query-syntax";
import { SEARCH_SORTS, SearchInputError, type SearchPage, type SearchSort } from "@/lib/search/types";
import { firstIssue } from "@/lib/validation/first-issue";
import { searchHref, searchParamsSchema } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  return { title: q ? `“${q.slice(0, 60)}” · Search` : "Search" };
}

const SORT_LABELS: Record<SearchSort, string> = { relevance: "Best match", document: "By document", newest: "Newest" };

/** What the export menu says it will export: every match, not just this page. */
function exportLabel(q: string, page: SearchPage): string {
  const count = page.totalIsCapped
    ? `All ${page.total.toLocaleString("en")}+ claims`
    : page.total === 1
      ? "The 1 claim"
      : `All ${page.total.toLocaleString("en")} claims`;
  return `${count} matching “${q.trim()}”`;
}

function countLabel(total: number, capped: boolean): string {
  if (capped) return `more than ${total.toLocaleString("en")} claims`;
  return total === 1 ? "1 claim" : `${total.toLocaleString("en")} claims`;
}

function summary(page: SearchPage): string {
  if (page.totalIsCapped) return `More than ${page.total.toLocaleString("en")} claims match.`;
  if (page.total === 0) return "No claims match.";
  return page.total === 1 ? "1 claim matches." : `${page.total.toLocaleString("en")} claims match.`;
}

export default async function SearchPageRoute({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = searchParamsSchema.safeParse({
    q: first(raw.q) ?? "",
    sort: first(raw.sort) || undefined,
    cursor: first(raw.cursor) || undefined,
  });
  const q = parsed.success ? parsed.data.q : (first(raw.q) ?? "").slice(0, 1000);
  const sort = parsed.success ? parsed.data.sort : undefined;
  const user = await requireUser(searchHref({ q, sort, cursor: parsed.success ? parsed.data.cursor : undefined }));
  const tags = await listTags(db);

  let error: string | null = parsed.success ? null : firstIssue(parsed.error).message;
  let page: SearchPage | null = null;
  let notices: string[] = [];
  let query: ParsedQuery | null = null;
  if (parsed.success && q.trim() !== "") {
    try {
      // Documents this reviewer reviews independently stay out until they mark them done.
      const hidden = await slugsUnderIndependentReview(db, user);
      page = await searchClaimsWithNotices(db, { ...parsed.data, q: excludeDocuments(parsed.data.q, hidden) });
      query = page.query;
      notices = page.notices;
    } catch (e) {
      if (!(e instanceof SearchInputError)) throw e;
      error = e.message;
    }
  }
  if (!query) {
    try {
      query = parseQuery(q);
    } catch {
      query = null;
    }
  }
  const canRank = query ? hasRankableText(query) : false;

  return (
    <section className="page search-page">
      <h1>Search claims</h1>
      <SearchForm q={q} sort={sort} />
      <FilterChips q={q} query={query} sort={sort} tags={tags} userEmail={user.email} />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {notices.map((n) => (
        <p key={n} className="search-notice" role="status">
          {n}
        </p>
      ))}
      {page?.suggestion ? (
        <p className="search-notice search-suggestion">
          Try{" "}
          <Link href={searchHref({ q: page.suggestion.q, sort })} className="search-suggestion-link">
            {page.suggestion.q}
          </Link>{" "}
          ({countLabel(page.suggestion.total, page.suggestion.totalIsCapped)}).
        </p>
      ) : null}
      {page ? (
        <>
          <div className="search-bar">
            <p className="search-count" role="status">
              {summary(page)}
            </p>
            <nav className="sort-links" aria-label="Sort results">
              {SEARCH_SORTS.map((s) =>
                s === "relevance" && !canRank ? null : (
                  <Link key={s} href={searchHref({ q, sort: s })} aria-current={page.sort === s ? "true" : undefined}>
                    {SORT_LABELS[s]}
                  </Link>
                ),
              )}
              <a href={searchHref({ q, sort }, "/api/claims")} className="json-link">
                JSON
              </a>
            </nav>
            {page.total > 0 ? <ExportMenu scopes={[{ q: q.trim(), label: exportLabel(q, page) }]} /> : null}
          </div>
          <SearchResults q={q} sort={page.sort} hits={page.hits} tags={tags} />
          <nav className="pager" aria-label="More results">
            {parsed.success && parsed.data.cursor ? <Link href={searchHref({ q, sort })}>First page</Link> : null}
            {page.nextCursor ? (
              <Link href={searchHref({ q, sort, cursor: page.nextCursor })} rel="next" className="button-quiet">
                More results
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
      <TagLegend tags={tags} />
      <SearchHelp open={!page && !error} />
    </section>
  );
}
