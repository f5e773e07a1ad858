import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "../db/client";
import { findActiveUser, type UserSummary } from "../db/users";
import type { Role } from "../validation/user";
import { getAuthOptions } from "./options";

/**
 * The signed-in user as the database knows them now, or null. Memoised per request with
 * React's cache(): the layout, the page and requireUser all ask, and one session check
 * and one user row are enough.
 */
export const getCurrentUser = cache(async (): Promise<UserSummary | null> => {
  const session = await getServerSession(await getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? findActiveUser(db, id) : null;
});

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, curator: 2, admin: 3 };

/** Whether a role may do what `needed` may do (admin ⊇ curator ⊇ reviewer ⊇ viewer). */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
