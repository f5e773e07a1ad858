import "server-only";
import { decode } from "next-auth/jwt";
import type { Db } from "../db/client";
import type { UserSummary } from "../db/users";
import { sessionUser } from "./session-callbacks";

/** next-auth's session cookie name: "__Secure-" prefixed when its URL is https (core/init.js, cookie.js). */
export function sessionCookieName(env: Record<string, string | undefined>, forwardedProto: string | null): string {
  let secure = false;
  if (env.NEXTAUTH_URL) secure = env.NEXTAUTH_URL.startsWith("https://");
  else if (env.VERCEL ?? env.AUTH_TRUST_HOST) secure = forwardedProto !== "http";
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** The session token, joined from its chunks (name.0, name.1, …) as next-auth's SessionStore does. */
export function sessionToken(cookies: readonly { name: string; value: string }[], name: string): string | null {
  const chunks = cookies
    .filter((c) => c.name.startsWith(name))
    .sort((a, b) => Number.parseInt(a.name.split(".").pop() ?? "0") - Number.parseInt(b.name.split(".").pop() ?? "0"));
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/**
 * The user a request's session cookie stands for, or null: the token decrypted and checked as
 * the jwt callback checks it (session version, age, active user), in one user read. What
 * next-auth's getServerSession does for a page besides (a CSRF token, re-encrypting a renewed
 * token whose cookie a page cannot set, a second read of the user) is left out: it cost about
 * as much CPU as the rest of a small page.
 */
export async function userFromSessionCookies(
  db: Db,
  cookies: readonly { name: string; value: string }[],
  cookieName: string,
  secret: string,
): Promise<UserSummary | null> {
  const token = sessionToken(cookies, cookieName);
  if (!token) return null;
  const decoded = await decode({ token, secret }).catch(() => null);
  return decoded ? sessionUser(db, decoded) : null;
}
