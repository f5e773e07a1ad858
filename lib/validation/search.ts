import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../search/query-syntax";
import { SEARCH_SORTS } from "../search/types";

export const MAX_SEARCH_LIMIT = 100;

const q = z.string().max(MAX_QUERY_LENGTH, { error: `q must be at most ${MAX_QUERY_LENGTH} characters.` });
const sort = z.enum(SEARCH_SORTS, { error: `sort must be one of: ${SEARCH_SORTS.join(", ")}.` });
const cursor = z.string().min(1, { error: "cursor must not be empty." }).max(2000, { error: "cursor is not valid." });
const limit = z.coerce
  .number({ error: "limit must be a whole number." })
  .int({ error: "limit must be a whole number." })
  .min(1, { error: "limit must be at least 1." })
  .max(MAX_SEARCH_LIMIT, { error: `limit must be at most ${MAX_SEARCH_LIMIT}.` });

/**
 * GET /api/claims and the search page's URL: q (the query, empty = every claim), sort,
 * cursor (from the previous page) and limit. Unknown parameters are refused, so a misspelt
 * one is an error rather than silently ignored.
 */
export const searchParamsSchema = z.strictObject({
  q: q.default(""),
  sort: sort.optional(),
  cursor: cursor.optional(),
  limit: limit.optional(),
});

/** `claims search` flags (the query is the positional argument). */
export const cliSearchArgsSchema = z.object({
  q: q,
  sort: sort.optional(),
  limit: limit.optional(),
  cursor: cursor.optional(),
});

/** Reads URL search params into a plain object; a repeated parameter is refused, not guessed. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> | { error: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in out) return { error: `${key} is given more than once.` };
    out[key] = value;
  }
  return out;
}

/** A search page URL for a query (and sort and cursor), as the page and its links build it. */
export function searchHref(params: { q: string; sort?: string; cursor?: string | null }, base = "/search"): string {
  const search = new URLSearchParams();
  search.set("q", params.q);
  if (params.sort) search.set("sort", params.sort);
  if (params.cursor) search.set("cursor", params.cursor);
  return `${base}?${search.toString()}`;
}
