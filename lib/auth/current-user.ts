import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { db } from "../db/client";
import type { UserSummary } from "../db/users";
import type { Role } from "../validation/user";
import { getAuthOptions } from "./options";
import { sessionCookieName, userFromSessionCookies } from "./session-user";

/**
 * The signed-in user as the database knows them now, or null. Memoised per request with
 * React's cache(): the layout, the page and requireUser all ask, and one decrypted token and
 * one user row are enough (lib/auth/session-user.ts).
 */
export const getCurrentUser = cache(async (): Promise<UserSummary | null> => {
  const [options, jar, requestHeaders] = await Promise.all([getAuthOptions(), cookies(), headers()]);
  const name = sessionCookieName(process.env, requestHeaders.get("x-forwarded-proto"));
  return userFromSessionCookies(db, jar.getAll(), name, options.secret as string);
});

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, curator: 2, admin: 3 };

/** Whether a role may do what `needed` may do (admin ⊇ curator ⊇ reviewer ⊇ viewer). */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
