import "server-only";
import type { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, WriteError } from "../db/errors";
import { DatabaseUnavailableError, retryWhenBusy } from "../db/unavailable";
import type { UserSummary } from "../db/users";
import { announceLiveChange } from "../live/live-server";
import { describeFirstIssue, firstIssue } from "../validation/first-issue";
import type { Role } from "../validation/user";
import { getCurrentUser, hasRole } from "./current-user";

/**
 * Why a write was refused. Callers branch on the code, never on the wording; the JSON API
 * maps each to its HTTP status in one table (lib/api/json-write.ts).
 */
export type RefusalCode =
  | "invalid"
  | "signed-out"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "refused"
  // The database is busy or read-only: nothing was written, the same change may be sent again.
  | "unavailable";

/** What every server action returns: the form shows `error` as is. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: RefusalCode; error: string; field?: string; conflict?: unknown };

type Refusal = Extract<ActionResult<never>, { ok: false }>;

const ROLE_REFUSAL: Record<Role, string> = {
  viewer: "Sign in to do this.",
  reviewer: "Your account can read but not change claims: ask an admin for reviewer access.",
  curator: "Only a curator or an admin can do this.",
  admin: "Only an admin can do this.",
};

/**
 * The one path of every write: parse the input with zod, check the session and role
 * against the database, then run the write, turning expected refusals into a clear
 * result. An exported server action is a public endpoint, so none skips this.
 */
/** The refusal for a caller who is not signed in or whose role is below `needed`, else null. */
export function refuseAccess(user: UserSummary | null, needed: Role): Refusal | null {
  if (!user) return { ok: false, code: "signed-out", error: "Your session has ended: sign in again." };
  if (!hasRole(user.role, needed)) return { ok: false, code: "forbidden", error: ROLE_REFUSAL[needed] };
  return null;
}

/** An expected refusal thrown by lib/db, as a result; anything else is a bug and rethrown. */
function refusalOfError(error: unknown): Refusal | null {
  if (error instanceof ConflictError)
    return { ok: false, code: "conflict", error: error.message, conflict: error.current };
  if (error instanceof NotFoundError) return { ok: false, code: "not-found", error: error.message, field: error.field };
  if (error instanceof ForbiddenError)
    return { ok: false, code: "forbidden", error: error.message, field: error.field };
  if (error instanceof WriteError) return { ok: false, code: "refused", error: error.message, field: error.field };
  if (error instanceof DatabaseUnavailableError) return { ok: false, code: "unavailable", error: error.message };
  return null;
}

export async function guardedWrite<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  needed: Role,
  write: (user: UserSummary, input: z.infer<S>) => Promise<T>,
  currentUser: () => Promise<UserSummary | null> = getCurrentUser,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { field } = firstIssue(parsed.error);
    return { ok: false, code: "invalid", error: describeFirstIssue(parsed.error), field };
  }
  const user = await currentUser();
  const refused = refuseAccess(user, needed);
  if (refused) return refused;
  try {
    // refuseAccess refused a missing user, so there is one here. A busy database is retried
    // (each write is one transaction, so a failed try left nothing behind).
    const data = await retryWhenBusy(() => write(user!, parsed.data));
    // Committed: the open pages of the document may hear of it now (lib/live), never before.
    announceLiveChange();
    return { ok: true, data };
  } catch (error) {
    const refusal = refusalOfError(error);
    if (refusal) return refusal;
    throw error;
  }
}
