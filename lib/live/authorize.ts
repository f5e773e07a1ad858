import type { Role } from "../validation/user";
import type { LiveEvent } from "./event-kinds";

export interface LiveViewer {
  id: string;
  name: string;
  role: Role;
}

/**
 * Whether a viewer may receive one event, decided on the server for each event and each
 * connection. Today every signed-in role reads every document, its claims, tags and notes,
 * so the answer is yes for an active account (the hub re-reads accounts every heartbeat and
 * drops the streams of deactivated ones). This is the one place a narrower rule goes: with
 * independent review on (the team-review issue), a reviewer must not receive another
 * reviewer's "claim.tags" event before the review allows them to see the tags.
 */
export function mayReceive(viewer: LiveViewer, event: LiveEvent): boolean {
  switch (viewer.role) {
    case "admin":
    case "reviewer":
    case "viewer":
      return event.documentId.length > 0;
    default:
      return false;
  }
}
