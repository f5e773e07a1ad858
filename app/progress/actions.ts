"use server";

import { revalidatePath } from "next/cache";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { assignDocument, unassignDocument } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { setIndependentReview } from "@/lib/db/independent-review";
import { assignmentSchema, independentReviewSchema } from "@/lib/validation/assignment";

// Thin: parse, guard (curators and admins), call lib/db, revalidate.

export async function assignAction(input: unknown) {
  const result = await guardedWrite(assignmentSchema, input, "curator", (user, i) => assignDocument(db, user.id, i));
  if (result.ok) revalidatePath("/progress");
  return result;
}

export async function unassignAction(input: unknown) {
  const result = await guardedWrite(assignmentSchema, input, "curator", (user, i) => unassignDocument(db, user.id, i));
  if (result.ok) revalidatePath("/progress");
  return result;
}

export async function setIndependentReviewAction(input: unknown) {
  const result = await guardedWrite(independentReviewSchema, input, "curator", (user, i) =>
    setIndependentReview(db, user.id, i),
  );
  if (result.ok) revalidatePath("/progress");
  return result;
}
