import type { ActionResult } from "@/lib/auth/guarded-write";
import type { ClaimLinkView } from "@/lib/db/claim-link-reads";
import type { LinkTarget } from "@/lib/db/link-targets";

type ServerAction<T> = (input: unknown) => Promise<ActionResult<T>>;

/** The link actions the annotator's claim detail calls (passed in as props, like the note actions). */
export interface LinkActions {
  loadClaimLinks: ServerAction<ClaimLinkView[]>;
  findLinkTargets: ServerAction<LinkTarget[]>;
  createLink: ServerAction<unknown>;
  unlinkClaim: ServerAction<unknown>;
}
