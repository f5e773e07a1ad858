"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { DatabaseUnavailableError, retryWhenBusy } from "@/lib/db/unavailable";
import { createFirstAdmin, FirstAdminExistsError } from "@/lib/db/users";
import { type FormState, fieldErrorsOf } from "@/lib/validation/form-errors";
import { firstAdminSchema } from "@/lib/validation/setup";

/** Creates the first admin. Public by necessity, so it only ever works on an empty user table. */
export async function createFirstAdminAction(_prev: FormState, form: FormData): Promise<FormState> {
  // A public endpoint: a hand-made call may send anything, not a form.
  if (!(form instanceof FormData)) return { ok: false, message: "Send the setup form." };
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = firstAdminSchema.safeParse({
    ...values,
    password: form.get("password"),
    confirm: form.get("confirm"),
  });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await retryWhenBusy(() => createFirstAdmin(db, parsed.data));
  } catch (error) {
    if (error instanceof FirstAdminExistsError || error instanceof DatabaseUnavailableError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
  redirect("/signin?setup=done");
}
