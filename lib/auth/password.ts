import "server-only";
import bcrypt from "bcryptjs";
import { hashingThread } from "./password-worker";

const BCRYPT_COST = 12;

/** Hashes on the hashing thread (lib/auth/password-worker.ts), never on the event loop. */
export function hashPassword(password: string): Promise<string> {
  return hashingThread.run<string>({ op: "hash", password, cost: BCRYPT_COST });
}

/** Compares on the hashing thread; throws HashingBusyError when too many are waiting. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return hashingThread.run<boolean>({ op: "compare", password, hash });
}

// Compared against when the email is unknown, so a miss costs as long as a hit
// and response time does not reveal which emails have accounts.
export const DUMMY_PASSWORD_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);
