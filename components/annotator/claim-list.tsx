"use client";

import { TagBadge } from "@/components/tags/tag-badge";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { hasDisagreement } from "@/lib/tags/agreement";
import { shownTags } from "@/lib/tags/shown-tags";

interface Props {
  /** The claims to list, already filtered, each with its number in reading order. */
  items: { claim: ClaimForReading; number: number }[];
  tags: TagView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Claims in reading order; choosing one scrolls the text to its passage. */
export function ClaimList({ items, tags, selectedId, onSelect }: Props) {
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  return (
    <ol className="claim-list">
      {items.map(({ claim, number }) => {
        const curated = claim.reviewerTags.length === 0;
        return (
          <li key={claim.id} id={`claim-item-${claim.id}`}>
            <button
              type="button"
              className="claim-item"
              aria-pressed={claim.id === selectedId}
              data-claim-id={claim.id}
              data-deleted={claim.deleted || undefined}
              onClick={() => onSelect(claim.id)}
            >
              <span className="claim-number">{number}</span>
              <span className="claim-body">
                <span className="claim-exact">{claim.exact}</span>
                <span className="claim-meta">
                  {shownTags(claim).map((slug) => {
                    const tag = tagBySlug.get(slug);
                    return tag ? <TagBadge key={slug} tag={tag} muted={curated} /> : null;
                  })}
                  {curated && claim.suggestedTags.length ? <span className="claim-flag">suggested</span> : null}
                  {hasDisagreement(claim.reviewerTags) ? (
                    <span className="claim-flag claim-flag-warn">reviewers disagree</span>
                  ) : null}
                  <span className={`claim-status status-${claim.status}`}>
                    {claim.deleted ? "deleted" : claim.status}
                  </span>
                  {claim.noteCount ? (
                    <span className="claim-flag">
                      {claim.noteCount} {claim.noteCount === 1 ? "note" : "notes"}
                    </span>
                  ) : null}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
