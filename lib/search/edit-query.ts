import { type FilterTerm, type ParsedQuery, parseQuery, QuerySyntaxError } from "./query-syntax";

/**
 * Edits a typed query for the filter chips: add or remove one filter while keeping every
 * other term exactly as the reviewer typed it. A query that does not parse is edited as text.
 */

function tryParse(q: string): ParsedQuery | null {
  try {
    return parseQuery(q);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return null;
    throw error;
  }
}

function render(query: ParsedQuery, keep: (term: ParsedQuery["text"][number] | FilterTerm) => boolean): string {
  return [...query.text, ...query.filters]
    .filter(keep)
    .map((t) => t.source)
    .join(" ");
}

export function hasFilter(query: ParsedQuery, field: FilterTerm["field"], value: string): boolean {
  return query.filters.some((f) => f.field === field && f.value === value && !f.negated);
}

/** The query with `field:value` added (once). */
export function addFilter(q: string, field: FilterTerm["field"], value: string): string {
  const query = tryParse(q);
  if (query && hasFilter(query, field, value)) return q;
  const token = /[\s"]/.test(value) ? `${field}:"${value}"` : `${field}:${value}`;
  return [q.trim(), token].filter(Boolean).join(" ");
}

/** The query without any filter on `field:value` (included or excluded). */
export function removeFilter(q: string, field: FilterTerm["field"], value: string): string {
  const query = tryParse(q);
  return query ? render(query, (t) => t.kind === "text" || t.field !== field || t.value !== value) : q;
}
