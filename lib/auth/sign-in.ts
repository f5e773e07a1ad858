import "server-only";
import type { Db } from "../db/client";
import { findUserForSignIn } from "../db/users";
import { credentialsSchema } from "../validation/user";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { HashingBusyError } from "./password-worker";
import type { SignInLimiter } from "./sign-in-limiter";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/** A refusal the sign-in form shows as is (next-auth passes a thrown message through). */
export class SignInRefusedError extends Error {}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * The credentials check behind next-auth's authorize: count the attempt against the limits
 * (refused attempts never reach the password hash), then compare the password on the
 * hashing thread. Null means a wrong email or password, told apart by nothing.
 */
export async function checkSignIn(
  db: Db,
  limiter: SignInLimiter,
  raw: unknown,
  address: string,
  verify: (password: string, hash: string) => Promise<boolean> = verifyPassword,
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const admission = await limiter.admit(email, address);
  if (!admission.ok) {
    throw new SignInRefusedError(
      `Too many sign-in attempts. Try again in ${describeWait(admission.retryAfterSeconds)}.`,
    );
  }
  const user = await findUserForSignIn(db, email);
  let ok: boolean;
  try {
    ok = await verify(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    await admission.undo();
    throw new SignInRefusedError(error.message);
  }
  if (!user || !ok || !user.active) return null;
  await admission.succeeded();
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
