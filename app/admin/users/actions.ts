"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { db } from "@/lib/db/client";
import { createUser, updateUserAccess } from "@/lib/db/users";
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
