import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { loadAuthSecret } from "../db/settings";
import { clientAddress } from "./client-address";
import { checkSignIn } from "./sign-in";
import { SignInLimiter } from "./sign-in-limiter";

const limiter = new SignInLimiter(db);

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
          const user = await checkSignIn(db, limiter, raw, clientAddress(request?.headers));
          return user && { id: user.id, email: user.email, name: user.name };
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
