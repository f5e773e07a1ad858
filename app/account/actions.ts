"use server";

import { headers } from "next/headers";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { clientAddress } from "@/lib/auth/client-address";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { signInLimiter } from "@/lib/auth/shared-limiter";
import { db } from "@/lib/db/client";
import { changeOwnPasswordSchema } from "@/lib/validation/password-change";

/** Any signed-in user replaces their own password; every session of the account ends, this one too. */
export async function changeOwnPasswordAction(input: unknown) {
  const address = clientAddress(await headers());
  return guardedWrite(changeOwnPasswordSchema, input, "viewer", async (user, i) => {
    await changeOwnPassword(db, signInLimiter, user, i, address);
    return { signedOut: true };
  });
}
