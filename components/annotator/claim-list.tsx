"use client";

import type { ClaimForReading } from "@/lib/db/documents";
import type { TagView } from "@/lib/db/tags";
import { hasDisagreement } from "@/lib/tags/agreement";
import { shownTags } from "@/lib/tags/shown-tags";
import { TagBadge } from "@/components/tags/tag-badge";

interface Props {
  claims: ClaimForReading[];
  tags: TagView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The document's claims in reading order; choosing one scrolls the text to its passage. */
export function ClaimList({ claims, tags, selectedId, onSelect }: Props) {
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  return (
    <ol className="claim-list">
      {claims.map((claim, index) => {
        const curated = claim.reviewerTags.length === 0;
        const disagreement = hasDisagreement(claim.reviewerTags);
        return (
          <li key={claim.id} id={`claim-item-${claim.id}`}>
            <button
              type="button"
              className="claim-item"
              aria-pressed={claim.id === selectedId}
              data-claim-id={claim.id}
              onClick={() => onSelect(claim.id)}
            >
              <span className="claim-number">{index + 1}</span>
              <span className="claim-body">
                <span className="claim-exact">{claim.exact}</span>
                <span className="claim-meta">
                  {shownTags(claim).map((slug) => {
                    const tag = tagBySlug.get(slug);
                    return tag ? <TagBadge key={slug} tag={tag} muted={curated} /> : null;
                  })}
                  {curated ? <span className="claim-flag">suggested</span> : null}
                  {disagreement ? <span className="claim-flag claim-flag-warn">reviewers disagree</span> : null}
                  <span className="claim-status">{claim.status}</span>
                  {claim.noteCount ? <span className="claim-flag">{claim.noteCount} notes</span> : null}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
