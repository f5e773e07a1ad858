"use server";

import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { restoreClaimVersion } from "@/lib/db/claim-writes";
import { db } from "@/lib/db/client";
import { restoreVersionSchema } from "@/lib/validation/audit";

export async function restoreVersionAction(input: unknown) {
  const result = await guardedWrite(restoreVersionSchema, input, "admin", (admin, i) =>
    restoreClaimVersion(db, admin.id, i),
  );
  if (result.ok) revalidatePath("/admin/audit");
  return result;
}
