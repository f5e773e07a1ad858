"use client";

import { useCallback } from "react";
import type { Span } from "@/lib/anchoring/types";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { ClaimStatus } from "@/lib/validation/claim";
import type { ClaimActions } from "./annotator-actions";
import type { useClaims } from "./use-claims";
import type { Viewer } from "./viewer";

type ClaimStore = Pick<ReturnType<typeof useClaims>, "apply" | "upsert">;

/**
 * The annotator's writes, each a server action through `apply` (which shows conflicts and
 * offers to re-apply on top of the newer copy). Tags are optimistic: the highlight changes
 * at once and is put back if the server refuses.
 */
export function useClaimWrites(actions: ClaimActions, viewer: Viewer, { apply, upsert }: ClaimStore) {
  const toggleTag = useCallback(
    (claim: ClaimForReading, slug: string) => {
      const mine = (t: ClaimForReading["reviewerTags"][number]) => t.reviewerId === viewer.id && t.tag === slug;
      const on = !claim.reviewerTags.some(mine);
      const reviewerTags = on
        ? [...claim.reviewerTags, { tag: slug, reviewerId: viewer.id, reviewerName: viewer.name }]
        : claim.reviewerTags.filter((t) => !mine(t));
      upsert({ ...claim, reviewerTags });
      void apply(actions.setTag, { claimId: claim.id, tag: slug, on }).then((saved) => {
        if (!saved) upsert(claim);
      });
    },
    [actions, apply, upsert, viewer],
  );

  const setStatus = useCallback(
    (claim: ClaimForReading, status: ClaimStatus) =>
      apply(
        actions.setStatus,
        { claimId: claim.id, version: claim.version, status },
        { rebase: (newer) => ({ claimId: claim.id, version: newer.version, status }) },
      ),
    [actions, apply],
  );

  const describe = useCallback(
    (claim: ClaimForReading, statement: string, kind: string | null) =>
      apply(
        actions.describeClaim,
        { claimId: claim.id, version: claim.version, statement, kind },
        {
          success: "Statement saved.",
          rebase: (newer) => ({ claimId: claim.id, version: newer.version, statement, kind }),
        },
      ),
    [actions, apply],
  );

  const respan = useCallback(
    (claim: ClaimForReading, span: Span) =>
      apply(
        actions.adjustSpan,
        { claimId: claim.id, version: claim.version, ...span },
        { rebase: (newer) => ({ claimId: claim.id, version: newer.version, ...span }) },
      ),
    [actions, apply],
  );

  const toggleDeleted = useCallback(
    (claim: ClaimForReading) =>
      apply(
        claim.deleted ? actions.restoreClaim : actions.deleteClaim,
        { claimId: claim.id, version: claim.version },
        {
          success: claim.deleted
            ? "Claim restored."
            : "Claim deleted. Press x again, or choose “Deleted” in the list, to restore it.",
          rebase: (newer) => ({ claimId: claim.id, version: newer.version }),
        },
      ),
    [actions, apply],
  );

  const createClaim = useCallback(
    (documentId: string, span: Span) =>
      apply(actions.createClaim, { documentId, ...span }, { success: "Claim created." }),
    [actions, apply],
  );

  return { toggleTag, setStatus, describe, respan, toggleDeleted, createClaim };
}
