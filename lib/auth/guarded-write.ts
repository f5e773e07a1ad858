import "server-only";
import type { z } from "zod";
import { ConflictError, WriteError } from "../db/errors";
import { DatabaseUnavailableError, retryWhenBusy, type Unavailability } from "../db/unavailable";
import type { UserSummary } from "../db/users";
import type { Role } from "../validation/user";
import { getCurrentUser, hasRole } from "./current-user";

/** What every server action returns: the form shows `error` as is. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; field?: string; conflict?: unknown; unavailable?: Unavailability };

const ROLE_REFUSAL: Record<Role, string> = {
  viewer: "Sign in to do this.",
  reviewer: "Your account can read but not change claims: ask an admin for reviewer access.",
  admin: "Only an admin can do this.",
};

/**
 * The one path of every write: parse the input with zod, check the session and role
 * against the database, then run the write, turning expected refusals into a clear
 * result. An exported server action is a public endpoint, so none skips this.
 */
export async function guardedWrite<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  needed: Role,
  write: (user: UserSummary, input: z.infer<S>) => Promise<T>,
  currentUser: () => Promise<UserSummary | null> = getCurrentUser,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".") || undefined;
    return { ok: false, error: field ? `${field}: ${issue.message}` : issue.message, field };
  }
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended: sign in again." };
  if (!hasRole(user.role, needed)) return { ok: false, error: ROLE_REFUSAL[needed] };
  try {
    // A busy database is retried (each write is one transaction, so a failed try left nothing).
    return { ok: true, data: await retryWhenBusy(() => write(user, parsed.data)) };
  } catch (error) {
    // The change was not made: the client keeps it and offers to apply it again.
    if (error instanceof DatabaseUnavailableError)
      return { ok: false, error: error.message, unavailable: error.reason };
    if (error instanceof ConflictError) return { ok: false, error: error.message, conflict: error.current };
    if (error instanceof WriteError) return { ok: false, error: error.message, field: error.field };
    throw error;
  }
}
