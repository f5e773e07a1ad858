import Link from "next/link";
import { TagBadge } from "@/components/tags/tag-badge";
import type { TagView } from "@/lib/db/tags";
import { addFilter } from "@/lib/search/edit-query";
import type { SearchHit, SearchSort } from "@/lib/search/types";
import { searchHref } from "@/lib/validation/search";
import { HighlightedText } from "./highlighted-text";

interface Props {
  q: string;
  sort: SearchSort;
  hits: SearchHit[];
  tags: TagView[];
}

function Result({
  hit,
  tagBySlug,
  showDocument,
}: {
  hit: SearchHit;
  tagBySlug: Map<string, TagView>;
  showDocument: boolean;
}) {
  return (
    <li className="result" data-claim-id={hit.claimId}>
      <Link href={hit.url} className="result-link">
        <span className="result-exact">
          <HighlightedText segments={hit.highlights.exact} />
        </span>
      </Link>
      {hit.highlights.statement ? (
        <p className="result-statement">
          <HighlightedText segments={hit.highlights.statement} />
        </p>
      ) : null}
      {hit.highlights.notes ? (
        <p className="result-notes">
          <span className="result-label">Note:</span> <HighlightedText segments={hit.highlights.notes} />
        </p>
      ) : null}
      <p className="claim-meta">
        {hit.tags.map((slug) => {
          const tag = tagBySlug.get(slug);
          return tag ? <TagBadge key={slug} tag={tag} muted={hit.tagsAreSuggested} /> : null;
        })}
        {hit.tagsAreSuggested ? <span className="claim-flag">suggested</span> : null}
        {!hit.tagsAreSuggested && hit.tags.length === 0 ? <span className="claim-flag">no consensus</span> : null}
        {hit.disagreement ? <span className="claim-flag claim-flag-warn">reviewers disagree</span> : null}
        <span className="claim-status">{hit.status}</span>
        {hit.noteCount ? (
          <span className="claim-flag">{hit.noteCount === 1 ? "1 note" : `${hit.noteCount} notes`}</span>
        ) : null}
        {showDocument ? (
          <span className="result-document">
            in <HighlightedText segments={hit.highlights.title} />
          </span>
        ) : null}
      </p>
    </li>
  );
}

/** The hits: a flat list by relevance or recency, grouped under their documents when sorted by document. */
export function SearchResults({ q, sort, hits, tags }: Props) {
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  if (sort !== "document") {
    return (
      <ol className="results">
        {hits.map((hit) => (
          <Result key={hit.claimId} hit={hit} tagBySlug={tagBySlug} showDocument />
        ))}
      </ol>
    );
  }
  const groups: { slug: string; hits: SearchHit[] }[] = [];
  for (const hit of hits) {
    const last = groups[groups.length - 1];
    if (last && last.slug === hit.document.slug) last.hits.push(hit);
    else groups.push({ slug: hit.document.slug, hits: [hit] });
  }
  return (
    <div className="result-groups">
      {groups.map((group) => {
        const doc = group.hits[0];
        return (
          <section key={group.slug} className="result-group" aria-label={doc.document.title}>
            <h2 className="result-group-title">
              <Link href={`/documents/${doc.document.slug}`}>
                <HighlightedText segments={doc.highlights.title} />
              </Link>
              <Link className="chip chip-small" href={searchHref({ q: addFilter(q, "doc", doc.document.slug), sort })}>
                only this document
              </Link>
            </h2>
            <ol className="results">
              {group.hits.map((hit) => (
                <Result key={hit.claimId} hit={hit} tagBySlug={tagBySlug} showDocument={false} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
