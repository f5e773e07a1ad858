import type { Role } from "../validation/user";
import type { LiveEvent } from "./event-kinds";

export interface LiveViewer {
  id: string;
  name: string;
  role: Role;
  /** The document is under this reviewer's independent review: others' tags are not theirs to see yet. */
  blind?: boolean;
}

/**
 * Whether a viewer may receive one event, decided on the server for each event and each
 * connection. Every active role reads every document, its claims and notes (the hub re-reads
 * accounts every heartbeat and drops the streams of deactivated ones). During an independent
 * review (lib/db/independent-review.ts) a reviewer does not hear of other reviewers' tags;
 * the claim they fetch for any other event is redacted the same way (GET /api/claims/[id]).
 */
export function mayReceive(viewer: LiveViewer, event: LiveEvent): boolean {
  if (viewer.blind && (event.kind === "claim.tags" || event.kind === "claim.verdict") && event.actorId !== viewer.id)
    return false;
  switch (viewer.role) {
    case "admin":
    case "curator":
    case "reviewer":
    case "viewer":
      return event.documentId.length > 0;
    default:
      return false;
  }
}
