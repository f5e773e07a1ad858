"use server";

import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { markAssignmentDone } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { markDoneSchema } from "@/lib/validation/assignment";

/** The signed-in reviewer marks one of their own assigned documents done (or reopens it). */
export async function markDoneAction(input: unknown) {
  const result = await guardedWrite(markDoneSchema, input, "reviewer", (user, i) => markAssignmentDone(db, user.id, i));
  if (result.ok) revalidatePath("/my-work");
  return result;
}
