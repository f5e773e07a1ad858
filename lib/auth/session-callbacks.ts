import "server-only";
import type { CallbacksOptions, EventCallbacks } from "next-auth";
import type { Db } from "../db/client";
import { findSessionUser, revokeSessions, type UserSummary } from "../db/users";
import type { SignedInUser } from "./sign-in";

// A session token carries the user id, the user's session version at sign-in, and when the
// sign-in happened. Every request re-reads the user: a token whose version is no longer the
// user's (signed out everywhere, role changed, deactivated, password changed) or whose
// sign-in is older than the session lifetime is refused, and next-auth clears the cookie.
// So a copied cookie dies with the sign-out, and renewing the cookie never extends a
// session past one working day from the password check.

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/** Thrown from the jwt callback: next-auth then answers "no session" and clears the cookie. */
export class SessionRevokedError extends Error {
  constructor() {
    super("This session has ended.");
  }
}

interface ClaimbookToken {
  sub?: string;
  sv?: number;
  signedInAt?: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The active user a decoded token still stands for (their current session), or null. */
export async function sessionUser(db: Db, token: ClaimbookToken, now = nowSeconds()): Promise<UserSummary | null> {
  if (typeof token.sub !== "string" || typeof token.sv !== "number" || typeof token.signedInAt !== "number")
    return null;
  if (now - token.signedInAt > SESSION_MAX_AGE_SECONDS) return null;
  return findSessionUser(db, token.sub, token.sv);
}

/** Whether a decoded token still stands for an active user's current session. */
export async function isSessionCurrent(db: Db, token: ClaimbookToken, now = nowSeconds()): Promise<boolean> {
  return (await sessionUser(db, token, now)) !== null;
}

export function sessionCallbacks(db: Db): Pick<CallbacksOptions, "jwt" | "session"> {
  return {
    async jwt({ token, user }) {
      if (user) {
        // Only the id travels (role and active state are read from the database on every
        // request), with what revocation needs.
        const signedIn = user as unknown as SignedInUser;
        return { sub: signedIn.id, sv: signedIn.sessionVersion, signedInAt: nowSeconds() };
      }
      if (!(await isSessionCurrent(db, token as ClaimbookToken))) throw new SessionRevokedError();
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  };
}

/** Signing out ends every session of the user, on every device: copied cookies included. */
export function sessionEvents(db: Db): Pick<EventCallbacks, "signOut"> {
  return {
    async signOut({ token }) {
      const sub = (token as ClaimbookToken | null)?.sub;
      if (sub) await revokeSessions(db, sub);
    },
  };
}
