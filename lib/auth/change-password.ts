import "server-only";
import type { Db } from "../db/client";
import { WriteError } from "../db/errors";
import { retryWhenBusy, withoutRetry } from "../db/unavailable";
import { findPasswordHash, replacePassword, type UserSummary } from "../db/users";
import type { ChangeOwnPassword } from "../validation/password-change";
import { hashPassword, verifyPassword } from "./password";
import { HashingBusyError } from "./password-worker";
import { describeWait } from "./sign-in";
import type { SignInLimiter } from "./sign-in-limiter";

/**
 * A signed-in user replaces their own password. The current password is checked as a
 * sign-in would be — counted against the same limits first, so a stolen session cannot be
 * used to guess the password faster than the sign-in form allows — and every session of the
 * account ends, this one included: the user signs in again with the new password.
 */
export async function changeOwnPassword(
  db: Db,
  limiter: SignInLimiter,
  user: UserSummary,
  input: ChangeOwnPassword,
  address: string,
): Promise<void> {
  // The check runs once: retried on a busy database (as guardedWrite retries a write), it
  // would count the attempt against the limits again. Only the final write is retried.
  await withoutRetry(() => checkCurrentPassword(db, limiter, user, input.currentPassword, address));
  const passwordHash = await hashPassword(input.newPassword);
  await retryWhenBusy(() => replacePassword(db, user.id, { userId: user.id, passwordHash, how: "changed" }));
}

async function checkCurrentPassword(
  db: Db,
  limiter: SignInLimiter,
  user: UserSummary,
  currentPassword: string,
  address: string,
): Promise<void> {
  const admission = await limiter.admit(user.email, address);
  if (!admission.ok) {
    throw new WriteError(
      `Too many wrong passwords. Try again in ${describeWait(admission.retryAfterSeconds)}.`,
      "currentPassword",
    );
  }
  const hash = await findPasswordHash(db, user.id);
  let ok: boolean;
  try {
    ok = hash !== null && (await verifyPassword(currentPassword, hash));
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    await admission.undo();
    throw new WriteError(error.message);
  }
  if (!ok) throw new WriteError("That is not your current password.", "currentPassword");
  await admission.succeeded();
}
