import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { loadAuthSecret } from "../db/settings";
import { findUserForSignIn } from "../db/users";
import { credentialsSchema } from "../validation/user";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { clientAddress, SignInThrottle } from "./sign-in-throttle";

const throttle = new SignInThrottle();

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

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
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const address = clientAddress(request?.headers);
          const wait = throttle.retryAfterMinutes(email, address);
          // next-auth passes a thrown message to the sign-in form as the error.
          if (wait > 0)
            throw new Error(`Too many failed sign-ins. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`);
          const user = await findUserForSignIn(db, email);
          const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
          if (!user || !ok || !user.active) {
            throttle.recordFailure(email, address);
            return null;
          }
          throttle.recordSuccess(email);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      // Only the user id travels in the token: role and active state are read from the
      // database on every request (lib/auth/current-user.ts).
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
