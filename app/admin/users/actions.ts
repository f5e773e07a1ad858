"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createUser, replacePassword, updateUserAccess } from "@/lib/db/users";
import { resetPasswordSchema } from "@/lib/validation/password-change";
import { adminCreateUserSchema, updateUserAccessSchema } from "@/lib/validation/user-admin";

export async function createUserAction(input: unknown) {
  const result = await guardedWrite(adminCreateUserSchema, input, "admin", async (admin, i) => {
    const password = i.password || randomBytes(15).toString("base64url");
    const user = await createUser(db, { email: i.email, name: i.name, role: i.role, password }, admin.id);
    // The generated password is shown to the admin once, to hand over; it is never stored in clear.
    return { email: user.email, generatedPassword: i.password ? null : password };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAccessAction(input: unknown) {
  const result = await guardedWrite(updateUserAccessSchema, input, "admin", (admin, i) =>
    updateUserAccess(db, admin.id, i),
  );
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** Gives an account a new, generated password (shown once to the admin, to hand over) and ends its sessions. */
export async function resetPasswordAction(input: unknown) {
  return guardedWrite(resetPasswordSchema, input, "admin", async (admin, i) => {
    const password = randomBytes(15).toString("base64url");
    const passwordHash = await hashPassword(password);
    const user = await replacePassword(db, admin.id, { userId: i.userId, passwordHash, how: "reset" });
    return { email: user.email, generatedPassword: password };
  });
}
