import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { loadAuthSecret } from "../db/settings";
import { clientAddress } from "./client-address";
import { SESSION_MAX_AGE_SECONDS, SessionRevokedError, sessionCallbacks, sessionEvents } from "./session-callbacks";
import { signInLimiter as limiter } from "./shared-limiter";
import { checkSignIn } from "./sign-in";

let cached: Promise<AuthOptions> | undefined;

/** next-auth options; async because the signing secret may live in the database. */
export function getAuthOptions(): Promise<AuthOptions> {
  cached ??= buildAuthOptions().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildAuthOptions(): Promise<AuthOptions> {
  return {
    secret: await loadAuthSecret(db),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const user = await checkSignIn(db, limiter, raw, clientAddress(request?.headers));
          return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: sessionCallbacks(db),
    events: sessionEvents(db),
    logger: {
      // A revoked or expired session is routine, not an error worth a stack trace per request.
      error(code, metadata) {
        const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (code === "JWT_SESSION_ERROR" && cause instanceof SessionRevokedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}
