import Link from "next/link";
import type { TagView } from "@/lib/db/tags";
import { addFilter, hasFilter, removeFilter } from "@/lib/search/edit-query";
import type { FilterTerm, ParsedQuery } from "@/lib/search/query-syntax";
import type { SearchSort } from "@/lib/search/types";
import { searchHref } from "@/lib/validation/search";

interface Chip {
  field: FilterTerm["field"];
  value: string;
  label: string;
  color?: string;
  letter?: string;
}

interface Props {
  q: string;
  query: ParsedQuery | null;
  sort?: SearchSort;
  tags: TagView[];
  userEmail: string;
}

/**
 * One-click filters: each chip adds its filter to the query, or removes it when it is
 * already there. Filters typed by hand (doc:, another reviewer, an exclusion) show too.
 */
export function FilterChips({ q, query, sort, tags, userEmail }: Props) {
  const offered: Chip[] = [
    ...tags.map((t) => ({ field: "tag" as const, value: t.slug, label: t.label, color: t.color, letter: t.letter })),
    { field: "has", value: "note", label: "has notes" },
    { field: "disagreement", value: "yes", label: "reviewers disagree" },
    { field: "linked", value: "yes", label: "linked across documents" },
    { field: "status", value: "disputed", label: "disputed" },
    { field: "reviewer", value: userEmail, label: "my claims" },
  ];
  const isOffered = (f: FilterTerm) => !f.negated && offered.some((c) => c.field === f.field && c.value === f.value);
  const typed = (query?.filters ?? []).filter((f) => !isOffered(f));
  return (
    <nav className="filter-chips" aria-label="Filters">
      {offered.map((chip) => {
        const active = query ? hasFilter(query, chip.field, chip.value) : false;
        const next = active ? removeFilter(q, chip.field, chip.value) : addFilter(q, chip.field, chip.value);
        return (
          <Link
            key={`${chip.field}:${chip.value}`}
            href={searchHref({ q: next, sort })}
            className={active ? "chip chip-active" : "chip"}
            aria-label={active ? `Remove filter: ${chip.label}` : `Filter: ${chip.label}`}
            style={chip.color ? ({ "--tag": chip.color } as React.CSSProperties) : undefined}
            title={`${chip.field}:${chip.value}`}
          >
            {chip.letter ? (
              <span aria-hidden="true" className="tag-letter">
                {chip.letter}
              </span>
            ) : null}
            {chip.label}
            {active ? <span aria-hidden="true"> ✕</span> : null}
          </Link>
        );
      })}
      {typed.map((f) => (
        <Link
          key={f.source}
          href={searchHref({ q: removeFilter(q, f.field, f.value), sort })}
          className="chip chip-active"
          aria-label={`Remove filter: ${f.source}`}
          title={f.source}
        >
          {f.negated ? "not " : ""}
          {f.field}:{f.value}
          <span aria-hidden="true"> ✕</span>
        </Link>
      ))}
    </nav>
  );
}
